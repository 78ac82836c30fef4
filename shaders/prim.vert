#version 330 core
// One instanced quad per primitive, tight around it (fill rate is the budget
// on llvmpipe). The vertex stage places the quad; the fragment stage shades
// it from a signed distance. Kinds: see gfx.h (pd_prim_kind).
layout(location = 0) in vec4 i_a;
layout(location = 1) in vec4 i_b;
layout(location = 2) in vec4 i_c;
layout(location = 3) in vec4 i_fill;
layout(location = 4) in vec4 i_stroke;
layout(location = 5) in vec4 i_param; // x: kind, y: stroke width (units), z: glyph units per texel, w: segment join flags

uniform vec2 u_half_frame;   // (7.1111, 4): scene units from centre to frame edge
uniform float u_px_per_unit; // output pixels per scene unit
uniform vec2 u_atlas_size;   // texels

flat out int v_kind;
out vec2 v_local;            // primitive-local coordinates (units, or texels for glyphs)
flat out vec4 v_a;
flat out vec4 v_b;
flat out vec4 v_c;
flat out vec4 v_fill;
flat out vec4 v_stroke;
flat out float v_hw;         // half stroke width, units
flat out float v_scale;      // pixels per local unit
flat out int v_flags;        // segment: bit 0 start is a join, bit 1 end is a join

const int KIND_RECT = 0;
const int KIND_SEGMENT = 1;
const int KIND_TRIANGLE = 2;
const int KIND_GLYPH = 3;

void main()
{
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)); // 0/1 square
    int kind = int(i_param.x + 0.5);
    float hw = 0.5 * i_param.y;
    float aa = 1.5 / u_px_per_unit; // room for the anti-aliased edge
    vec2 world;
    v_scale = u_px_per_unit;
    if (kind == KIND_RECT) {
        // a: centre, half size; b: radius, cos, sin
        vec2 ext = i_a.zw + vec2(hw + aa);
        vec2 l = mix(-ext, ext, corner);
        v_local = l;
        vec2 rc = i_b.yz;
        world = i_a.xy + vec2(rc.x * l.x - rc.y * l.y, rc.y * l.x + rc.x * l.y);
    } else if (kind == KIND_SEGMENT) {
        // a: p0, p1; b: clip normal at p0, at p1 (outward)
        vec2 d = i_a.zw - i_a.xy;
        float len = length(d);
        vec2 dir = len > 0.0 ? d / len : vec2(1.0, 0.0);
        vec2 nrm = vec2(-dir.y, dir.x);
        float e0 = hw * abs(dot(i_b.xy, nrm)) / max(abs(dot(i_b.xy, dir)), 0.1) + aa;
        float e1 = hw * abs(dot(i_b.zw, nrm)) / max(abs(dot(i_b.zw, dir)), 0.1) + aa;
        float u = mix(-e0, len + e1, corner.x);
        float v = mix(-(hw + aa), hw + aa, corner.y);
        world = i_a.xy + dir * u + nrm * v;
        v_local = world;
    } else if (kind == KIND_TRIANGLE) {
        // a: p0, p1; b.xy: p2
        vec2 lo = min(min(i_a.xy, i_a.zw), i_b.xy) - vec2(aa);
        vec2 hi = max(max(i_a.xy, i_a.zw), i_b.xy) + vec2(aa);
        world = mix(lo, hi, corner);
        v_local = world;
    } else {
        // glyph. a: origin, U (scene vector of one em along the baseline);
        // b: plane rect in em; c: texel rect (x0, y0 top, x1, y1 bottom)
        vec2 U = i_a.zw;
        vec2 V = vec2(-U.y, U.x);
        vec2 pe = mix(i_b.xy, i_b.zw, corner);
        world = i_a.xy + U * pe.x + V * pe.y;
        v_local = vec2(mix(i_c.x, i_c.z, corner.x), mix(i_c.w, i_c.y, corner.y));
        // texels are PD_ATLAS_PX_PER_EM per em: pixels per texel
        v_scale = u_px_per_unit * i_param.z;
    }
    v_kind = kind;
    v_flags = int(i_param.w + 0.5);
    v_a = i_a;
    v_b = i_b;
    v_c = i_c;
    v_fill = i_fill;
    v_stroke = i_stroke;
    v_hw = hw;
    gl_Position = vec4(world / u_half_frame, 0.0, 1.0);
}
