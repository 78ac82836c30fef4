// Shades one primitive from its signed distance, with analytic coverage: a
// pixel is a 1 px box, an edge's coverage is the part of that box inside.
// Fill first, stroke over it, centred on the edge (Manim/Cairo order), then
// one straight-alpha result blended OVER (no gamma step, as Manim).
//
// gfx.c compiles two variants (PD_GLYPH defined before this text, 0 or 1):
// llvmpipe runs both sides of a branch under a mask, so one shader for all
// kinds would make every pixel pay for the glyph's texture fetch. Shapes
// (rectangles, segments, triangles) share the other variant: their paths are
// cheap, and keeping them together keeps the runs of one variant long (each
// switch of program costs llvmpipe a state validation).
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
flat in float v_progress;

uniform sampler2D u_atlas;
uniform vec2 u_atlas_size;    // texels
uniform float u_atlas_spread; // texels of distance encoded by 0..1
uniform sampler2D u_progress; // outline progress of the nearest outline point, per texel

out vec4 o_color;

// Coverage of the pixel [d-0.5, d+0.5] by the half-line "distance <= 0".
float cov_inside(float d_px) { return clamp(0.5 - d_px, 0.0, 1.0); }

// Coverage of the pixel by the band |distance| <= hw (all in pixels). A band
// thinner than a pixel comes out faint, as Cairo draws sub-pixel lines.
float cov_band(float d_px, float hw_px)
{
    return clamp(d_px + hw_px + 0.5, 0.0, 1.0) - clamp(d_px - hw_px + 0.5, 0.0, 1.0);
}

// The stroke (coverage sc) over the fill (coverage fc), as one straight-alpha colour.
vec4 stroke_over_fill(float fc, float sc)
{
    float fa = v_fill.a * fc, sa = v_hw_px > 0.0 ? v_stroke.a * sc : 0.0;
    float a = sa + fa * (1.0 - sa);
    if (a <= 0.0)
        discard;
    return vec4((v_stroke.rgb * sa + v_fill.rgb * fa * (1.0 - sa)) / a, a);
}

void main()
{
    float s = v_scale;
#if PD_GLYPH == 0
    if (v_kind == 0) {
    // rectangle: a: centre, half size; b.x: corner radius
    float r = v_b.x;
    vec2 q = abs(v_local) - v_a.zw + vec2(r);
    float d = r > 0.0 ? length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - r
                      : max(q.x, q.y); // square outer corners: Cairo's miter join
    o_color = stroke_over_fill(cov_inside(d * s), cov_band(d * s, v_hw_px));
    } else if (v_kind == 1) {
    // segment: a: p0, p1; b: clip normals at p0 and p1; c.xy: its normal
    float across = dot(v_local - v_a.xy, v_c.xy);
    float c0 = dot(v_local - v_a.xy, v_b.xy);
    float c1 = dot(v_local - v_a.zw, v_b.zw);
    // A join splits the pixels between its two pieces exactly (a hard
    // partition on the miter line), so no seam shows where they meet;
    // free ends are butt caps with an anti-aliased edge.
    float k0 = (v_flags & PD_FLAG_JOIN0) != 0 ? (c0 <= 0.0 ? 1.0 : 0.0) : cov_inside(c0 * s);
    float k1 = (v_flags & PD_FLAG_JOIN1) != 0 ? (c1 < 0.0 ? 1.0 : 0.0) : cov_inside(c1 * s);
    float a = v_stroke.a * cov_band(across * s, v_hw_px) * k0 * k1;
    if (a <= 0.0)
        discard;
    o_color = vec4(v_stroke.rgb, a);
    } else {
    // triangle: three edge lines n.p + c (a.xyz, (a.w, b.xy), (b.zw, c.x)), sharp corners
    vec2 p = v_local;
    float d0 = dot(v_a.xy, p) + v_a.z;
    float d1 = dot(vec2(v_a.w, v_b.x), p) + v_b.y;
    float d2 = dot(v_b.zw, p) + v_c.x;
    float a = v_fill.a * cov_inside(max(max(d0, d1), d2) * s);
    if (a <= 0.0)
        discard;
    o_color = vec4(v_fill.rgb, a);
    }
#else
    // glyph: signed distance from the atlas, in texels, positive outside
    float enc = texture(u_atlas, v_local / u_atlas_size).r;
    float d = (0.5 - enc) * 2.0 * u_atlas_spread;
    if (v_hw_px > 0.0) {
        // Write's outline, drawn along the contours as far as v_progress
        // (Manim's partial path; the cut runs across the band)
        float sc = cov_band(d * s, v_hw_px);
        if (v_progress < 1.0 && texelFetch(u_progress, ivec2(v_local), 0).r > v_progress)
            sc = 0.0;
        o_color = stroke_over_fill(cov_inside(d * s), sc);
    } else {
        float a = v_fill.a * cov_inside(d * s);
        if (a <= 0.0)
            discard;
        o_color = vec4(v_fill.rgb, a);
    }
#endif
}
