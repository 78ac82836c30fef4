// The image's texel as it is: premultiplied alpha (what a transparent pass
// leaves), blended ONE, ONE_MINUS_SRC_ALPHA by gfx.c.
uniform sampler2D u_src;
in vec2 v_uv;
out vec4 o_color;

void main() { o_color = texture(u_src, v_uv); }
