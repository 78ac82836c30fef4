/* The GQA talk: talks/gqa.py (class Transformer, the seed scene), ported
 * line by line. Read it beside the seed: every object, play and wait is here,
 * in order, with the same strings, colours, sizes, positions and timings.
 * Where podium departs from Manim's render on purpose, docs/fidelity.md says
 * so (the pipeline pulse, glyph spacing, the GQA annotation past the edge). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "talks/talks.h"

#define TEXT(str_, fs_, color_) pd_text(s, &(pd_text_style){.str = (str_), .font_size = (fs_), .color = (color_)})
#define BOLD_TEXT(str_, fs_, color_) \
    pd_text(s, &(pd_text_style){.str = (str_), .font_size = (fs_), .color = (color_), .bold = true})
#define V2(x_, y_) ((pd_v2){(x_), (y_)})

static const pd_stroke_style GRAY_LINE = {.color = PD_GRAY, .stroke_width = 1.5f};

/* def mk(name, color, w=2.6, h=0.72, fs=10) */
static pd_mob mk(pd_scene *s, const char *name, pd_color color, float w, float h, float fs)
{
    pd_mob box = pd_rectangle(
        s, &(pd_shape_style){.width = w, .height = h, .color = color, .fill_opacity = 0.12f, .stroke_width = 1.5f});
    pd_mob lbl = TEXT(name, fs, color);
    return PD_VGROUP(s, box, lbl);
}

/* def orth_line(start, end, color=GRAY): an L-shaped polyline */
static pd_mob orth_line(pd_scene *s, pd_v2 start, pd_v2 end)
{
    pd_v2 pts[3] = {start, {start.x, end.y}, end};
    return pd_polyline(s, pts, 3, &GRAY_LINE);
}

static void part_gqa_diagram(pd_scene *s)
{
    pd_section(s, "Grouped-Query Attention (GQA)");
    pd_mob title = TEXT("Grouped-Query Attention (GQA)", 42, PD_BLUE);
    pd_to_edge(s, title, PD_UP, 0.35f);
    pd_play_(s, pd_write(title));

    /* ── Layout ── */
    pd_mob inp = TEXT("x (hidden states)", 15, PD_GRAY);
    pd_move_to(s, inp, V2(0, 2.6f));
    float y1 = 1.5f;
    pd_mob q_grp = mk(s,
                      "Q Projection\n1536 \xe2\x86\x92 24\xc3\x97"
                      "64",
                      PD_YELLOW, 2.6f, 0.72f, 10);
    pd_mob k_grp = mk(s,
                      "K Projection\n1536 \xe2\x86\x92 4\xc3\x97"
                      "64",
                      PD_YELLOW, 2.6f, 0.72f, 10);
    pd_mob v_grp = mk(s,
                      "V Projection\n1536 \xe2\x86\x92 4\xc3\x97"
                      "64",
                      PD_YELLOW, 2.6f, 0.72f, 10);
    pd_move_to(s, q_grp, V2(-3.0f, y1));
    pd_move_to(s, k_grp, V2(0, y1));
    pd_move_to(s, v_grp, V2(3.0f, y1));
    float y2 = 0.0f;
    pd_mob repeat_grp = mk(s, "Repeat KV\n4 heads \xe2\x86\x92 24 heads", PD_GREEN, 2.4f, 0.68f, 10);
    pd_move_to(s, repeat_grp, V2(0, y2));
    float y3 = -1.6f;
    pd_mob sdpa_grp = mk(s,
                         "Scaled Dot-Product\nAttention Q\xc2\xb7K^T/\xe2\x88\x9a"
                         "d",
                         PD_BLUE, 2.8f, 0.74f, 10);
    pd_move_to(s, sdpa_grp, V2(0, y3));
    float y4 = -2.9f;
    pd_mob o_grp = mk(s, "O Projection\n1536 \xe2\x86\x92 1536", PD_PURPLE, 2.2f, 0.68f, 10);
    pd_move_to(s, o_grp, V2(0, y4));
    pd_mob out = TEXT("x' (hidden states)", 15, PD_GRAY);
    pd_next_to(s, out, o_grp, PD_DOWN, 0.4f);

    /* ── Animate boxes ── */
    pd_play_(s, pd_write(inp));
    pd_mob all_boxes[] = {q_grp, k_grp, v_grp, repeat_grp, sdpa_grp, o_grp};
    for (int i = 0; i < 6; i++)
        pd_play_rt(s, 0.2, pd_fade_in_shift(all_boxes[i], V2(0, 0.1f)));

    /* ── Input trunk → branch → Q/K/V (enter from directly above) ── */
    pd_v2 trunk_bottom = V2(0, pd_get_top(s, q_grp).y + 0.35f);
    pd_mob trunk = pd_line(s, pd_get_bottom(s, inp), trunk_bottom, &GRAY_LINE);
    pd_play_rt(s, 0.15, pd_create(trunk));
    pd_mob branch_left =
        pd_line(s, V2(pd_get_top(s, q_grp).x, trunk_bottom.y), V2(pd_get_top(s, k_grp).x, trunk_bottom.y), &GRAY_LINE);
    pd_mob branch_right =
        pd_line(s, V2(pd_get_top(s, k_grp).x, trunk_bottom.y), V2(pd_get_top(s, v_grp).x, trunk_bottom.y), &GRAY_LINE);
    pd_play_rt(s, 0.2, pd_create(branch_left), pd_create(branch_right));
    pd_mob drop_q = pd_line(s, V2(pd_get_top(s, q_grp).x, trunk_bottom.y), pd_get_top(s, q_grp), &GRAY_LINE);
    pd_mob drop_k = pd_line(s, V2(pd_get_top(s, k_grp).x, trunk_bottom.y), pd_get_top(s, k_grp), &GRAY_LINE);
    pd_mob drop_v = pd_line(s, V2(pd_get_top(s, v_grp).x, trunk_bottom.y), pd_get_top(s, v_grp), &GRAY_LINE);
    pd_mob drops[] = {drop_q, drop_k, drop_v};
    for (int i = 0; i < 3; i++)
        pd_play_rt(s, 0.12, pd_create(drops[i]));
    pd_mob input_lines = PD_VGROUP(s, trunk, branch_left, branch_right, drop_q, drop_k, drop_v);

    /* ── K/V → Repeat KV (trunk-branch, enter from above) ── */
    float kv_junc_y = pd_get_top(s, repeat_grp).y + 0.3f;
    pd_v2 kb = pd_get_bottom(s, k_grp), vb = pd_get_bottom(s, v_grp);
    pd_mob drop_k2 = pd_line(s, kb, V2(kb.x, kv_junc_y), &GRAY_LINE);
    pd_mob drop_v2 = pd_line(s, vb, V2(vb.x, kv_junc_y), &GRAY_LINE);
    pd_mob kv_branch = pd_line(s, V2(vb.x, kv_junc_y), V2(kb.x, kv_junc_y), &GRAY_LINE);
    pd_mob kv_trunk = pd_line(s, V2(kb.x, kv_junc_y), pd_get_top(s, repeat_grp), &GRAY_LINE);
    pd_mob kv_lines = PD_VGROUP(s, drop_k2, drop_v2, kv_branch, kv_trunk);
    pd_play_rt(s, 0.3, pd_create(kv_lines));

    /* ── Q → SDPA (bypasses Repeat KV, from above) ── */
    float qs_junc_y = pd_get_top(s, sdpa_grp).y + 0.3f;
    pd_v2 qb = pd_get_bottom(s, q_grp);
    pd_v2 qs_pts[] = {qb, V2(qb.x, qs_junc_y), V2(pd_get_top(s, sdpa_grp).x, qs_junc_y), pd_get_top(s, sdpa_grp)};
    pd_mob line_qs = pd_polyline(s, qs_pts, 4, &GRAY_LINE);
    pd_play_rt(s, 0.15, pd_create(line_qs));
    pd_mob line_rs = orth_line(s, pd_get_bottom(s, repeat_grp), pd_get_top(s, sdpa_grp));
    pd_play_rt(s, 0.15, pd_create(line_rs));
    pd_mob line_so = orth_line(s, pd_get_bottom(s, sdpa_grp), pd_get_top(s, o_grp));
    pd_play_rt(s, 0.15, pd_create(line_so));
    pd_mob line_oo = orth_line(s, pd_get_bottom(s, o_grp), pd_get_top(s, out));
    pd_play_rt(s, 0.15, pd_create(line_oo));
    pd_play_(s, pd_write(out));
    pd_stop_title(s, "The GQA block");
    pd_note(s, "Input x fans out to the Q, K and V projections; Q has 24 heads, K and V only 4.");
    pd_wait(s, 0.4);
    pd_mob all_lines = PD_VGROUP(s, input_lines, kv_lines, line_qs, line_rs, line_so, line_oo);

    /* ── RoPE highlight ── */
    pd_mob rope_q = pd_surrounding_rectangle(s, q_grp, &(pd_surround_style){.color = PD_TEAL, .buff = 0.12f});
    pd_mob rope_k = pd_surrounding_rectangle(s, k_grp, &(pd_surround_style){.color = PD_TEAL, .buff = 0.12f});
    pd_mob rope_t = TEXT("RoPE: rotary position encoding\napplied to Q and K", 13, PD_TEAL);
    pd_next_to(s, rope_t, PD_VGROUP(s, rope_q, rope_k), PD_UP, 0.25f);
    pd_play_(s, pd_create(rope_q), pd_create(rope_k), pd_write(rope_t));
    pd_stop_title(s, "RoPE on Q and K");
    pd_note(s, "Rotary position encoding is applied to Q and K only, before attention.");
    pd_wait(s, 1.5);
    pd_play_(s, pd_fade_out(rope_q), pd_fade_out(rope_k), pd_fade_out(rope_t));

    /* ── GQA ratio highlight ── */
    pd_mob gqa_h = pd_surrounding_rectangle(s, PD_VGROUP(s, q_grp, k_grp, v_grp),
                                            &(pd_surround_style){.color = PD_YELLOW, .buff = 0.2f});
    pd_mob gqa_t =
        TEXT("GQA 6:1 \xe2\x80\x94 24 Q-heads \xe2\x86\x92 4 KV-heads\nKV cache reduced by 83%", 13, PD_YELLOW);
    pd_next_to(s, gqa_t, gqa_h, PD_RIGHT, 0.5f);
    pd_play_(s, pd_create(gqa_h), pd_write(gqa_t));
    pd_stop_title(s, "Six Q heads per KV head");
    pd_note(s, "Six query heads share each key/value head: the KV cache shrinks by 83%.");
    pd_wait(s, 1.8);
    pd_play_(s, pd_fade_out(gqa_h), pd_fade_out(gqa_t));

    /* ── Repeat KV highlight ── */
    pd_mob kv_h =
        pd_surrounding_rectangle(s, PD_VGROUP(s, k_grp, v_grp), &(pd_surround_style){.color = PD_GREEN, .buff = 0.12f});
    pd_mob kv_t = TEXT("repeat_kv(): broadcast\n4 heads \xe2\x86\x92 24 heads", 12, PD_GREEN);
    pd_next_to(s, kv_t, kv_h, PD_RIGHT, 0.5f);
    pd_play_(s, pd_create(kv_h), pd_write(kv_t));
    pd_stop_title(s, "repeat_kv");
    pd_note(s, "repeat_kv broadcasts the 4 KV heads to 24 so the attention kernel sees matching shapes.");
    pd_wait(s, 1.5);

    /* ── Fade all ── */
    pd_play_(s, pd_fade_out(all_boxes[0]), pd_fade_out(all_boxes[1]), pd_fade_out(all_boxes[2]),
             pd_fade_out(all_boxes[3]), pd_fade_out(all_boxes[4]), pd_fade_out(all_boxes[5]), pd_fade_out(all_lines),
             pd_fade_out(kv_h), pd_fade_out(kv_t), pd_fade_out(inp), pd_fade_out(out), pd_fade_out(title));
}

/* 12. Scaled Dot-Product Attention — full formula + breakdown */
static pd_mob part_sdpa(pd_scene *s)
{
    pd_section(s, "Scaled Dot-Product Attention");
    pd_mob qkv_title = TEXT("Scaled Dot-Product Attention", 34, PD_BLUE);
    pd_to_edge(s, qkv_title, PD_UP, 0.35f);
    pd_play_(s, pd_write(qkv_title));
    /* Full formula first, stays on screen */
    pd_mob full_eq = pd_mathtex(
        s, &(pd_tex_style){.tex = "\\operatorname{Attention}(Q,K,V)=\\operatorname{softmax}\\!\\left(\\frac{QK^\\top}"
                                  "{\\sqrt{d_k}}\\right)\\!V",
                           .font_size = 36,
                           .color = PD_WHITE});
    pd_next_to(s, full_eq, qkv_title, PD_DOWN, 0.5f);
    pd_play_(s, pd_write(full_eq));
    pd_stop_title(s, "The attention formula");
    pd_note(s, "The whole of attention in one line: similarity, scaling, normalisation, weighted sum.");
    pd_wait(s, 0.6);

    /* Q / K / V — brief meanings */
    pd_mob q_txt = TEXT("Q = Query", 18, PD_YELLOW);
    pd_mob k_txt = TEXT("K = Key", 18, PD_ORANGE);
    pd_mob v_txt = TEXT("V = Value", 18, PD_GREEN);
    pd_mob qkv_labels = pd_arrange(s, PD_VGROUP(s, q_txt, k_txt, v_txt), PD_RIGHT, 1.5f, PD_ORIGIN);
    pd_next_to(s, qkv_labels, full_eq, PD_DOWN, 0.5f);
    pd_play_(s, pd_write(qkv_labels));
    pd_mob q_desc = pd_next_to(s, TEXT("\"what am I looking for?\"", 11, PD_YELLOW), q_txt, PD_DOWN, 0.10f);
    pd_mob k_desc = pd_next_to(s, TEXT("\"what do I have?\"", 11, PD_ORANGE), k_txt, PD_DOWN, 0.10f);
    pd_mob v_desc = pd_next_to(s, TEXT("\"what do I contribute?\"", 11, PD_GREEN), v_txt, PD_DOWN, 0.10f);
    pd_play_(s, pd_write(q_desc), pd_write(k_desc), pd_write(v_desc));
    pd_stop_title(s, "Queries, keys, values");
    pd_note(s, "A query asks, keys answer how well they match, values carry what is passed on.");
    pd_wait(s, 2.0);
    pd_play_(s, pd_fade_out(qkv_labels), pd_fade_out(q_desc), pd_fade_out(k_desc), pd_fade_out(v_desc));

    /* Step-by-step decomposition — full formula stays visible above */
    static const struct {
        const char *tex;
        pd_color color;
        const char *caption;
    } steps[] = {
        {"\\text{(1) } S = QK^\\top", PD_YELLOW, "score matrix \xe2\x80\x94 pairwise token similarity"},
        {"\\text{(2) } S \\mathbin{/} \\sqrt{d_k}", PD_ORANGE, "scale \xe2\x80\x94 prevents gradient explosion"},
        {"\\text{(3) } \\operatorname{softmax}\\!\\left(S \\mathbin{/} \\sqrt{d_k}\\right)", PD_GREEN,
         "normalize \xe2\x80\x94 each row sums to 1 (probability)"},
        {"\\text{(4) } \\operatorname{softmax}\\!\\left(S \\mathbin{/} \\sqrt{d_k}\\right) \\cdot V", PD_BLUE,
         "weighted sum \xe2\x80\x94 aggregate values by attention"},
    };
    pd_mob step_group = pd_vgroup(s, NULL, 0);
    for (int i = 0; i < 4; i++) {
        pd_mob eq = pd_mathtex(s, &(pd_tex_style){.tex = steps[i].tex, .font_size = 26, .color = steps[i].color});
        pd_mob desc = TEXT(steps[i].caption, 12, PD_GRAY);
        pd_mob sg = pd_arrange(s, PD_VGROUP(s, eq, desc), PD_DOWN, 0.06f, PD_ORIGIN);
        pd_vgroup_add(s, step_group, sg);
    }
    pd_arrange(s, step_group, PD_DOWN, 0.22f, PD_LEFT);
    pd_next_to(s, step_group, full_eq, PD_DOWN, 0.6f);
    for (int i = 0; i < 4; i++)
        pd_play_rt(s, 0.3, pd_write(pd_at(s, step_group, i)));
    pd_stop_title(s, "Four steps");
    pd_note(s, "Four steps: score with QK^T, scale by the square root of d_k, softmax each row, weight the values.");
    pd_wait(s, 2.5);
    pd_play_(s, pd_fade_out(step_group), pd_fade_out(full_eq));
    return qkv_title;
}

/* The seed's pre-mask scores, as typed there (QK^T / sqrt(d_k)) */
static const double pre_scores[7][7] = {
    {2.8, 1.5, 0.3, 0.1, 0.0, 0.0, 0.0}, {1.2, 3.5, 1.8, 0.5, 0.2, 0.1, 0.0}, {0.4, 2.0, 3.0, 1.5, 0.6, 0.2, 0.1},
    {0.1, 0.6, 2.5, 2.8, 1.2, 0.4, 0.1}, {0.0, 0.2, 0.8, 2.0, 2.5, 1.5, 0.3}, {0.0, 0.1, 0.3, 0.9, 1.8, 2.5, 1.2},
    {0.0, 0.0, 0.1, 0.4, 0.8, 1.5, 3.0},
};

void pd_gqa_heatmap_colors(pd_color pre[49], pd_color post[49], double weights[49])
{
    enum {
        n = 7
    };
    /* compute post-softmax weights with causal mask (j > i -> -inf) */
    double post_w[n][n];
    for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++)
            sum += j > i ? 0.0 : exp(pre_scores[i][j]);
        for (int j = 0; j < n; j++)
            post_w[i][j] = j > i ? 0.0 : exp(pre_scores[i][j]) / sum;
    }
    double pre_min = INFINITY, pre_max = -INFINITY, post_min = INFINITY, post_max = -INFINITY;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            pre_min = fmin(pre_min, pre_scores[i][j]), pre_max = fmax(pre_max, pre_scores[i][j]);
            post_min = fmin(post_min, post_w[i][j]), post_max = fmax(post_max, post_w[i][j]);
        }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            int k = i * n + j;
            pre[k] = pd_color_lerp(PD_BLUE, PD_RED, (float)((pre_scores[i][j] - pre_min) / (pre_max - pre_min)));
            post[k] = pd_color_lerp(PD_BLUE, PD_RED, (float)((post_w[i][j] - post_min) / (post_max - post_min)));
            if (weights)
                weights[k] = post_w[i][j];
        }
}

/* 13. Attention score heatmap — concrete example */
static void part_heatmap(pd_scene *s, pd_mob qkv_title)
{
    pd_section(s, "Attention Score Heatmap");
    pd_mob hm_title = TEXT("Attention Score Heatmap", 34, PD_BLUE);
    pd_to_edge(s, hm_title, PD_UP, 0.35f);
    pd_mob hm_sub = TEXT("\"The cat sat on the mat\" \xe2\x80\x94 causal, per-token attention weights", 14, PD_GRAY);
    pd_next_to(s, hm_sub, hm_title, PD_DOWN, 0.12f);
    pd_play_(s, pd_fade_out(qkv_title), pd_write(hm_title), pd_write(hm_sub));

    static const char *const tokens[] = {"<s>", "The", "cat", "sat", "on", "the", "mat"};
    enum {
        n = 7
    };
    const float cell_size = 0.52f, gap = 0.04f;
    const float grid_high = n * cell_size + (n - 1) * gap;
    const float grid_left = -grid_high / 2, grid_top = 1.4f;
    pd_color pre[49], post[49];
    pd_gqa_heatmap_colors(pre, post, NULL);

    pd_mob cells = pd_vgroup(s, NULL, 0);
    pd_mob masked_cells = pd_vgroup(s, NULL, 0);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            pd_mob sq = pd_square(s, cell_size,
                                  &(pd_shape_style){.fill_color = pre[i * n + j],
                                                    .fill_opacity = 0.75f,
                                                    .stroke_width = 0.5f,
                                                    .has_stroke_width = true,
                                                    .stroke_color = PD_GRAY});
            float x = grid_left + j * (cell_size + gap) + cell_size / 2;
            float y = grid_top - i * (cell_size + gap) - cell_size / 2;
            pd_move_to(s, sq, V2(x, y));
            pd_vgroup_add(s, cells, sq);
            if (j > i)
                pd_vgroup_add(s, masked_cells, sq);
            pd_play_rt(s, 0.015, pd_fade_in_scale(sq, 0.6f));
        }
    }
    /* row labels (query) on the left */
    pd_mob row_lbls = pd_vgroup(s, NULL, 0);
    for (int i = 0; i < n; i++) {
        pd_mob lbl = TEXT(tokens[i], 12, PD_GRAY);
        float y = grid_top - i * (cell_size + gap) - cell_size / 2;
        pd_next_to_point(s, lbl, V2(grid_left - 0.15f, y), PD_LEFT, 0.08f);
        pd_vgroup_add(s, row_lbls, lbl);
    }
    pd_mob q_label = BOLD_TEXT("Q", 11, PD_WHITE);
    pd_move_to(s, q_label, pd_v2_add(pd_get_left(s, pd_at(s, row_lbls, 0)), V2(-0.3f, 0)));
    pd_shift(s, q_label, V2(0, 0.15f));
    pd_anim row_anims[n + 1];
    for (int i = 0; i < n; i++)
        row_anims[i] = pd_write(pd_at(s, row_lbls, i));
    row_anims[n] = pd_write(q_label);
    pd_play(s, row_anims, n + 1, NULL);
    /* column labels (key) on top */
    pd_mob col_lbls = pd_vgroup(s, NULL, 0);
    for (int j = 0; j < n; j++) {
        pd_mob lbl = pd_rotate(s, TEXT(tokens[j], 9, PD_GRAY), (float)(PD_PI / 6));
        float x = grid_left + j * (cell_size + gap) + cell_size / 2;
        pd_next_to_point(s, lbl, V2(x, grid_top + 0.06f), PD_UP, 0.04f);
        pd_vgroup_add(s, col_lbls, lbl);
    }
    pd_mob k_label = BOLD_TEXT("K", 11, PD_WHITE);
    pd_next_to(s, k_label, pd_at(s, col_lbls, 0), PD_UP, 0.06f);
    pd_anim col_anims[n + 1];
    for (int j = 0; j < n; j++)
        col_anims[j] = pd_write(pd_at(s, col_lbls, j));
    col_anims[n] = pd_write(k_label);
    pd_play(s, col_anims, n + 1, NULL);
    pd_stop_title(s, "Raw scores");
    pd_note(s, "Raw scores before masking: each row is a query token, each column a key token.");
    pd_wait(s, 1.0);

    /* causal mask + softmax — zero out future tokens, recompute weights */
    pd_mob causal_txt = TEXT("causal mask + softmax\n(future tokens \xe2\x86\x92 0)", 11, PD_RED);
    pd_next_to(s, causal_txt, pd_at(s, cells, n - 1), PD_UP, 0.25f);
    pd_align_to(s, causal_txt, pd_at(s, cells, n - 1), PD_RIGHT);
    pd_anim anims[n * n + 1];
    uint32_t na = 0;
    for (uint32_t k = 0; k < pd_len(s, masked_cells); k++)
        anims[na++] = pd_animate(pd_at(s, masked_cells, (int)k),
                                 (pd_change){.set_fill = true, .fill_color = PD_DARK_GRAY, .fill_opacity = 0.15f});
    for (int i = 0; i < n; i++)
        for (int j = 0; j <= i; j++)
            anims[na++] =
                pd_animate(pd_at(s, cells, i * n + j),
                           (pd_change){.set_fill = true, .fill_color = post[i * n + j], .fill_opacity = 0.75f});
    anims[na++] = pd_write(causal_txt);
    pd_play(s, anims, na, NULL);
    pd_stop_title(s, "Causal mask and softmax");
    pd_note(s, "The causal mask hides future tokens; softmax turns each row into weights that sum to one.");
    pd_wait(s, 1.2);
    pd_play_(s, pd_fade_out(causal_txt));

    /* highlight key patterns */
    pd_mob h[5];
    for (int k = 0; k < 5; k++)
        h[k] = pd_surrounding_rectangle(s, pd_at(s, cells, (k + 2) * n + (k + 1)),
                                        &(pd_surround_style){.color = PD_ORANGE, .stroke_width = 2, .buff = 0.04f});
    pd_mob hl_text = TEXT("previous token attends to next\n(causal sequence learning)", 11, PD_ORANGE);
    pd_next_to(s, hl_text, pd_at(s, cells, (n - 1) * n + (n - 1)), PD_RIGHT, 0.8f);
    pd_play_(s, pd_create(h[0]), pd_create(h[1]), pd_create(h[2]), pd_create(h[3]), pd_create(h[4]), pd_write(hl_text));
    pd_stop_title(s, "Attending to the previous token");
    pd_note(s, "The strong sub-diagonal: each token attends most to the one before it.");
    pd_wait(s, 2.0);
    pd_play_(s, pd_fade_out(h[0]), pd_fade_out(h[1]), pd_fade_out(h[2]), pd_fade_out(h[3]), pd_fade_out(h[4]),
             pd_fade_out(hl_text));
    /* fade all heatmap */
    pd_play_(s, pd_fade_out(hm_title), pd_fade_out(hm_sub), pd_fade_out(cells), pd_fade_out(row_lbls),
             pd_fade_out(col_lbls), pd_fade_out(q_label), pd_fade_out(k_label));
}

/* def tok_card(text, fill=DARK_BLUE, stroke=GRAY) */
static pd_mob tok_card(pd_scene *s, const char *text, pd_color fill, pd_color stroke)
{
    pd_mob t = BOLD_TEXT(text, 10, PD_WHITE);
    pd_mob box = pd_rounded_rectangle(s, &(pd_shape_style){.width = pd_width(s, t) + 0.2f,
                                                           .height = pd_height(s, t) + 0.1f,
                                                           .corner_radius = 0.04f,
                                                           .fill_color = fill,
                                                           .fill_opacity = 0.5f,
                                                           .stroke_color = stroke,
                                                           .stroke_width = 0.5f});
    pd_move_to_mob(s, t, box);
    return PD_VGROUP(s, box, t);
}

#define CX_BLK (-1.0f)

/* def mkblk(w, h, y, txt, color, fs=10) */
static pd_mob mkblk(pd_scene *s, float w, float h, float y, const char *txt, pd_color color, float fs)
{
    pd_mob b = pd_rounded_rectangle(s, &(pd_shape_style){.width = w,
                                                         .height = h,
                                                         .corner_radius = 0.06f,
                                                         .fill_color = PD_DARK_BLUE,
                                                         .fill_opacity = 0.25f,
                                                         .stroke_color = color,
                                                         .stroke_width = 1.5f});
    pd_mob l = pd_move_to_mob(s, BOLD_TEXT(txt, fs, color), b);
    return pd_move_to(s, PD_VGROUP(s, b, l), V2(CX_BLK, y));
}

typedef struct prob {
    const char *tok;
    int pct;
} prob;

/* def build_dist(probs, y_center, max_w=2.8) */
static pd_mob build_dist(pd_scene *s, const prob *probs, int n, float y_center)
{
    const float max_w = 2.8f, bh = 0.12f, bg = 0.02f, lx = CX_BLK - max_w / 2;
    pd_mob bars = pd_vgroup(s, NULL, 0), lbls = pd_vgroup(s, NULL, 0);
    float y_top = y_center + (n * bh + (n - 1) * bg) / 2;
    for (int i = 0; i < n; i++) {
        float w = max_w * probs[i].pct / 100.0f;
        float y = y_top - i * (bh + bg);
        pd_mob bar =
            pd_rectangle(s, &(pd_shape_style){.width = w,
                                              .height = bh,
                                              .fill_color = pd_color_lerp(PD_BLUE, PD_RED, probs[i].pct / 100.0f),
                                              .fill_opacity = 0.85f,
                                              .stroke_color = PD_LIGHT_GRAY,
                                              .stroke_width = 0.3f});
        pd_move_to(s, bar, V2(lx + w / 2, y));
        char text[64];
        snprintf(text, sizeof text, "%s %d%%", probs[i].tok, probs[i].pct);
        pd_mob lbl = TEXT(text, 7, PD_WHITE);
        pd_next_to(s, lbl, bar, PD_RIGHT, 0.05f);
        pd_vgroup_add(s, bars, bar);
        pd_vgroup_add(s, lbls, lbl);
    }
    return PD_VGROUP(s, bars, lbls);
}

/* Auto-regressive Generation Demo (v2: full I/O pipeline) */
static void part_generation(pd_scene *s)
{
    static const char *const gen_tokens[] = {"<s>", "The", "cat", "sat", "on", "the", "mat"};
    pd_section(s, "Auto-regressive Generation");
    pd_mob gen_title = TEXT("Auto-regressive Generation", 34, PD_BLUE);
    pd_to_edge(s, gen_title, PD_UP, 0.35f);
    pd_play_(s, pd_write(gen_title));

    /* ── Layout constants ── */
    const float BLK_W = 1.8f, BLK_H = 0.28f, TFR_H = 0.48f;
    const float Y_EMB = 1.40f, Y_NORM1 = 0.95f, Y_TFR = 0.32f, Y_NORM2 = -0.25f, Y_HEAD = -0.70f;
    pd_mob emb_node = mkblk(s, BLK_W, BLK_H, Y_EMB, "Embedding", PD_YELLOW, 9);
    pd_mob norm1 = mkblk(s, BLK_W, BLK_H, Y_NORM1, "RMS Norm", PD_GREEN, 9);
    pd_mob tfr_node = mkblk(s, BLK_W, TFR_H, Y_TFR, "Transformer", PD_PURPLE, 11);
    pd_mob norm2 = mkblk(s, BLK_W, BLK_H, Y_NORM2, "RMS Norm", PD_GREEN, 9);
    pd_mob head = mkblk(s, BLK_W, BLK_H, Y_HEAD, "LM Head", PD_RED, 9);
    pd_mob pipes[] = {emb_node, norm1, tfr_node, norm2, head};
    pd_mob pipeline = pd_vgroup(s, pipes, 5);
    /* Arrows between blocks */
    pd_mob arrows = pd_vgroup(s, NULL, 0);
    for (int i = 0; i < 4; i++)
        pd_vgroup_add(s, arrows,
                      pd_arrow(s, pd_get_bottom(s, pipes[i]), pd_get_top(s, pipes[i + 1]),
                               &(pd_arrow_style){.color = PD_GRAY, .stroke_width = 1.2f, .tip_length = 0.07f}));
    /* ── KV Cache (right of Transformer) ── */
    const float KV_X = 1.8f, kv_size = 0.16f, kv_gap = 0.04f;
    const float K_Y = Y_TFR + 0.05f, V_Y = Y_TFR - 0.22f;
    pd_mob cache_lbl = pd_move_to(s, TEXT("KV Cache", 8, PD_GRAY), V2(KV_X, Y_TFR + TFR_H / 2 + 0.2f));
    pd_mob k_hdr = pd_move_to(s, TEXT("K:", 7, PD_YELLOW), V2(KV_X - 0.65f, K_Y));
    pd_mob v_hdr = pd_move_to(s, TEXT("V:", 7, PD_ORANGE), V2(KV_X - 0.65f, V_Y));
    const pd_shape_style k_style = {
        .fill_color = PD_YELLOW, .fill_opacity = 0.4f, .stroke_color = PD_YELLOW, .stroke_width = 0.5f};
    const pd_shape_style v_style = {
        .fill_color = PD_ORANGE, .fill_opacity = 0.4f, .stroke_color = PD_ORANGE, .stroke_width = 0.5f};
    pd_mob k0 = pd_move_to(s, pd_square(s, kv_size, &k_style), V2(KV_X, K_Y));
    pd_mob v0 = pd_move_to(s, pd_square(s, kv_size, &v_style), V2(KV_X, V_Y));
    pd_mob kv_k = PD_VGROUP(s, k0), kv_v = PD_VGROUP(s, v0);
    pd_mob kv_group = PD_VGROUP(s, cache_lbl, k_hdr, v_hdr, kv_k, kv_v);
    /* ── Distribution builder data ── */
    static const prob dists[6][5] = {
        {{"The", 72}, {"cat", 8}, {"sat", 6}, {"on", 4}, {"<unk>", 10}},
        {{"cat", 65}, {"sat", 12}, {"was", 8}, {"is", 6}, {"<unk>", 9}},
        {{"sat", 58}, {"slept", 15}, {"ran", 8}, {"jumped", 6}, {"<unk>", 13}},
        {{"on", 55}, {"down", 12}, {"quietly", 8}, {"and", 6}, {"<unk>", 19}},
        {{"the", 60}, {"a", 12}, {"top", 8}, {"floor", 5}, {"<unk>", 15}},
        {{"mat", 50}, {"table", 15}, {"chair", 8}, {"floor", 6}, {"<unk>", 21}},
    };
    const float Y_DIST = -1.45f;
    /* ── Token sequence row ── */
    const float SX = -4.0f, Y_SEQ = 2.0f, GAP = 0.55f;
    pd_mob sos = pd_move_to(s, tok_card(s, "<s>", PD_BLUE, PD_BLUE), V2(SX, Y_SEQ));
    pd_mob seq = PD_VGROUP(s, sos);
    /* Step label (below everything) */
    pd_mob step_lbl = pd_move_to(s, TEXT("Step 0 \xe2\x80\x94 [<s>] \xe2\x86\x92 ?", 9, PD_GRAY), V2(0, -2.1f));
    /* ── Show static elements ── */
    pd_play_(s, pd_fade_in(pipeline), pd_fade_in(arrows));
    pd_play_(s, pd_fade_in(kv_group));
    pd_play_(s, pd_fade_in(sos));
    pd_play_(s, pd_write(step_lbl));
    pd_stop_title(s, "Start from <s>");
    pd_note(s, "Generation starts from the <s> token; the model predicts one token at a time.");
    pd_wait(s, 0.5);

    /* ── Generation loop ── */
    char input_str[128] = "<s>";
    for (int i = 1; i <= 6; i++) {
        const char *tok = gen_tokens[i];
        strncat(input_str, " ", sizeof input_str - strlen(input_str) - 1);
        strncat(input_str, tok, sizeof input_str - strlen(input_str) - 1);
        /* 1. Highlight last token (the input being processed) */
        pd_mob last = pd_at(s, seq, -1);
        pd_mob hl = pd_surrounding_rectangle(
            s, last, &(pd_surround_style){.color = PD_YELLOW, .stroke_width = 2, .buff = 0.04f});
        pd_play_rt(s, 0.12, pd_create(hl));
        /* 2. Arrow from last token → Embedding */
        pd_mob in_arr = pd_arrow(s, pd_get_bottom(s, last), pd_get_top(s, emb_node),
                                 &(pd_arrow_style){.color = PD_YELLOW, .stroke_width = 2, .tip_length = 0.08f});
        pd_play_rt(s, 0.1, pd_fade_in_scale(in_arr, 0.5f));
        /* 3. Cascade through pipeline (Manim renders no change here; the script asks for a pulse) */
        pd_anim up[5], down[5];
        for (int p = 0; p < 5; p++) {
            up[p] = pd_animate(pd_at(s, pipes[p], 0), (pd_change){.set_fill_opacity = true, .fill_opacity = 0.6f});
            down[p] = pd_animate(pd_at(s, pipes[p], 0), (pd_change){.set_fill_opacity = true, .fill_opacity = 0.25f});
        }
        pd_play(s, up, 5, &(pd_play_opts){.run_time = 0.12});
        pd_play(s, down, 5, &(pd_play_opts){.run_time = 0.1});
        pd_play_rt(s, 0.08, pd_fade_out(in_arr), pd_fade_out(hl));
        /* 4. Show probability distribution */
        pd_v2 hb = pd_get_bottom(s, head);
        pd_mob dist_arr = pd_arrow(s, hb, pd_v2_add(hb, V2(0, -0.22f)),
                                   &(pd_arrow_style){.color = PD_GRAY, .stroke_width = 1, .tip_length = 0.06f});
        pd_mob dist = build_dist(s, dists[i - 1], 5, Y_DIST);
        pd_play_rt(s, 0.25, pd_fade_in_scale(dist_arr, 0.5f), pd_fade_in_scale(dist, 0.8f));
        /* 5. Sampling: highlight top bar */
        pd_mob top_bar = pd_at(s, pd_at(s, dist, 0), 0);
        pd_mob sample_hl = pd_surrounding_rectangle(
            s, top_bar, &(pd_surround_style){.color = PD_YELLOW, .stroke_width = 1.5f, .buff = 0.02f});
        pd_mob samp_lbl = TEXT("\xe2\x9c\x93 argmax", 7, PD_YELLOW);
        pd_next_to(s, samp_lbl, dist, PD_DOWN, 0.05f);
        pd_play_rt(s, 0.2, pd_create(sample_hl), pd_write(samp_lbl));
        char note[160];
        char title[64];
        snprintf(title, sizeof title, "Step %d: argmax picks \"%s\"", i, tok);
        pd_stop_title(s, title);
        snprintf(note, sizeof note, "Step %d: the model scores every token; argmax picks \"%s\".", i, tok);
        pd_note(s, note);
        pd_wait(s, 0.15);
        /* 6. Predicted token appears below distribution */
        pd_mob pred = tok_card(s, tok, PD_YELLOW, PD_YELLOW);
        float target_x = SX + pd_len(s, seq) * GAP;
        pd_move_to(s, pred, V2(CX_BLK, Y_DIST - 0.45f));
        pd_play_rt(s, 0.15, pd_fade_in_scale(pred, 0.4f));
        /* 7. Token rises to join sequence at top */
        pd_play_rt(s, 0.3, pd_animate(pred, (pd_change){.move = true, .move_to = V2(target_x, Y_SEQ)}));
        pd_play_(s,
                 pd_animate(pd_at(s, pred, 0), (pd_change){.set_fill = true,
                                                           .fill_color = PD_DARK_BLUE,
                                                           .fill_opacity = 0.5f,
                                                           .set_stroke = true,
                                                           .stroke_color = PD_GRAY,
                                                           .stroke_width = 0.5f}),
                 pd_animate(pd_at(s, pred, 1), (pd_change){.set_color = true, .color = PD_WHITE}),
                 pd_fade_out(sample_hl), pd_fade_out(samp_lbl));
        pd_vgroup_add(s, seq, pred);
        /* 8. KV Cache: add K,V of this predicted token */
        float kv_x = KV_X + i * (kv_size + kv_gap);
        pd_mob k_sq = pd_move_to(s, pd_square(s, kv_size, &k_style), V2(kv_x, K_Y));
        pd_mob v_sq = pd_move_to(s, pd_square(s, kv_size, &v_style), V2(kv_x, V_Y));
        pd_play_rt(s, 0.15, pd_fade_in_scale(k_sq, 1.5f), pd_fade_in_scale(v_sq, 1.5f));
        pd_vgroup_add(s, kv_k, k_sq);
        pd_vgroup_add(s, kv_v, v_sq);
        /* 9. Remove distribution and arrow */
        pd_play_rt(s, 0.08, pd_fade_out(dist), pd_fade_out(dist_arr));
        /* 10. Update step label */
        char label[160];
        snprintf(label, sizeof label, "Step %d \xe2\x80\x94 [%s]", i, input_str);
        pd_mob new_lbl = pd_move_to_mob(s, TEXT(label, 9, PD_GRAY), step_lbl);
        pd_play_(s, pd_transform(step_lbl, new_lbl));
        snprintf(title, sizeof title, "Step %d: \"%s\" joins, K and V cached", i, tok);
        pd_stop_title(s, title);
        snprintf(note, sizeof note,
                 "\"%s\" joins the sequence and its K and V go into the cache: nothing is recomputed.", tok);
        pd_note(s, note);
        pd_wait(s, 0.3);
    }
    pd_stop_title(s, "The sentence is complete");
    pd_note(s, "The sentence is complete: each step reused the cached keys and values of every earlier token.");
    pd_wait(s, 2.0);
}

void pd_talk_gqa(pd_scene *s)
{
    part_gqa_diagram(s);
    pd_mob qkv_title = part_sdpa(s);
    part_heatmap(s, qkv_title);
    part_generation(s);
}
