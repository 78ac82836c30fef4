// RGBA frame -> the bytes of ffmpeg's planar yuv420p, so that the encoder
// only encodes. The target is an R8 image width x height*3/2 read back as
// one buffer: each texel is the byte at index row*width + column, so the
// layout is Y (width x height, rows from the top), then U, then V (each
// width/2 x height/2), tightly packed, whatever width and height (even).
//
// BT.709, limited range: Y in 16..235, U and V in 16..240. Chroma is the
// average of each 2x2 block (centre siting, as libswscale samples RGB input:
// it averages pixel pairs horizontally and filters rows centred between the
// pair vertically). Averaging the gamma-encoded RGB, as swscale does.
uniform sampler2D u_src; // the frame: GL rows, row 0 at the bottom
uniform ivec2 u_size;    // the frame's width and height (even)
out vec4 o_color;

const vec3 PD_BT709 = vec3(0.2126, 0.7152, 0.0722);

vec3 rgb_at(int x, int y_from_top)
{
    return texelFetch(u_src, ivec2(x, u_size.y - 1 - y_from_top), 0).rgb;
}

void main()
{
    int w = u_size.x, h = u_size.y;
    int x = int(gl_FragCoord.x), row = int(gl_FragCoord.y);
    float v;
    if (row < h) {
        v = 16.0 + 219.0 * dot(rgb_at(x, row), PD_BT709);
    } else {
        // Byte (row - h)*w + x of the chroma planes, each chroma row w/2
        // bytes: two per texel row, without integer division (llvmpipe runs
        // it lane by lane). The V plane follows U at chroma row h/2.
        int cw = w / 2, ch = h / 2;
        bool right = x >= cw;
        int cy = (row - h) * 2 + (right ? 1 : 0);
        int cx = right ? x - cw : x;
        bool is_v = cy >= ch;
        if (is_v)
            cy -= ch;
        int sx = 2 * cx, sy = 2 * cy;
        vec3 c = 0.25 * (rgb_at(sx, sy) + rgb_at(sx + 1, sy) + rgb_at(sx, sy + 1) + rgb_at(sx + 1, sy + 1));
        float luma = dot(c, PD_BT709);
        float diff = is_v ? (c.r - luma) / 1.5748 : (c.b - luma) / 1.8556;
        v = 128.0 + 224.0 * diff;
    }
    o_color = vec4(v / 255.0, 0.0, 0.0, 1.0);
}
