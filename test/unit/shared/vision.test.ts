import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  estimateTextTokens,
  fitSize,
  imageTokens,
  pixelCap,
  sizeProblem,
  visionSpec,
} from '../../../electron/shared/vision';

describe('vision rules per model (qwen-api.md §4, 2026 §3.2)', () => {
  it('knows the three groups, and that Qwen3.5/3.6/3.7 see natively', () => {
    for (const id of [
      'qwen3.5-plus',
      'qwen3.6-plus',
      'qwen3.7-plus',
      'qwen3.5-flash',
      'qwen3-vl-plus',
      'qwen3-vl-flash-us',
    ])
      expect(visionSpec(id)).toMatchObject({ patch: 32, maxPixels: 2_621_440, maxPixelsHigh: 16_777_216 });
    expect(visionSpec('qwen-vl-max')).toMatchObject({ patch: 32, maxPixels: 1_310_720 });
    expect(visionSpec('qwen-vl-max-latest')).toMatchObject({ patch: 32, maxPixels: 1_310_720 });
    expect(visionSpec('qvq-max')).toMatchObject({
      patch: 28,
      maxPixels: 1_003_520,
      maxPixelsHigh: 12_845_056,
    });
    expect(visionSpec('qwen-vl-plus-2025-01-25')).toMatchObject({ patch: 28 });
    for (const id of ['qwen-plus', 'qwen3-max', 'qwq-plus', 'qwen3-coder-plus', 'my-model'])
      expect(visionSpec(id)).toBeNull();
  });

  it('fits a 24-MP photo into 2,621,440 px with 32-px sides, and prices it by h·w/1024 + 2', () => {
    const spec = visionSpec('qwen3-vl-plus')!;
    expect(fitSize(4000, 6000, spec, spec.maxPixels)).toEqual({ width: 1312, height: 1952 });
    expect(imageTokens(1312, 1952, spec, spec.maxPixels)).toBe((1312 * 1952) / 1024 + 2);
    // High resolution: the 16,777,216 cap.
    const high = fitSize(4000, 6000, spec, pixelCap(spec, true));
    expect(high.width * high.height).toBeLessThanOrEqual(16_777_216);
    expect(high).toEqual({ width: 3328, height: 4992 });
  });

  it('never upscales, keeps sides multiples of the patch and the count within the cap (property)', () => {
    const spec = visionSpec('qvq-max')!;
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 20_000 }), fc.integer({ min: 10, max: 20_000 }), (w, h) => {
        const fit = fitSize(w, h, spec, spec.maxPixels);
        expect(fit.width).toBeLessThanOrEqual(w);
        expect(fit.height).toBeLessThanOrEqual(h);
        expect(fit.width * fit.height).toBeLessThanOrEqual(spec.maxPixels);
        if (fit.width >= 28) expect(fit.width % 28).toBe(0);
        if (fit.height >= 28) expect(fit.height % 28).toBe(0);
      }),
    );
  });

  it('counts small images at the size the model reads them (rounded, raised to min_pixels)', () => {
    const spec = visionSpec('qwen3-vl-plus')!;
    // 1280×720 rounds to 1280×736: 40·23 patches.
    expect(imageTokens(1280, 720, spec, spec.maxPixels)).toBe(40 * 23 + 2);
    // A 16×16 image is read at min_pixels (65,536 = 256×256): 64 patches.
    expect(imageTokens(16, 16, spec, spec.maxPixels)).toBe(64 + 2);
  });

  it('refuses a side under 10 px and an aspect ratio over 200:1', () => {
    expect(sizeProblem(5, 5)).toBe('too_small');
    expect(sizeProblem(1, 300)).toBe('too_narrow');
    expect(sizeProblem(10, 2000)).toBeNull();
    expect(sizeProblem(10, 2001)).toBe('too_narrow');
  });

  it('estimates text tokens: one per CJK character, one per four others', () => {
    expect(estimateTextTokens('abcdefgh')).toBe(2);
    expect(estimateTextTokens('西湖')).toBe(2);
  });
});
