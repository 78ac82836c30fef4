/* The CPU's RGBA -> yuv420p conversion (gfx.h: pd_gfx_rgba_to_yuv420), the
 * software renderer's side of pd_gfx_read_yuv420_cpu. No GL here. */
#include "gfx/gfx.h"

#include <assert.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Q15 fixed point: SSE2's pmaddwd multiplies by signed 16-bit factors */
#define FIX15(x) ((int32_t)((x)*32768.0 + ((x) < 0 ? -0.5 : 0.5)))

/* Y = 16 + 219 * (Kr R + Kg G + Kb B) / 255, R G B in 0..255. U = 128 + 224 * (B - L) / 1.8556 / 255,
 * V = 128 + 224 * (R - L) / 1.5748 / 255, from the sums of 2x2 blocks (0..1020: the average's 1/4 folded in) */
#define KU (224.0 / 255 / 1.8556 / 4)
#define KV (224.0 / 255 / 1.5748 / 4)
static const int32_t YR = FIX15(0.2126 * 219 / 255), YG = FIX15(0.7152 * 219 / 255), YB = FIX15(0.0722 * 219 / 255);
static const int32_t UR = FIX15(-0.2126 * KU), UG = FIX15(-0.7152 * KU), UB = FIX15((1 - 0.0722) * KU);
static const int32_t VR = FIX15((1 - 0.2126) * KV), VG = FIX15(-0.7152 * KV), VB = FIX15(-0.0722 * KV);
/* the offsets and the rounding */
static const int32_t Y_OFFSET = (16 << 15) + (1 << 14), C_OFFSET = (128 << 15) + (1 << 14);

#if defined(__SSE2__)
/* 4 pixels (16-bit channels: 2 in lo, 2 in hi) to 4 values of k's R G B
 * weights, offset and shifted back from Q15 */
static inline __m128i weigh4(__m128i lo, __m128i hi, __m128i k, __m128i offset)
{
    /* pmaddwd: (R kr + G kg, B kb + A 0) per pixel; then the two halves of each pixel added */
    __m128 ml = _mm_castsi128_ps(_mm_madd_epi16(lo, k)), mh = _mm_castsi128_ps(_mm_madd_epi16(hi, k));
    __m128i s = _mm_add_epi32(_mm_castps_si128(_mm_shuffle_ps(ml, mh, _MM_SHUFFLE(2, 0, 2, 0))),
                              _mm_castps_si128(_mm_shuffle_ps(ml, mh, _MM_SHUFFLE(3, 1, 3, 1))));
    return _mm_srai_epi32(_mm_add_epi32(s, offset), 15);
}

/* Two rows of 8 pixels: 16 Y, 4 U, 4 V. */
static inline void convert8(const uint8_t *a, const uint8_t *b, uint8_t *ya, uint8_t *yb, uint8_t *u, uint8_t *v)
{
    const __m128i zero = _mm_setzero_si128();
    const __m128i ky = _mm_setr_epi16((short)YR, (short)YG, (short)YB, 0, (short)YR, (short)YG, (short)YB, 0);
    const __m128i kuv = _mm_setr_epi16((short)UR, (short)UG, (short)UB, 0, (short)VR, (short)VG, (short)VB, 0);
    const __m128i yoff = _mm_set1_epi32(Y_OFFSET), coff = _mm_set1_epi32(C_OFFSET);
    __m128i a0 = _mm_loadu_si128((const __m128i *)a), a1 = _mm_loadu_si128((const __m128i *)(a + 16));
    __m128i b0 = _mm_loadu_si128((const __m128i *)b), b1 = _mm_loadu_si128((const __m128i *)(b + 16));
    __m128i px[8] = {_mm_unpacklo_epi8(a0, zero), _mm_unpackhi_epi8(a0, zero), _mm_unpacklo_epi8(a1, zero),
                     _mm_unpackhi_epi8(a1, zero), _mm_unpacklo_epi8(b0, zero), _mm_unpackhi_epi8(b0, zero),
                     _mm_unpacklo_epi8(b1, zero), _mm_unpackhi_epi8(b1, zero)};
    __m128i y16a = _mm_packs_epi32(weigh4(px[0], px[1], ky, yoff), weigh4(px[2], px[3], ky, yoff));
    __m128i y16b = _mm_packs_epi32(weigh4(px[4], px[5], ky, yoff), weigh4(px[6], px[7], ky, yoff));
    __m128i y8 = _mm_packus_epi16(y16a, y16b);
    _mm_storel_epi64((__m128i *)ya, y8);
    _mm_storel_epi64((__m128i *)yb, _mm_srli_si128(y8, 8));
    /* each 2x2 block's R G B A sums, the block in both halves: U's weights in the low, V's in the high */
    __m128i blk[4];
    for (int i = 0; i < 4; i++) {
        __m128i s = _mm_add_epi16(px[i], px[i + 4]); /* two pixels, the rows added */
        s = _mm_add_epi16(s, _mm_srli_si128(s, 8));  /* the pair added: the low half */
        blk[i] = _mm_unpacklo_epi64(s, s);
    }
    __m128i uv01 = weigh4(blk[0], blk[1], kuv, coff); /* U0 V0 U1 V1 */
    __m128i uv23 = weigh4(blk[2], blk[3], kuv, coff); /* U2 V2 U3 V3 */
    __m128i p = _mm_packs_epi32(uv01, uv23);
    p = _mm_shufflelo_epi16(p, _MM_SHUFFLE(3, 1, 2, 0)); /* U0 U1 V0 V1 */
    p = _mm_shufflehi_epi16(p, _MM_SHUFFLE(3, 1, 2, 0)); /* U2 U3 V2 V3 */
    p = _mm_shuffle_epi32(p, _MM_SHUFFLE(3, 1, 2, 0));   /* U0..U3 V0..V3 */
    p = _mm_packus_epi16(p, p);
    uint32_t uu = (uint32_t)_mm_cvtsi128_si32(p), vv = (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(p, 4));
    memcpy(u, &uu, 4);
    memcpy(v, &vv, 4);
}
#endif

void pd_gfx_rgba_to_yuv420(const uint8_t *rgba, ptrdiff_t stride, int w, int h, pd_viewport rect, uint8_t *out)
{
    assert(w % 2 == 0 && h % 2 == 0 && rect.x % 2 == 0 && rect.y % 2 == 0 && rect.w % 2 == 0 && rect.h % 2 == 0);
    assert(rect.x >= 0 && rect.y >= 0 && rect.w >= 0 && rect.h >= 0 && rect.x + rect.w <= w && rect.y + rect.h <= h);
    int cw = w / 2;
    uint8_t *u = out + (size_t)w * (size_t)h, *v = u + (size_t)cw * (size_t)(h / 2);
    /* two rows at a time: their Y and the chroma of their 2x2 blocks, in one pass over the pixels */
    for (int y = rect.y; y < rect.y + rect.h; y += 2) {
        /* a, b: the two rows' pixels at column rect.x */
        const uint8_t *a = rgba + (ptrdiff_t)(y - rect.y) * stride, *b = a + stride;
        uint8_t *ya = out + (size_t)y * (size_t)w, *yb = ya + w;
        uint8_t *du = u + (size_t)(y / 2) * (size_t)cw, *dv = v + (size_t)(y / 2) * (size_t)cw;
        int x = rect.x, end = rect.x + rect.w;
#if defined(__SSE2__)
        for (; x + 8 <= end; x += 8)
            convert8(a + 4 * (x - rect.x), b + 4 * (x - rect.x), ya + x, yb + x, du + x / 2, dv + x / 2);
#endif
        for (; x + 1 < end; x += 2) {
            const uint8_t *pa = a + 4 * (x - rect.x), *pb = b + 4 * (x - rect.x);
            for (int k = 0; k < 2; k++) {
                ya[x + k] = (uint8_t)((YR * pa[4 * k] + YG * pa[4 * k + 1] + YB * pa[4 * k + 2] + Y_OFFSET) >> 15);
                yb[x + k] = (uint8_t)((YR * pb[4 * k] + YG * pb[4 * k + 1] + YB * pb[4 * k + 2] + Y_OFFSET) >> 15);
            }
            int32_t r = pa[0] + pa[4] + pb[0] + pb[4];
            int32_t g = pa[1] + pa[5] + pb[1] + pb[5];
            int32_t bl = pa[2] + pa[6] + pb[2] + pb[6];
            du[x / 2] = (uint8_t)((UR * r + UG * g + UB * bl + C_OFFSET) >> 15);
            dv[x / 2] = (uint8_t)((VR * r + VG * g + VB * bl + C_OFFSET) >> 15);
        }
    }
}
