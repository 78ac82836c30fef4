// The talk, evaluated on the GPU at the playhead u_t (docs/architecture.md,
// "The scene on the GPU").
// Instances and keyframe tracks were uploaded once; the CPU only picks the
// epoch (which instances exist at t) and sets u_t. place() is in place.glsl.
//
// The layout of instances and tracks, the kinds, flags and rate ids are
// core/gpu_layout.h's, prepended to this file by gfx.c.
// A leaf's points are p = s*base + (ox, oy) (see scene_internal.h).

uniform samplerBuffer u_inst;
uniform samplerBuffer u_tracks;
uniform usamplerBuffer u_index;
uniform int u_index_base;
uniform float u_t;
uniform float u_units_per_texel_per_em; // 1 / PD_ATLAS_PX_PER_EM


float smooth_rate(float t)
{
    t = clamp(t, 0.0, 1.0);
    const float s5 = PD_SMOOTH_S5;
    return (1.0 / (1.0 + exp(-PD_SMOOTH_INFLECTION * (t - 0.5))) - s5) / (1.0 - 2.0 * s5);
}

float rate(int r, float x)
{
    x = clamp(x, 0.0, 1.0);
    if (r == PD_RATE_ID_LINEAR)
        return x;
    if (r == PD_RATE_ID_DOUBLE_SMOOTH)
        return x < 0.5 ? 0.5 * smooth_rate(2.0 * x) : 0.5 * (1.0 + smooth_rate(2.0 * x - 1.0));
    if (r == PD_RATE_ID_THERE_AND_BACK)
        return smooth_rate(x < 0.5 ? 2.0 * x : 2.0 * (1.0 - x));
    return smooth_rate(x);
}

struct state {
    vec4 xf;     // s, ox, oy, progress
    vec4 fill;
    vec4 stroke;
    float width;
};

state key_state(int k)
{
    state st;
    st.width = texelFetch(u_tracks, k).w;
    st.xf = texelFetch(u_tracks, k + 1);
    st.fill = texelFetch(u_tracks, k + 2);
    st.stroke = texelFetch(u_tracks, k + 3);
    return st;
}

// The state at u_t: find the last key whose window has started (binary
// search over the key heads, a few fetches however long the track), then
// lerp from the key before it. Keys are sorted by start time at finalize.
state eval_track(int T)
{
    int n = int(texelFetch(u_tracks, T).x + 0.5);
    int lo = 0, hi = n; // invariant: key lo has started (t0 <= t, or lo == 0), keys >= hi have not
    while (hi - lo > 1) {
        int mid = (lo + hi) / 2;
        if (texelFetch(u_tracks, T + PD_TRACK_HEADER_TEXELS + PD_TEXELS_PER_KEY * mid).x <= u_t)
            lo = mid;
        else
            hi = mid;
    }
    int k = T + PD_TRACK_HEADER_TEXELS + PD_TEXELS_PER_KEY * lo;
    state st = key_state(k);
    if (lo == 0)
        return st;
    vec4 head = texelFetch(u_tracks, k);
    int r = int(head.z + 0.5);
    state from = key_state(k - PD_TEXELS_PER_KEY);
    if (u_t >= head.y)
        return r == PD_RATE_ID_THERE_AND_BACK ? from : st;
    float u = rate(r, (u_t - head.x) / (head.y - head.x));
    st.xf = mix(from.xf, st.xf, u);
    st.fill = mix(from.fill, st.fill, u);
    st.stroke = mix(from.stroke, st.stroke, u);
    st.width = mix(from.width, st.width, u);
    return st;
}

void cull()
{
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0); // outside the clip volume: no fragments
    v_kind = 0;
    v_flags = 0;
    v_progress = 1.0;
    v_local = vec2(0.0);
    v_a = v_b = v_c = v_fill = v_stroke = vec4(0.0);
    v_hw_px = 0.0;
    v_scale = 1.0;
}

void main()
{
    int idx = int(texelFetch(u_index, u_index_base + gl_InstanceID).r);
    int at = PD_TEXELS_PER_INSTANCE * idx;
    vec4 a = texelFetch(u_inst, at);
    vec4 b = texelFetch(u_inst, at + 1);
    vec4 c = texelFetch(u_inst, at + 2);
    vec4 m = texelFetch(u_inst, at + 3);
    int code = int(m.x + 0.5);
    int kind = code % PD_KIND_SPAN;
    int flags = code / PD_KIND_SPAN;
    state st = eval_track(int(m.y + 0.5));
    float s = st.xf.x;
    vec2 o = st.xf.yz;
    float progress = st.xf.w;
    float stroke_w = st.width * PD_STROKE_UNIT;
    if (kind == PD_KIND_RECT) {
        a = vec4(s * a.xy + o, s * a.zw);
        b.x *= s;
        vec4 fill = st.fill;
        if ((flags & PD_FLAG_FILL_BY_PROGRESS) != 0)
            fill.a *= clamp(progress, 0.0, 1.0);
        // its own stroke once the path is whole; pieces draw it before
        bool own_stroke = (flags & PD_FLAG_RECT_STROKE) != 0 && progress >= 1.0 && st.stroke.a > 0.0 && stroke_w > 0.0;
        if (fill.a <= 0.0 && !own_stroke) {
            cull();
            return;
        }
        place(kind, a, b, c, fill, own_stroke ? st.stroke : vec4(0.0), own_stroke ? stroke_w : 0.0, 0.0, 0, 1.0);
    } else if (kind == PD_KIND_SEGMENT) {
        if (st.stroke.a <= 0.0 || stroke_w <= 0.0 || ((flags & PD_FLAG_WHILE_PARTIAL) != 0 && progress >= 1.0)) {
            cull();
            return;
        }
        int joins = flags & (PD_FLAG_JOIN0 | PD_FLAG_JOIN1);
        if ((flags & PD_FLAG_PARTIAL) != 0) {
            float f = clamp((progress - m.z) / max(m.w - m.z, 1e-6), 0.0, 1.0);
            if (f <= 0.0) {
                cull();
                return;
            }
            if (f < 1.0) {
                // a partial piece ends in a butt cap (Manim splits the curve)
                a.zw = mix(a.xy, a.zw, f);
                b.zw = normalize(a.zw - a.xy);
                joins &= 1;
            }
        }
        a = vec4(s * a.xy + o, s * a.zw + o);
        place(kind, a, b, c, vec4(0.0), st.stroke, stroke_w, 0.0, joins, 1.0);
    } else if (kind == PD_KIND_TRIANGLE) {
        if (st.fill.a <= 0.0) {
            cull();
            return;
        }
        a = vec4(s * a.xy + o, s * a.zw + o);
        b.xy = s * b.xy + o;
        place(kind, a, b, c, st.fill, vec4(0.0), 0.0, 0.0, 0, 1.0);
    } else {
        vec4 stroke = st.stroke;
        if (stroke_w <= 0.0)
            stroke.a = 0.0;
        if (st.fill.a <= 0.0 && stroke.a <= 0.0) {
            cull();
            return;
        }
        a = vec4(s * a.xy + o, s * a.zw);
        float em = length(a.zw);
        if (progress <= 0.0 && st.fill.a <= 0.0) {
            cull();
            return;
        }
        place(kind, a, b, c, st.fill, stroke, stroke.a > 0.0 ? stroke_w : 0.0, em * u_units_per_texel_per_em, 0,
              progress);
    }
}
