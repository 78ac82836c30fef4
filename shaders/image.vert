// An image (a target's texture) as one quad at u_rect (clip space x0, y0,
// x1, y1): the pen's layer over the talk. No inputs: four vertices.
uniform vec4 u_rect;
out vec2 v_uv;

void main()
{
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
    v_uv = corner;
    gl_Position = vec4(mix(u_rect.xy, u_rect.zw, corner), 0.0, 1.0);
}
