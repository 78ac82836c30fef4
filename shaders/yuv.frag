// RGBA frame -> the bytes of ffmpeg's planar yuv420p, so that the encoder
// only encodes: Y (width x height, rows from the top), then U, then V (each
// width/2 x height/2), tightly packed. The target is read back as one
// buffer whose texel rows are width bytes each, in order: texel row r holds
// bytes r*width .. r*width + width-1. PD_YUV_PACK bytes a texel: 4 (an RGBA8
// target width/4 wide, when width is a multiple of 8, so that a texel never
// straddles two chroma rows) or 1 (R8, any even width). Four bytes a
// fragment: llvmpipe's cost is per fragment, not per fetch.
//
// Two draws, each without branches (llvmpipe shades 8 pixels at a time and
// runs both sides of a divergent branch): PD_YUV_CHROMA 0 fills the Y rows,
// 1 the chroma rows below them.
//
// BT.709, limited range: Y in 16..235, U and V in 16..240. Chroma is the
// average of each 2x2 block (centre siting, as libswscale samples RGB input:
// it averages pixel pairs horizontally and filters rows centred between the
// pair vertically), of the gamma-encoded RGB as swscale does; one bilinear
// fetch at the block's centre averages it (u_src's sampler is linear there).
uniform sampler2D u_src; // the frame: GL rows, row 0 at the bottom
uniform ivec2 u_size;    // the frame's width and height (even)
out vec4 o_color;

const vec3 PD_BT709 = vec3(0.2126, 0.7152, 0.0722);

void main()
{
    int w = u_size.x, h = u_size.y;
    vec2 size = vec2(u_size);
    int x = int(gl_FragCoord.x) * PD_YUV_PACK, row = int(gl_FragCoord.y);
    float v[4] = float[4](0.0, 0.0, 0.0, 1.0);
#if PD_YUV_CHROMA == 0
    // nearest fetches at the pixels' centres, row from the top
    float sy = float(h - row) - 0.5;
    for (int k = 0; k < PD_YUV_PACK; k++) {
        vec3 c = texture(u_src, vec2(float(x + k) + 0.5, sy) / size).rgb;
        v[k] = (16.0 + 219.0 * dot(c, PD_BT709)) / 255.0;
    }
#else
    // Byte (row - h)*w + x of the chroma planes; a chroma row is w/2 bytes,
    // so each texel row holds two (integer division runs lane by lane on
    // llvmpipe: none here). The V plane follows U at chroma row h/2.
    int cw = w / 2, ch = h / 2;
    int right = x >= cw ? 1 : 0;
    int cy = (row - h) * 2 + right;
    int cx = x - right * cw;
    bool is_v = cy >= ch;
    cy -= is_v ? ch : 0;
    // the corner shared by source pixels (2cx..2cx+1, 2cy..2cy+1), rows from the top
    float sy = float(h - 1 - 2 * cy);
    for (int k = 0; k < PD_YUV_PACK; k++) {
        vec3 c = texture(u_src, vec2(float(2 * (cx + k) + 1), sy) / size).rgb;
        float luma = dot(c, PD_BT709);
        v[k] = (128.0 + 224.0 * (is_v ? (c.r - luma) / 1.5748 : (c.b - luma) / 1.8556)) / 255.0;
    }
#endif
    o_color = vec4(v[0], v[1], v[2], v[3]);
}
