import { describe, expect, it } from 'vitest';
import { modelInfoSchema } from '../../../electron/contract';
import { imageModels, imageModelsFor, sizeAllowed, sizesFor } from '../../../electron/shared/image-models';
import { imageRefusals } from '../../../electron/shared/image-params';
import { describeModel } from '../../../electron/shared/models';

const model = (id: string) => describeModel(id);
const codes = (id: string, request: Parameters<typeof imageRefusals>[1], inputs = 0) =>
  imageRefusals(model(id), request, inputs).map((r) => r.code);

describe('image models (qwen-api-2026.md §2)', () => {
  it('are valid catalog entries, each with its API shape, sizes, n and prices', () => {
    for (const m of imageModels) expect(modelInfoSchema.safeParse(m).success, m.id).toBe(true);
    const api = Object.fromEntries(imageModels.map((m) => [m.id, m.image!.api]));
    expect(api).toMatchObject({
      'qwen-image-max': 'sync',
      'qwen-image-2.0-pro': 'sync',
      'wan2.6-t2i': 'sync',
      'qwen-image': 'async',
      'qwen-image-plus': 'async',
      'wan2.5-t2i-preview': 'async',
      'wan2.2-t2i-flash': 'async',
    });
    expect(model('qwen-image').image!.sizes).toEqual([
      '1664*928',
      '1472*1104',
      '1328*1328',
      '1104*1472',
      '928*1664',
    ]);
    expect(model('qwen-image-edit-plus').image).toMatchObject({ edit: true, sizes: [] });
  });

  it('offer only sizes their rule allows', () => {
    for (const m of imageModels) {
      const rule = m.image!.sizeRule;
      if (!rule) continue;
      expect(m.image!.sizes.length, m.id).toBeGreaterThan(0);
      for (const s of m.image!.sizes) expect(sizeAllowed(rule, s), `${m.id} ${s}`).toBe(true);
      if (m.image!.defaultSize) expect(m.image!.sizes).toContain(m.image!.defaultSize);
    }
    const wan26 = model('wan2.6-t2i').image!.sizeRule!;
    expect(sizeAllowed(wan26, '768*2700')).toBe(true); // the reference's own example
    expect(sizeAllowed(wan26, '1024*1024')).toBe(false); // under 1280²
    expect(sizeAllowed(wan26, '640*2800')).toBe(false); // 1:4.4
    expect(sizesFor(model('wan2.2-t2i-flash').image!.sizeRule!)).not.toContain('1536*1536');
    expect(sizeAllowed(model('qwen-image').image!.sizeRule!, '1328x1328')).toBe(false);
  });

  it('price each successful image in the region’s currency; a list without it is not offered', () => {
    const beijing = imageModelsFor('beijing');
    const intl = imageModelsFor('international');
    expect(beijing.find((m) => m.id === 'qwen-image-max')!.image!.regionPrice).toMatchObject({
      currency: 'CNY',
      perImage: 0.5,
      confirmed: true,
    });
    expect(intl.find((m) => m.id === 'qwen-image-max')!.image!.regionPrice).toMatchObject({
      currency: 'USD',
      perImage: 0.075,
      confirmed: false,
    });
    expect(intl.find((m) => m.id === 'wanx2.0-t2i-turbo')).toMatchObject({ offered: false });
  });
});

describe('image request rules (§2.4)', () => {
  it('accepts a request within the model’s rules', () => {
    expect(
      codes('qwen-image-2.0', { prompt: 'a cat', size: '2048*2048', n: 6, seed: 2_147_483_647 }),
    ).toEqual([]);
    expect(codes('qwen-image-edit', { prompt: 'make it blue' }, 2)).toEqual([]);
  });

  it('counts characters as people do: 800 Chinese characters are allowed, 801 are not', () => {
    expect(codes('qwen-image-max', { prompt: '猫'.repeat(800) })).toEqual([]);
    const [refusal] = imageRefusals(model('qwen-image-max'), { prompt: '猫'.repeat(801) });
    expect(refusal).toMatchObject({ code: 'prompt_long', values: { max: 800, count: 801 } });
    expect(codes('qwen-image-max', { prompt: 'x', negativePrompt: '狗'.repeat(501) })).toEqual([
      'negative_long',
    ]);
  });

  it('refuses each broken rule with its reason', () => {
    expect(codes('qwen-image-max', { prompt: '  ' })).toEqual(['prompt_empty']);
    expect(codes('qwen-image', { prompt: 'x', n: 2 })).toEqual(['n_range']);
    expect(codes('wan2.2-t2i-plus', { prompt: 'x', n: 0 })).toEqual(['n_range']);
    expect(codes('qwen-image', { prompt: 'x', size: '1024*1024' })).toEqual(['size']);
    expect(codes('qwen-image-max', { prompt: 'x', seed: 2_147_483_648 })).toEqual(['seed_range']);
    expect(codes('qwen-image-edit', { prompt: 'x' })).toEqual(['edit_needs_image']);
    expect(codes('qwen-image-edit', { prompt: 'x' }, 4)).toEqual(['edit_too_many']);
    expect(imageRefusals(model('qwen-image'), { prompt: 'x', n: 2 })[0]!.message).toBe(
      'Qwen-Image draws exactly 1 image per request.',
    );
  });
});
