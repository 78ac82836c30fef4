#version 330 core
// Shades one primitive from its signed distance, with analytic coverage: a
// pixel is a 1 px box, an edge's coverage is the part of that box inside.
// Fill first, stroke over it, centred on the edge (Manim/Cairo order), then
// one straight-alpha result blended OVER (no gamma step, as Manim).
flat in int v_kind;
in vec2 v_local;
flat in vec4 v_a;
flat in vec4 v_b;
flat in vec4 v_c;
flat in vec4 v_fill;
flat in vec4 v_stroke;
flat in float v_hw_px;
flat in float v_scale;
flat in int v_flags;

uniform sampler2D u_atlas;
uniform vec2 u_atlas_size;  // texels
uniform float u_atlas_spread; // texels of distance encoded by 0..1

out vec4 o_color;

const int KIND_RECT = 0;
const int KIND_SEGMENT = 1;
const int KIND_TRIANGLE = 2;
const int KIND_GLYPH = 3;

// Coverage of the pixel [d-0.5, d+0.5] by the half-line "distance <= 0".
float cov_inside(float d_px) { return clamp(0.5 - d_px, 0.0, 1.0); }

// Coverage of the pixel by the band |distance| <= hw (all in pixels). A band
// thinner than a pixel comes out faint, as Cairo draws sub-pixel lines.
float cov_band(float d_px, float hw_px)
{
    return clamp(d_px + hw_px + 0.5, 0.0, 1.0) - clamp(d_px - hw_px + 0.5, 0.0, 1.0);
}

float sd_half_plane(vec2 p, vec2 a, vec2 b)
{
    // positive outside, for a counter-clockwise triangle edge a->b
    vec2 e = normalize(b - a);
    return -(e.x * (p.y - a.y) - e.y * (p.x - a.x));
}

vec4 over(vec4 top, vec4 under)
{
    float a = top.a + under.a * (1.0 - top.a);
    if (a <= 0.0)
        return vec4(0.0);
    vec3 rgb = (top.rgb * top.a + under.rgb * under.a * (1.0 - top.a)) / a;
    return vec4(rgb, a);
}

void main()
{
    float s = v_scale;
    float fill_cov = 0.0;
    float stroke_cov = 0.0;
    if (v_kind == KIND_RECT) {
        vec2 half_size = v_a.zw;
        float r = v_b.x;
        vec2 q = abs(v_local) - half_size + vec2(r);
        float d;
        if (r > 0.0)
            d = length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - r;
        else
            d = max(q.x, q.y); // square outer corners: Cairo's miter join
        fill_cov = cov_inside(d * s);
        stroke_cov = cov_band(d * s, v_hw_px);
    } else if (v_kind == KIND_SEGMENT) {
        vec2 d = v_a.zw - v_a.xy;
        float len = length(d);
        vec2 dir = len > 0.0 ? d / len : vec2(1.0, 0.0);
        vec2 nrm = vec2(-dir.y, dir.x);
        vec2 p = v_local - v_a.xy;
        float across = dot(p, nrm);
        float c0 = dot(v_local - v_a.xy, v_b.xy);
        float c1 = dot(v_local - v_a.zw, v_b.zw);
        // A join splits the pixels between its two pieces exactly (a hard
        // partition on the miter line), so no seam shows where they meet;
        // free ends are butt caps with an anti-aliased edge.
        float k0 = (v_flags & 1) != 0 ? (c0 <= 0.0 ? 1.0 : 0.0) : cov_inside(c0 * s);
        float k1 = (v_flags & 2) != 0 ? (c1 < 0.0 ? 1.0 : 0.0) : cov_inside(c1 * s);
        stroke_cov = cov_band(across * s, v_hw_px) * k0 * k1;
    } else if (v_kind == KIND_TRIANGLE) {
        float d = max(max(sd_half_plane(v_local, v_a.xy, v_a.zw), sd_half_plane(v_local, v_a.zw, v_b.xy)),
                      sd_half_plane(v_local, v_b.xy, v_a.xy));
        fill_cov = cov_inside(d * s);
    } else {
        float enc = texture(u_atlas, v_local / u_atlas_size).r;
        float d = -(enc - 0.5) * 2.0 * u_atlas_spread; // texels, positive outside
        fill_cov = cov_inside(d * s);
        stroke_cov = cov_band(d * s, v_hw_px);
    }
    vec4 f = vec4(v_fill.rgb, v_fill.a * fill_cov);
    vec4 st = vec4(v_stroke.rgb, v_hw_px > 0.0 ? v_stroke.a * stroke_cov : 0.0);
    vec4 c = over(st, f);
    if (c.a <= 0.0)
        discard;
    o_color = c;
}
