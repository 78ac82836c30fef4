// Shared by prim.vert (immediate primitives) and scene.vert (the talk):
// places one instanced quad, tight around its primitive (fill rate is the
// budget on llvmpipe), and hands the fragment stage what it needs to shade
// it from a signed distance.

uniform vec2 u_half_frame;   // (7.1111, 4): scene units from centre to frame edge
uniform float u_px_per_unit; // output pixels per scene unit (times the zoom)
uniform vec2 u_view_center;  // the zoom's centre, scene units ((0, 0) unzoomed)
uniform float u_view_zoom;   // the talk's magnification (1: none)

out vec2 v_local;            // primitive-local coordinates (units, or texels for glyphs)
flat out int v_kind;            // PD_KIND_*
flat out vec4 v_a;
flat out vec4 v_b;
flat out vec4 v_c;
flat out vec4 v_fill;
flat out vec4 v_stroke;
flat out float v_hw_px;      // half stroke width, pixels
flat out float v_scale;      // pixels per local unit
flat out int v_flags;        // segment: bit 0 start is a join, bit 1 end is a join
flat out float v_progress;   // glyph: the outline is drawn where the atlas progress <= this


// kind, geometry (a, b, c as in gfx.c), colours, stroke width in units,
// glyph units per atlas texel, segment join flags, glyph outline progress
void place(int kind, vec4 a, vec4 b, vec4 c, vec4 fill, vec4 stroke, float stroke_w, float units_per_texel,
           int flags, float progress)
{
    v_progress = progress;
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)); // 0/1 square
    float hw = 0.5 * stroke_w;
    float aa = 1.5 / u_px_per_unit; // room for the anti-aliased edge
    vec2 world;
    v_scale = u_px_per_unit;
    if (kind == PD_KIND_RECT) {
        // a: centre, half size; b: radius, cos, sin
        vec2 ext = a.zw + vec2(hw + aa);
        vec2 l = mix(-ext, ext, corner);
        v_local = l;
        vec2 rc = b.yz;
        world = a.xy + vec2(rc.x * l.x - rc.y * l.y, rc.y * l.x + rc.x * l.y);
    } else if (kind == PD_KIND_SEGMENT) {
        // a: p0, p1; b: clip normal at p0, at p1 (outward)
        vec2 d = a.zw - a.xy;
        float len = length(d);
        vec2 dir = len > 0.0 ? d / len : vec2(1.0, 0.0);
        vec2 nrm = vec2(-dir.y, dir.x);
        float e0 = hw * abs(dot(b.xy, nrm)) / max(abs(dot(b.xy, dir)), 0.1) + aa;
        float e1 = hw * abs(dot(b.zw, nrm)) / max(abs(dot(b.zw, dir)), 0.1) + aa;
        float u = mix(-e0, len + e1, corner.x);
        float v = mix(-(hw + aa), hw + aa, corner.y);
        world = a.xy + dir * u + nrm * v;
        v_local = world;
        c = vec4(nrm, 0.0, 0.0); // the fragment stage gets the normal ready-made
    } else if (kind == PD_KIND_TRIANGLE) {
        // a: p0, p1; b.xy: p2
        vec2 lo = min(min(a.xy, a.zw), b.xy) - vec2(aa);
        vec2 hi = max(max(a.xy, a.zw), b.xy) + vec2(aa);
        world = mix(lo, hi, corner);
        v_local = world;
        // the three edge lines, as (n.x, n.y, c) with n.p + c positive
        // outside (counter-clockwise order), packed into a, b, c.x
        vec2 p0 = a.xy, p1 = a.zw, p2 = b.xy;
        vec2 e0 = normalize(p1 - p0), e1 = normalize(p2 - p1), e2 = normalize(p0 - p2);
        vec3 l0 = vec3(e0.y, -e0.x, e0.x * p0.y - e0.y * p0.x);
        vec3 l1 = vec3(e1.y, -e1.x, e1.x * p1.y - e1.y * p1.x);
        vec3 l2 = vec3(e2.y, -e2.x, e2.x * p2.y - e2.y * p2.x);
        a = vec4(l0, l1.x);
        b = vec4(l1.yz, l2.xy);
        c = vec4(l2.z, 0.0, 0.0, 0.0);
    } else {
        // glyph. a: origin, U (scene vector of one em along the baseline);
        // b: plane rect in em; c: texel rect (x0, y0 top, x1, y1 bottom)
        vec2 U = a.zw;
        vec2 V = vec2(-U.y, U.x);
        // The atlas rectangle carries the full distance spread around the
        // ink; only the stroke and the anti-aliased edge need a margin, so
        // trim the rest (big text would shade thousands of empty pixels).
        float em_px = length(U) * u_px_per_unit;
        float texel_em = (b.z - b.x) / max(c.z - c.x, 1.0);
        float keep_em = (hw * u_px_per_unit + 2.0) / max(em_px, 1e-6);
        float trim_em = max(PD_ATLAS_SPREAD_PX * texel_em - keep_em, 0.0);
        vec4 pr = b + vec4(trim_em, trim_em, -trim_em, -trim_em);
        vec4 tr = c + vec4(trim_em, trim_em, -trim_em, -trim_em) / texel_em;
        vec2 pe = mix(pr.xy, pr.zw, corner);
        world = a.xy + U * pe.x + V * pe.y;
        v_local = vec2(mix(tr.x, tr.z, corner.x), mix(tr.w, tr.y, corner.y));
        v_scale = u_px_per_unit * units_per_texel;
    }
    v_kind = kind;
    v_flags = flags;
    v_a = a;
    v_b = b;
    v_c = c;
    v_fill = fill;
    v_stroke = stroke;
    v_hw_px = hw * u_px_per_unit;
    gl_Position = vec4((world - u_view_center) * u_view_zoom / u_half_frame, 0.0, 1.0);
}
