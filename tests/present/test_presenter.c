/* The presenter's state machine on a made-up timeline, key by key: every
 * binding of docs/keys.md, the mouse, the wheel, scripts and their errors.
 * Pure logic: no GL, no window. */
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <string.h>

#include "../check.h"
#include "present/keymap.h"
#include "present/presenter.h"
#include "present/script.h"

/* key codes pass from GLFW to the presenter unchanged */
_Static_assert(PD_KEY_RIGHT == GLFW_KEY_RIGHT && PD_KEY_LEFT == GLFW_KEY_LEFT &&
                   PD_KEY_PAGE_DOWN == GLFW_KEY_PAGE_DOWN && PD_KEY_PAGE_UP == GLFW_KEY_PAGE_UP &&
                   PD_KEY_HOME == GLFW_KEY_HOME && PD_KEY_END == GLFW_KEY_END && PD_KEY_F1 == GLFW_KEY_F1 &&
                   PD_KEY_F5 == GLFW_KEY_F5 && PD_KEY_F11 == GLFW_KEY_F11 && PD_KEY_F12 == GLFW_KEY_F12 &&
                   PD_KEY_KP_0 == GLFW_KEY_KP_0 && PD_KEY_KP_ENTER == GLFW_KEY_KP_ENTER &&
                   PD_KEY_RIGHT_BRACKET == GLFW_KEY_RIGHT_BRACKET && PD_KEY_LEFT_BRACKET == GLFW_KEY_LEFT_BRACKET &&
                   PD_KEY_PERIOD == GLFW_KEY_PERIOD && PD_KEY_SLASH == GLFW_KEY_SLASH &&
                   PD_KEY_ESCAPE == GLFW_KEY_ESCAPE && PD_KEY_ENTER == GLFW_KEY_ENTER &&
                   PD_KEY_BACKSPACE == GLFW_KEY_BACKSPACE && PD_KEY_SPACE == GLFW_KEY_SPACE && 'A' == GLFW_KEY_A &&
                   '0' == GLFW_KEY_0 && PD_MOD_SHIFT == GLFW_MOD_SHIFT && PD_MOD_CTRL == GLFW_MOD_CONTROL &&
                   PD_MOD_ALT == GLFW_MOD_ALT,
               "podium's key codes are GLFW's");

#define F (1.0 / PD_PRESENT_FPS)

/* stops at 2 (hold 1), 5 (hold 0.5), 8 (hold 2); the talk moves again 10..11 */
static const pd_stop STOPS[] = {
    {.t = 2, .hold = 1, .section = 0, .note = "one"},
    {.t = 5, .hold = 0.5, .section = 1, .note = "two"},
    {.t = 8, .hold = 2, .section = 1, .note = "three"},
};
static const pd_section_info SECTIONS[] = {{.t = 0, .title = "A"}, {.t = 4, .title = "B"}};

static pd_presenter *make(void)
{
    pd_err err = {0};
    pd_presenter *p = pd_presenter_create(
        &(pd_presenter_desc){
            .timeline = {.stops = STOPS, .stop_count = 3, .sections = SECTIONS, .section_count = 2, .duration = 11},
            .hud = true},
        &err);
    CHECK(p != NULL, "create: %s", err.msg);
    return p;
}

static void settle(pd_presenter *p)
{
    for (int i = 0; i < 100 && pd_presenter_time_to_rest(p) > 0; i++)
        pd_presenter_tick(p, pd_presenter_time_to_rest(p));
}

#define EXPECT(p, want_t, want_stop, want_mode, what)                                                              \
    do {                                                                                                           \
        CHECK_NEAR(pd_presenter_t(p), (want_t), 1e-6, what);                                                       \
        CHECK(pd_presenter_stop(p) == (want_stop), "%s: stop %d, want %d", what, pd_presenter_stop(p), want_stop); \
        CHECK(pd_presenter_mode(p) == (want_mode), "%s: mode %s, want %s", what,                                   \
              pd_play_mode_name(pd_presenter_mode(p)), pd_play_mode_name(want_mode));                              \
    } while (0)

static void test_next_prev(void)
{
    pd_presenter *p = make();
    EXPECT(p, 0, 0, PD_MODE_HELD, "start");
    /* next plays from one frame in (the first frame after a press moves) */
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    EXPECT(p, F, 0, PD_MODE_PLAYING, "right");
    pd_presenter_tick(p, 1.0);
    EXPECT(p, 1 + F, 0, PD_MODE_PLAYING, "playing");
    settle(p);
    EXPECT(p, 2, 1, PD_MODE_HELD, "held at stop 1");
    /* from a held stop, the wait's still frames are skipped */
    pd_presenter_key(p, PD_KEY_SPACE, 0);
    EXPECT(p, 3 + F, 1, PD_MODE_PLAYING, "space skips the hold");
    /* a second press completes the running animation at once */
    pd_presenter_key(p, PD_KEY_PAGE_DOWN, 0);
    EXPECT(p, 5, 2, PD_MODE_HELD, "pagedown completes");
    /* previous: the previous stop's held state (its end), at once */
    pd_presenter_key(p, PD_KEY_LEFT, 0);
    EXPECT(p, 2, 1, PD_MODE_HELD, "left");
    pd_presenter_key(p, PD_KEY_UP, 0);
    EXPECT(p, 0, 0, PD_MODE_HELD, "up to the start");
    pd_presenter_key(p, PD_KEY_BACKSPACE, 0);
    EXPECT(p, 0, 0, PD_MODE_HELD, "backspace at the start stays");
    /* the other next keys */
    int next_keys[] = {PD_KEY_DOWN, 'N', PD_KEY_ENTER, PD_KEY_KP_ENTER};
    for (int i = 0; i < 4; i++) {
        pd_presenter_key(p, PD_KEY_HOME, 0);
        pd_presenter_key(p, next_keys[i], 0);
        CHECK(pd_presenter_mode(p) == PD_MODE_PLAYING, "next key %d plays", next_keys[i]);
    }
    settle(p);
    EXPECT(p, 2, 1, PD_MODE_HELD, "settled");
    /* previous while playing: the stop the animation started from */
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    pd_presenter_tick(p, 0.5);
    pd_presenter_key(p, 'P', 0);
    EXPECT(p, 2, 1, PD_MODE_HELD, "p while playing");
    pd_presenter_key(p, PD_KEY_PAGE_UP, 0);
    EXPECT(p, 0, 0, PD_MODE_HELD, "pageup");
    pd_presenter_key(p, PD_KEY_END, 0);
    pd_presenter_key(p, PD_KEY_SPACE, PD_MOD_SHIFT);
    EXPECT(p, 5, 2, PD_MODE_HELD, "shift+space is previous");
    /* past the last stop, next plays the talk's tail to the end */
    pd_presenter_key(p, PD_KEY_END, 0);
    EXPECT(p, 8, 3, PD_MODE_HELD, "end");
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    EXPECT(p, 10 + F, 3, PD_MODE_PLAYING, "next after the last stop");
    settle(p);
    EXPECT(p, 11, 3, PD_MODE_HELD, "held at the end");
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    EXPECT(p, 11, 3, PD_MODE_HELD, "nothing after the end");
    CHECK(pd_presenter_take_message(p) != NULL, "end of the talk is said");
    pd_presenter_key(p, PD_KEY_LEFT, 0);
    EXPECT(p, 8, 3, PD_MODE_HELD, "left from the end");
    /* mouse: left click is next, right click previous */
    pd_presenter_mouse_down(p, 1, 0.5, 0.5);
    EXPECT(p, 5, 2, PD_MODE_HELD, "right click");
    pd_presenter_mouse_down(p, 0, 0.5, 0.5);
    pd_presenter_mouse_up(p, 0, 0.5, 0.5);
    EXPECT(p, 5.5 + F, 2, PD_MODE_PLAYING, "left click");
    pd_presenter_destroy(&p);
}

static void test_reverse_replay(void)
{
    pd_presenter *p = make();
    pd_presenter_key(p, PD_KEY_END, 0);
    pd_presenter_key(p, PD_KEY_LEFT, 0);
    EXPECT(p, 5, 2, PD_MODE_HELD, "at stop 2");
    /* V plays back at normal speed, ends held at the previous stop */
    pd_presenter_key(p, 'V', 0);
    EXPECT(p, 5 - F, 1, PD_MODE_REVERSE, "v starts");
    pd_presenter_tick(p, 1.0);
    EXPECT(p, 4 - F, 1, PD_MODE_REVERSE, "reversing at speed 1");
    settle(p);
    EXPECT(p, 2, 1, PD_MODE_HELD, "reverse ends at the previous stop");
    /* V while reversing completes it at once */
    pd_presenter_key(p, PD_KEY_END, 0);
    pd_presenter_key(p, 'V', 0);
    pd_presenter_tick(p, 0.2);
    pd_presenter_key(p, 'V', 0);
    EXPECT(p, 5, 2, PD_MODE_HELD, "second v completes");
    /* next while reversing: back to the stop it came from */
    pd_presenter_key(p, 'V', 0);
    pd_presenter_tick(p, 0.2);
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    EXPECT(p, 5, 2, PD_MODE_HELD, "next during reverse");
    /* R replays the step that led to the held stop */
    pd_presenter_key(p, 'R', 0);
    EXPECT(p, 3, 1, PD_MODE_PLAYING, "r restarts the step");
    settle(p);
    EXPECT(p, 5, 2, PD_MODE_HELD, "r ends at the same stop");
    /* R mid-step restarts the running step */
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    pd_presenter_tick(p, 1);
    pd_presenter_key(p, 'R', 0);
    EXPECT(p, 5.5, 2, PD_MODE_PLAYING, "r mid-step");
    /* V at the start: nothing before it */
    pd_presenter_key(p, PD_KEY_HOME, 0);
    pd_presenter_key(p, 'V', 0);
    EXPECT(p, 0, 0, PD_MODE_HELD, "v at the start");
    pd_presenter_key(p, 'R', 0);
    EXPECT(p, 0, 0, PD_MODE_HELD, "r at the start");
    pd_presenter_destroy(&p);
}

static void test_sections_goto(void)
{
    pd_presenter *p = make();
    pd_presenter_key(p, PD_KEY_RIGHT_BRACKET, 0);
    EXPECT(p, 5, 2, PD_MODE_HELD, "] to section 2's first stop");
    CHECK(pd_presenter_section(p) == 1, "section %d", pd_presenter_section(p));
    pd_presenter_key(p, PD_KEY_RIGHT_BRACKET, 0);
    EXPECT(p, 5, 2, PD_MODE_HELD, "] past the last section stays");
    CHECK(pd_presenter_take_message(p) != NULL, "a message for no next section");
    pd_presenter_key(p, PD_KEY_END, 0);
    pd_presenter_key(p, PD_KEY_LEFT_BRACKET, 0);
    EXPECT(p, 5, 2, PD_MODE_HELD, "[ to this section's start");
    pd_presenter_key(p, PD_KEY_LEFT_BRACKET, 0);
    EXPECT(p, 2, 1, PD_MODE_HELD, "[ again: the previous section");
    pd_presenter_key(p, PD_KEY_PAGE_DOWN, PD_MOD_SHIFT);
    EXPECT(p, 5, 2, PD_MODE_HELD, "shift+pagedown");
    pd_presenter_key(p, PD_KEY_PAGE_UP, PD_MOD_SHIFT);
    EXPECT(p, 2, 1, PD_MODE_HELD, "shift+pageup");
    pd_presenter_key(p, '2', 0);
    EXPECT(p, 5, 2, PD_MODE_HELD, "digit 2");
    pd_presenter_key(p, PD_KEY_KP_0 + 1, 0);
    EXPECT(p, 2, 1, PD_MODE_HELD, "keypad 1");
    pd_presenter_key(p, '7', 0);
    EXPECT(p, 2, 1, PD_MODE_HELD, "digit 7 out of range");
    const char *msg = pd_presenter_take_message(p);
    CHECK(msg && strstr(msg, "section 7") && strstr(msg, "1..2"), "message: %s", msg ? msg : "(none)");
    /* G digits Enter */
    pd_presenter_key(p, 'G', 0);
    CHECK(pd_presenter_get_view(p).goto_active, "g starts the entry");
    pd_presenter_key(p, '3', 0);
    pd_presenter_key(p, PD_KEY_ENTER, 0);
    EXPECT(p, 8, 3, PD_MODE_HELD, "g 3 enter");
    pd_presenter_key(p, 'G', 0);
    pd_presenter_key(p, '0', 0);
    pd_presenter_key(p, PD_KEY_ENTER, 0);
    EXPECT(p, 0, 0, PD_MODE_HELD, "g 0 enter");
    pd_presenter_key(p, 'G', 0);
    pd_presenter_key(p, '9', 0);
    pd_presenter_key(p, '9', 0);
    pd_presenter_key(p, PD_KEY_BACKSPACE, 0);
    pd_presenter_key(p, '4', 0);
    CHECK(strcmp(pd_presenter_get_view(p).goto_digits, "94") == 0, "digits %s", pd_presenter_get_view(p).goto_digits);
    pd_presenter_key(p, PD_KEY_ENTER, 0);
    EXPECT(p, 0, 0, PD_MODE_HELD, "g 94 enter: out of range");
    msg = pd_presenter_take_message(p);
    CHECK(msg && strstr(msg, "stop 94") && strstr(msg, "0..3"), "message: %s", msg ? msg : "(none)");
    pd_presenter_key(p, 'G', 0);
    pd_presenter_key(p, '2', 0);
    unsigned act = pd_presenter_key(p, PD_KEY_ESCAPE, 0);
    CHECK(!(act & PD_ACT_QUIT) && !pd_presenter_get_view(p).goto_active, "esc cancels the entry");
    EXPECT(p, 0, 0, PD_MODE_HELD, "cancelled");
    pd_err err = {0};
    CHECK(!pd_presenter_goto_stop(p, 4, &err) && strstr(err.msg, "0..3"), "goto_stop 4: %s", err.msg);
    CHECK(!pd_presenter_goto_section(p, 0, &err), "goto_section 0 fails");
    CHECK(pd_presenter_goto_section(p, 2, &err), "goto_section 2");
    EXPECT(p, 5, 2, PD_MODE_HELD, "section 2");
    pd_presenter_destroy(&p);
}

static void test_scrub_play(void)
{
    pd_presenter *p = make();
    /* K plays continuously, through waits, at their length */
    pd_presenter_key(p, 'K', 0);
    EXPECT(p, 0, 0, PD_MODE_PLAYING, "k");
    pd_presenter_tick(p, 2.5);
    EXPECT(p, 2.5, 1, PD_MODE_PLAYING, "k plays through the wait");
    pd_presenter_key(p, 'K', 0);
    EXPECT(p, 2.5, 1, PD_MODE_PAUSED, "k pauses");
    pd_presenter_key(p, 'K', 0);
    settle(p);
    EXPECT(p, 11, 3, PD_MODE_HELD, "k plays to the end");
    /* Ctrl+arrows: one frame, paused */
    pd_presenter_seek(p, 3.5);
    pd_presenter_key(p, PD_KEY_RIGHT, PD_MOD_CTRL);
    EXPECT(p, 3.5 + F, 1, PD_MODE_PAUSED, "ctrl+right");
    pd_presenter_key(p, PD_KEY_LEFT, PD_MOD_CTRL);
    pd_presenter_key(p, PD_KEY_LEFT, PD_MOD_CTRL);
    EXPECT(p, 3.5 - F, 1, PD_MODE_PAUSED, "ctrl+left twice");
    /* Shift+arrows: a frame at once, then continuous while held */
    pd_presenter_seek(p, 4);
    pd_presenter_key(p, PD_KEY_RIGHT, PD_MOD_SHIFT);
    EXPECT(p, 4 + F, 1, PD_MODE_PAUSED, "shift+right press");
    pd_presenter_key(p, PD_KEY_RIGHT, PD_MOD_SHIFT); /* a repeat does not jump */
    pd_presenter_tick(p, 0.5);
    EXPECT(p, 4 + F + 0.5 * PD_PRESENT_SCRUB_SPEED, 2, PD_MODE_PAUSED, "held");
    CHECK(pd_presenter_get_view(p).scrubbing, "scrubbing");
    pd_presenter_key_up(p, PD_KEY_RIGHT, 0);
    pd_presenter_tick(p, 0.5);
    EXPECT(p, 4 + F + 0.5 * PD_PRESENT_SCRUB_SPEED, 2, PD_MODE_PAUSED, "released");
    pd_presenter_key(p, PD_KEY_LEFT, PD_MOD_SHIFT);
    pd_presenter_tick(p, 100);
    EXPECT(p, 0, 0, PD_MODE_PAUSED, "scrub back clamps at 0");
    pd_presenter_key_up(p, PD_KEY_LEFT, PD_MOD_SHIFT);
    /* next from paused plays to the next stop */
    pd_presenter_seek(p, 6);
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    EXPECT(p, 6 + F, 2, PD_MODE_PLAYING, "next from paused");
    /* previous from inside a wait goes to the stop before it */
    pd_presenter_seek(p, 8.5);
    pd_presenter_key(p, PD_KEY_LEFT, 0);
    EXPECT(p, 5, 2, PD_MODE_HELD, "previous from inside a wait");
    /* timeline bar: press, drag, release; wheel */
    pd_presenter_mouse_down(p, 0, PD_HUD_BAR_X0 + 0.5 * (PD_HUD_BAR_X1 - PD_HUD_BAR_X0), PD_HUD_BAR_Y);
    EXPECT(p, 5.5, 2, PD_MODE_PAUSED, "bar press");
    pd_presenter_mouse_move(p, PD_HUD_BAR_X1, PD_HUD_BAR_Y + 0.2);
    EXPECT(p, 11, 3, PD_MODE_PAUSED, "drag (off the bar vertically still drags)");
    pd_presenter_mouse_up(p, 0, PD_HUD_BAR_X0, PD_HUD_BAR_Y);
    EXPECT(p, 0, 0, PD_MODE_PAUSED, "release");
    pd_presenter_mouse_move(p, 0.5, PD_HUD_BAR_Y);
    EXPECT(p, 0, 0, PD_MODE_PAUSED, "moves without a button do nothing");
    pd_presenter_scroll(p, -4);
    EXPECT(p, 4 * PD_PRESENT_WHEEL_S, 0, PD_MODE_PAUSED, "wheel toward the user: forward");
    pd_presenter_scroll(p, 1);
    EXPECT(p, 3 * PD_PRESENT_WHEEL_S, 0, PD_MODE_PAUSED, "wheel away: back");
    /* with the HUD hidden the bar is not there: a click is next */
    pd_presenter_key(p, 'H', 0);
    CHECK(!pd_presenter_get_view(p).hud, "h hides the HUD");
    pd_presenter_mouse_down(p, 0, 0.5, PD_HUD_BAR_Y);
    CHECK(pd_presenter_mode(p) == PD_MODE_PLAYING, "click without HUD is next");
    pd_presenter_destroy(&p);
}

static void test_screen_keys(void)
{
    pd_presenter *p = make();
    unsigned act;
    pd_presenter_key(p, 'B', 0);
    CHECK(pd_presenter_get_view(p).blackout, "b");
    pd_presenter_key(p, 'W', 0);
    CHECK(pd_presenter_get_view(p).white && !pd_presenter_get_view(p).blackout, "w replaces black");
    pd_presenter_key(p, PD_KEY_PERIOD, 0);
    CHECK(pd_presenter_get_view(p).blackout && !pd_presenter_get_view(p).white, ". (clickers)");
    pd_presenter_key(p, PD_KEY_PERIOD, 0);
    CHECK(!pd_presenter_get_view(p).blackout, ". again");
    pd_presenter_key(p, PD_KEY_SLASH, PD_MOD_SHIFT);
    CHECK(pd_presenter_get_view(p).help, "?");
    pd_presenter_key(p, PD_KEY_SLASH, 0);
    CHECK(pd_presenter_get_view(p).help, "/ alone is not ?");
    pd_presenter_key(p, PD_KEY_F1, 0);
    CHECK(!pd_presenter_get_view(p).help, "f1 toggles");
    act = pd_presenter_key(p, 'F', 0);
    CHECK((act & PD_ACT_FULLSCREEN) && pd_presenter_get_view(p).fullscreen, "f");
    act = pd_presenter_key(p, PD_KEY_F11, 0);
    CHECK((act & PD_ACT_FULLSCREEN) && !pd_presenter_get_view(p).fullscreen, "f11");
    act = pd_presenter_key(p, PD_KEY_F5, 0);
    CHECK((act & PD_ACT_FULLSCREEN) && pd_presenter_get_view(p).fullscreen, "f5 enters");
    act = pd_presenter_key(p, PD_KEY_F5, 0);
    CHECK(!(act & PD_ACT_FULLSCREEN), "f5 does not leave");
    /* Esc leaves overlays, then the black screen, then fullscreen, then quits */
    pd_presenter_key(p, PD_KEY_F1, 0);
    pd_presenter_key(p, 'B', 0);
    act = pd_presenter_key(p, PD_KEY_ESCAPE, 0);
    CHECK(!(act & PD_ACT_QUIT) && !pd_presenter_get_view(p).help, "esc 1: help");
    act = pd_presenter_key(p, PD_KEY_ESCAPE, 0);
    CHECK(!(act & PD_ACT_QUIT) && !pd_presenter_get_view(p).blackout, "esc 2: blackout");
    act = pd_presenter_key(p, PD_KEY_ESCAPE, 0);
    CHECK(!(act & PD_ACT_QUIT) && (act & PD_ACT_FULLSCREEN) && !pd_presenter_get_view(p).fullscreen,
          "esc 3: fullscreen");
    act = pd_presenter_key(p, PD_KEY_ESCAPE, 0);
    CHECK(act & PD_ACT_QUIT, "esc 4: quit");
    CHECK(pd_presenter_key(p, 'Q', 0) & PD_ACT_QUIT, "q");
    CHECK(pd_presenter_key(p, 'Q', PD_MOD_CTRL) & PD_ACT_QUIT, "ctrl+q");
    CHECK(pd_presenter_key(p, 'S', 0) & PD_ACT_PRESENTER_VIEW, "s");
    CHECK(pd_presenter_key(p, PD_KEY_F12, 0) & PD_ACT_SCREENSHOT, "f12");
    CHECK(pd_presenter_key(p, PD_KEY_F12, PD_MOD_SHIFT) & PD_ACT_RECORD, "shift+f12");
    CHECK(pd_presenter_key(p, PD_KEY_RIGHT, PD_MOD_ALT) == 0, "alt+right is left to the window manager");
    pd_presenter_key(p, 'H', 0);
    pd_presenter_key(p, 'H', 0);
    CHECK(pd_presenter_get_view(p).hud, "h twice");
    /* timer starts with the first step forward */
    CHECK(pd_presenter_get_view(p).elapsed_s == 0, "timer not started");
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    pd_presenter_tick(p, 3);
    CHECK_NEAR(pd_presenter_get_view(p).elapsed_s, 3, 1e-9, "timer");
    pd_presenter_toast(p, "hello %d", 5);
    CHECK(pd_presenter_get_view(p).toast && strcmp(pd_presenter_get_view(p).toast, "hello 5") == 0, "toast");
    pd_presenter_tick(p, PD_PRESENT_TOAST_S + 0.1);
    CHECK(pd_presenter_get_view(p).toast == NULL, "toast expires");
    pd_presenter_destroy(&p);
}

static void test_keymap_script(void)
{
    int key = 0, mods = 0;
    CHECK(pd_key_parse("shift+PageDown", &key, &mods) && key == PD_KEY_PAGE_DOWN && mods == PD_MOD_SHIFT, "shift+pd");
    CHECK(pd_key_parse("?", &key, &mods) && key == PD_KEY_SLASH && mods == PD_MOD_SHIFT, "?");
    CHECK(pd_key_parse("ctrl+q", &key, &mods) && key == 'Q' && mods == PD_MOD_CTRL, "ctrl+q");
    CHECK(pd_key_parse("f12", &key, &mods) && key == PD_KEY_F12, "f12");
    CHECK(pd_key_parse("]", &key, &mods) && key == PD_KEY_RIGHT_BRACKET, "]");
    CHECK(pd_key_parse(".", &key, &mods) && key == PD_KEY_PERIOD, ".");
    CHECK(pd_key_parse("kp7", &key, &mods) && key == PD_KEY_KP_0 + 7, "kp7");
    CHECK(!pd_key_parse("f13", &key, &mods), "f13");
    CHECK(!pd_key_parse("frobnicate", &key, &mods), "unknown");
    CHECK(!pd_key_parse("hyper+a", &key, &mods), "unknown modifier");
    CHECK(!pd_key_parse("", &key, &mods), "empty");
    /* every named key parses back to itself */
    for (int k = 0; k < 400; k++) {
        const char *n = pd_key_name(k);
        if (!n)
            continue;
        CHECK(pd_key_parse(n, &key, &mods) && key == k && mods == 0, "round trip %d '%s'", k, n);
    }
    int count = 0;
    pd_key_bindings(&count);
    CHECK(count >= 15, "binding table has %d rows", count);

    pd_err err = {0};
    pd_script *sc =
        pd_script_parse("right, settle wait:1.5 hold:shift+right:0.5 bar:0.5 drag:0:1 wheel:-2 click", &err);
    CHECK(sc && pd_script_count(sc) == 8, "parse: %s", err.msg);
    pd_script_free(&sc);
    const char *bad[] = {"right frob", "wait:abc", "wait:-1", "bar:2", "drag:0.5", "hold:zz:1", "hold:right", "foo:1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err.msg[0] = 0;
        sc = pd_script_parse(bad[i], &err);
        CHECK(!sc && strstr(err.msg, "--keys"), "'%s' is refused: %s", bad[i], err.msg);
        pd_script_free(&sc);
    }
    sc = pd_script_parse("right frob", &err);
    CHECK(strstr(err.msg, "unknown key 'frob'") && strstr(err.msg, "token 2"), "names the token: %s", err.msg);
    pd_script_free(&sc);
    sc = pd_script_parse("", &err);
    CHECK(sc && pd_script_count(sc) == 0, "empty script");
    pd_script_free(&sc);
}

static void tick(void *user, double dt) { pd_presenter_tick(user, dt); }

static void test_script_apply(void)
{
    pd_presenter *p = make();
    pd_err err = {0};
    pd_script *sc = pd_script_parse("right settle right wait:0.5 v settle hold:shift+right:1 ctrl+left bar:1 "
                                    "wheel:1 rclick",
                                    &err);
    CHECK(sc != NULL, "%s", err.msg);
    double want[] = {F,  2,  3 + F, 3.5 + F, 3.5, 2, 2 + F + PD_PRESENT_SCRUB_SPEED, 2 + PD_PRESENT_SCRUB_SPEED,
                     11, 11, 8};
    for (int i = 0; sc && i < pd_script_count(sc); i++) {
        pd_script_apply(p, pd_script_at(sc, i), tick, p);
        CHECK_NEAR(pd_presenter_t(p), want[i], 1e-6, pd_script_at(sc, i)->text);
    }
    pd_script_free(&sc);
    pd_presenter_destroy(&p);
}

static void test_empty_talk(void)
{
    pd_err err = {0};
    pd_presenter *p = pd_presenter_create(&(pd_presenter_desc){.timeline = {.duration = 10}}, &err);
    CHECK(p != NULL, "no stops: %s", err.msg);
    pd_presenter_key(p, PD_KEY_RIGHT_BRACKET, 0);
    pd_presenter_key(p, '1', 0);
    pd_presenter_key(p, 'V', 0);
    pd_presenter_key(p, 'R', 0);
    EXPECT(p, 0, 0, PD_MODE_HELD, "no sections, nothing before the start");
    CHECK(pd_presenter_take_message(p) != NULL, "says so");
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    settle(p);
    EXPECT(p, 10, 0, PD_MODE_HELD, "next plays to the end");
    pd_presenter_key(p, PD_KEY_HOME, 0);
    pd_presenter_key(p, PD_KEY_END, 0);
    EXPECT(p, 10, 0, PD_MODE_HELD, "end is the end");
    pd_presenter_key(p, PD_KEY_HOME, 0);
    pd_presenter_key(p, 'K', 0);
    settle(p);
    EXPECT(p, 10, 0, PD_MODE_HELD, "k plays it");
    pd_presenter_destroy(&p);
    CHECK(pd_presenter_create(&(pd_presenter_desc){.timeline = {.duration = -1}}, &err) == NULL, "negative duration");
}

/* Next while K plays inside the last wait of a talk that ends with it: the
 * play completes at the end, held (found by the key storm) */
static void test_next_in_last_wait(void)
{
    static const pd_stop stops[] = {{.t = 2, .hold = 1, .section = 0}, {.t = 8, .hold = 3, .section = 0}};
    pd_err err = {0};
    pd_presenter *p =
        pd_presenter_create(&(pd_presenter_desc){.timeline = {.stops = stops, .stop_count = 2, .duration = 11}}, &err);
    CHECK(p != NULL, "create: %s", err.msg);
    pd_presenter_key(p, PD_KEY_END, 0);
    EXPECT(p, 8, 2, PD_MODE_HELD, "end: the last stop");
    pd_presenter_key(p, 'K', 0);
    pd_presenter_tick(p, 1.5);
    EXPECT(p, 9.5, 2, PD_MODE_PLAYING, "k plays the last wait");
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    EXPECT(p, 11, 2, PD_MODE_HELD, "next completes it at the end");
    pd_presenter_destroy(&p);
}

/* A reloaded talk: the playhead holds at the same stop, or the last one
 * when the new talk has fewer; the HUD stays as the speaker set it */
static void test_set_timeline(void)
{
    pd_err err = {0};
    pd_presenter *p = make();
    pd_presenter_goto_stop(p, 2, &err);
    pd_presenter_key(p, 'H', 0); /* HUD off (make() starts it on) */
    static const pd_stop more[] = {{.t = 1, .hold = 1}, {.t = 3, .hold = 1}, {.t = 6, .hold = 1}, {.t = 9, .hold = 1}};
    CHECK(pd_presenter_set_timeline(p, &(pd_timeline){.stops = more, .stop_count = 4, .duration = 12}, &err), "%s",
          err.msg);
    EXPECT(p, 3, 2, PD_MODE_HELD, "same stop in the longer talk");
    CHECK(pd_presenter_stop_count(p) == 4 && pd_presenter_duration(p) == 12, "the new places");
    CHECK(!pd_presenter_get_view(p).hud, "the HUD stays off");
    pd_presenter_goto_stop(p, 4, &err);
    CHECK(pd_presenter_set_timeline(p, &(pd_timeline){.stops = STOPS, .stop_count = 3, .duration = 11}, &err), "%s",
          err.msg);
    EXPECT(p, 8, 3, PD_MODE_HELD, "the last stop when the talk has fewer");
    CHECK(!pd_presenter_set_timeline(p, &(pd_timeline){.duration = -1}, &err) && pd_presenter_stop_count(p) == 3,
          "a bad timeline changes nothing");
    pd_presenter_destroy(&p);
}

int main(void)
{
    test_set_timeline();
    test_next_in_last_wait();
    test_next_prev();
    test_reverse_replay();
    test_sections_goto();
    test_scrub_play();
    test_screen_keys();
    test_keymap_script();
    test_script_apply();
    test_empty_talk();
    return check_exit();
}
