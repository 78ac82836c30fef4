// Immediate primitives (test card, overlays): one instance per attribute
// record, straight from the CPU. place() is in place.glsl, prepended.
layout(location = 0) in vec4 i_a;
layout(location = 1) in vec4 i_b;
layout(location = 2) in vec4 i_c;
layout(location = 3) in vec4 i_fill;
layout(location = 4) in vec4 i_stroke;
layout(location = 5) in vec4 i_param; // x: kind, y: stroke width (units), z: glyph units per texel, w: join flags

void main()
{
    place(int(i_param.x + 0.5), i_a, i_b, i_c, i_fill, i_stroke, i_param.y, i_param.z, int(i_param.w + 0.5), 1.0);
}
