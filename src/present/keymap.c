#include "present/keymap.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

typedef struct named_key {
    const char *name;
    int key;
} named_key;

/* first name of a key is its canonical name */
static const named_key NAMED[] = {
    {"space", PD_KEY_SPACE},
    {"right", PD_KEY_RIGHT},
    {"left", PD_KEY_LEFT},
    {"down", PD_KEY_DOWN},
    {"up", PD_KEY_UP},
    {"pagedown", PD_KEY_PAGE_DOWN},
    {"pageup", PD_KEY_PAGE_UP},
    {"home", PD_KEY_HOME},
    {"end", PD_KEY_END},
    {"enter", PD_KEY_ENTER},
    {"backspace", PD_KEY_BACKSPACE},
    {"escape", PD_KEY_ESCAPE},
    {"tab", PD_KEY_TAB},
    {"insert", PD_KEY_INSERT},
    {"delete", PD_KEY_DELETE},
    {"kpenter", PD_KEY_KP_ENTER},
    {"period", PD_KEY_PERIOD},
    {"slash", PD_KEY_SLASH},
    {"comma", PD_KEY_COMMA},
    {"minus", PD_KEY_MINUS},
    {"equal", PD_KEY_EQUAL},
    {"semicolon", PD_KEY_SEMICOLON},
    {"apostrophe", PD_KEY_APOSTROPHE},
    {"backslash", PD_KEY_BACKSLASH},
    {"leftbracket", PD_KEY_LEFT_BRACKET},
    {"rightbracket", PD_KEY_RIGHT_BRACKET},
    /* aliases */
    {"esc", PD_KEY_ESCAPE},
    {"return", PD_KEY_ENTER},
    {"pgdn", PD_KEY_PAGE_DOWN},
    {"pgup", PD_KEY_PAGE_UP},
    {"del", PD_KEY_DELETE},
    {"bs", PD_KEY_BACKSPACE},
    {".", PD_KEY_PERIOD},
    {"/", PD_KEY_SLASH},
    {",", PD_KEY_COMMA},
    {"-", PD_KEY_MINUS},
    {"=", PD_KEY_EQUAL},
    {";", PD_KEY_SEMICOLON},
    {"'", PD_KEY_APOSTROPHE},
    {"\\", PD_KEY_BACKSLASH},
    {"[", PD_KEY_LEFT_BRACKET},
    {"]", PD_KEY_RIGHT_BRACKET},
};

const char *pd_key_name(int key)
{
    static const char *const letters[26] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
                                            "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"};
    static const char *const digits[10] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    static const char *const fkeys[12] = {"f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12"};
    static const char *const kp[10] = {"kp0", "kp1", "kp2", "kp3", "kp4", "kp5", "kp6", "kp7", "kp8", "kp9"};
    if (key >= PD_KEY_A && key <= PD_KEY_Z)
        return letters[key - PD_KEY_A];
    if (key >= PD_KEY_0 && key <= PD_KEY_9)
        return digits[key - PD_KEY_0];
    if (key >= PD_KEY_F1 && key <= PD_KEY_F12)
        return fkeys[key - PD_KEY_F1];
    if (key >= PD_KEY_KP_0 && key <= PD_KEY_KP_9)
        return kp[key - PD_KEY_KP_0];
    if (key == PD_KEY_LEFT_BRACKET)
        return "[";
    if (key == PD_KEY_RIGHT_BRACKET)
        return "]";
    if (key == PD_KEY_PERIOD)
        return ".";
    for (size_t i = 0; i < sizeof NAMED / sizeof NAMED[0]; i++)
        if (NAMED[i].key == key)
            return NAMED[i].name;
    return NULL;
}

static bool parse_key(const char *s, int *key)
{
    size_t n = strlen(s);
    if (n == 0)
        return false;
    if (n == 1 && isalpha((unsigned char)s[0])) {
        *key = PD_KEY_A + (tolower((unsigned char)s[0]) - 'a');
        return true;
    }
    if (n == 1 && isdigit((unsigned char)s[0])) {
        *key = PD_KEY_0 + (s[0] - '0');
        return true;
    }
    if ((s[0] == 'f' || s[0] == 'F') && n <= 3 && isdigit((unsigned char)s[1]) &&
        (n == 2 || isdigit((unsigned char)s[2]))) {
        int k = s[1] - '0';
        if (n == 3)
            k = k * 10 + (s[2] - '0');
        if (k < 1 || k > 12)
            return false;
        *key = PD_KEY_F1 + k - 1;
        return true;
    }
    if (n == 3 && strncasecmp(s, "kp", 2) == 0 && isdigit((unsigned char)s[2])) {
        *key = PD_KEY_KP_0 + (s[2] - '0');
        return true;
    }
    for (size_t i = 0; i < sizeof NAMED / sizeof NAMED[0]; i++)
        if (strcasecmp(NAMED[i].name, s) == 0) {
            *key = NAMED[i].key;
            return true;
        }
    return false;
}

bool pd_key_parse(const char *name, int *key, int *mods)
{
    *key = 0;
    *mods = 0;
    if (!name || !*name)
        return false;
    const char *s = name;
    for (;;) {
        const char *plus = strchr(s, '+');
        /* a trailing "+" is not a separator ("shift++" would be odd anyway) */
        if (!plus || plus[1] == 0)
            break;
        size_t n = (size_t)(plus - s);
        if (n == 5 && strncasecmp(s, "shift", 5) == 0)
            *mods |= PD_MOD_SHIFT;
        else if ((n == 4 && strncasecmp(s, "ctrl", 4) == 0) || (n == 7 && strncasecmp(s, "control", 7) == 0))
            *mods |= PD_MOD_CTRL;
        else if (n == 3 && strncasecmp(s, "alt", 3) == 0)
            *mods |= PD_MOD_ALT;
        else
            return false;
        s = plus + 1;
    }
    if (strcmp(s, "?") == 0) {
        *key = PD_KEY_SLASH;
        *mods |= PD_MOD_SHIFT;
        return true;
    }
    return parse_key(s, key);
}

static const pd_key_binding BINDINGS[] = {
    {"\xe2\x86\x92 \xe2\x86\x93 Space PageDown N Enter, left click",
     "next: play to the next stop and hold; a second press completes it at once"},
    {"\xe2\x86\x90 \xe2\x86\x91 PageUp Backspace P Shift+Space, right click",
     "previous: the previous stop's held state, at once"},
    {"V", "play back to the previous stop in reverse"},
    {"R", "replay the current step"},
    {"] / [   Shift+PageDown / Shift+PageUp", "next / previous section"},
    {"Home / End", "start of the talk (stop 0) / last stop"},
    {"1 \xe2\x80\xa6 9", "section N"},
    {"G, digits, Enter", "stop N"},
    {"Shift+\xe2\x86\x92 / Shift+\xe2\x86\x90 (hold)", "scrub forward / back"},
    {"Ctrl+\xe2\x86\x92 / Ctrl+\xe2\x86\x90", "one frame forward / back (pauses)"},
    {"drag on the timeline, wheel", "scrub"},
    {"K", "play / pause (plays every wait at its length)"},
    {"B or .   W", "black screen   white screen"},
    {"F or F11, F5", "fullscreen (toggle), fullscreen (on)"},
    {"S", "presenter view (second window)"},
    {"H", "HUD: section, stop and its title, timer, time left, clock, timeline"},
    {"Tab or O", "overview of every stop: arrows or mouse select, Enter goes, Esc returns"},
    {"L   Shift+L", "laser pointer   spotlight (both follow the mouse)"},
    {"D", "pen: the left button draws (not next); 1\xe2\x80\xa6"
          "5 or C colour"},
    {"Ctrl+Z   E", "undo the last stroke   clear this stop's strokes"},
    {"Z, Ctrl+wheel", "zoom 2x at the mouse; wheel up to 8x; Z or Esc leaves"},
    {"Shift+F", "freeze the audience's frame (the presenter view moves on)"},
    {"? or F1", "this help"},
    {"F12   Shift+F12", "screenshot   start / stop recording"},
    {"Esc", "leaves help, overview, zoom, pen, laser, freeze, blackout or fullscreen; then quits"},
    {"Q or Ctrl+Q", "quit"},
};

const pd_key_binding *pd_key_bindings(int *count)
{
    *count = (int)(sizeof BINDINGS / sizeof BINDINGS[0]);
    return BINDINGS;
}

int pd_utf8_columns(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80; /* count lead bytes, not continuations */
    return n;
}
