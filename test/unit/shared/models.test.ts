import { describe, expect, it } from 'vitest';
import { modelInfoSchema } from '../../../electron/contract';
import {
  catalog,
  describeModel,
  mergeModelLists,
  TITLE_MODEL,
  DEFAULT_MODEL,
  priceListFor,
} from '../../../electron/shared/models';
import { imageModels } from '../../../electron/shared/image-models';

const get = (id: string) => catalog.find((m) => m.id === id)!;

describe('model catalog', () => {
  it('covers the models issue 3 names, each valid against the contract', () => {
    for (const id of [
      'qwen-turbo',
      'qwen-plus',
      'qwen-max',
      'qwen-flash',
      'qwen3-max',
      'qwen-vl-plus',
      'qwen-vl-max',
      'qwen3-vl-plus',
      'qwq-plus',
      'qvq-max',
    ]) {
      expect(get(id), id).toBeDefined();
    }
    for (const m of catalog) expect(modelInfoSchema.safeParse(m).success, m.id).toBe(true);
    expect(new Set(catalog.map((m) => m.id)).size).toBe(catalog.length);
    expect(get(DEFAULT_MODEL)).toBeDefined();
    expect(get(TITLE_MODEL).capabilities.thinking).not.toBe('always');
    expect(get(TITLE_MODEL).streamingOnly).toBe(false);
  });

  it('has the 2026 line-up the issue names', () => {
    for (const id of [
      'qwen3.7-max',
      'qwen3.6-plus',
      'qwen3.6-flash',
      'qwen3.5-plus',
      'qwen3.5-flash',
      'qwen3-vl-flash',
      'qwen3-coder-plus',
      'qwen3-coder-flash',
      'qwen-long',
      'qwen-mt-plus',
      'qwen-mt-flash',
      'qwen-mt-lite',
    ]) {
      expect(get(id), id).toBeDefined();
    }
    // The natively multimodal ones see images and need the multimodal-generation path (§1.1).
    for (const id of ['qwen3.5-plus', 'qwen3.5-flash', 'qwen3.6-plus', 'qwen3.6-flash']) {
      expect(get(id), id).toMatchObject({ capabilities: { vision: true }, nativeService: 'multimodal' });
    }
    expect(get('qwen-plus').nativeService).toBe('text');
  });

  it('knows which hybrid models think by default (§6: qwen3.5, 3.6, 3.7 do)', () => {
    for (const id of ['qwen3.7-max', 'qwen3.6-plus', 'qwen3.6-flash', 'qwen3.5-plus', 'qwen3.5-flash']) {
      expect(get(id).thinkingDefault, id).toBe(true);
    }
    for (const id of ['qwen-plus', 'qwen-flash', 'qwen-turbo'])
      expect(get(id).thinkingDefault, id).toBe(false);
    expect(get('qwq-plus')).not.toHaveProperty('thinkingDefault');
  });

  it('prices each region in its currency, with input-length tiers and the thinking output price', () => {
    const plus = get('qwen-plus').prices!;
    expect(plus.beijing).toEqual({
      currency: 'CNY',
      asOf: '2026-06',
      confirmed: true,
      tiers: [
        { upToInputTokens: 131_072, input: 0.8, output: 2, thinkingOutput: 8 },
        { upToInputTokens: 262_144, input: 2.4, output: 20, thinkingOutput: 24 },
        { upToInputTokens: 1_000_000, input: 4.8, output: 48, thinkingOutput: 64 },
      ],
    });
    // International USD is derived from the official CNY figures: unconfirmed.
    expect(plus.international).toMatchObject({ currency: 'USD', confirmed: false });
    expect(plus.international!.tiers.map((t) => [t.input, t.output])).toEqual([
      [0.4, 1.2],
      [1.2, 3.6],
    ]);
    expect(get('qwen3.7-max').prices).toMatchObject({
      beijing: { tiers: [{ input: 12, output: 36 }] },
      international: { tiers: [{ input: 2.5, output: 7.5 }] },
    });
    // Qwen-Long is not offered internationally.
    expect(get('qwen-long').prices).toEqual({ beijing: expect.any(Object) });
    for (const m of catalog) {
      for (const p of Object.values(m.prices ?? {})) {
        const bounds = p.tiers.map((t) => t.upToInputTokens ?? Infinity);
        expect(bounds, m.id).toEqual([...bounds].sort((x, y) => x - y));
      }
    }
  });

  it('marks context cache support from the reference (§4.2, §4.3)', () => {
    expect(get('qwen3.5-plus').cache).toEqual({ explicit: true, implicit: false });
    expect(get('qwen3-max').cache).toEqual({ explicit: true, implicit: true });
    expect(get('qwen-max').cache).toEqual({ explicit: false, implicit: true });
    expect(get('qwen3.5-plus').searchStrategies).toEqual(['turbo', 'max', 'agent', 'agent_max']);
    expect(get('qwen-plus').searchStrategies).not.toContain('agent');
  });

  it('the region picks the price list: Beijing hosts bill CNY, the rest USD; what a region lacks is not offered', () => {
    expect(priceListFor('https://dashscope.aliyuncs.com/compatible-mode/v1')).toBe('beijing');
    expect(priceListFor('https://ws-1.cn-beijing.maas.aliyuncs.com/compatible-mode/v1')).toBe('beijing');
    expect(priceListFor('https://dashscope-intl.aliyuncs.com/compatible-mode/v1')).toBe('international');
    const beijing = mergeModelLists(null, 'beijing');
    expect(beijing.find((m) => m.id === 'qwen-long')).toMatchObject({
      offered: true,
      price: { input: 0.5, output: 2, currency: 'CNY' },
    });
    const intl = mergeModelLists(null, 'international');
    expect(intl.find((m) => m.id === 'qwen-long')).toMatchObject({ offered: false, price: null });
    expect(intl.find((m) => m.id === 'qwen3.5-plus')).toMatchObject({
      offered: true,
      price: { input: 0.4, output: 2.4, currency: 'USD', confirmed: false },
      regionPrice: { tiers: [{ upToInputTokens: 262_144 }, { upToInputTokens: 1_000_000 }] },
    });
  });

  it('knows thinking-only, streaming-only and vision models', () => {
    expect(get('qwq-plus')).toMatchObject({
      streamingOnly: true,
      capabilities: { thinking: 'always', vision: false },
    });
    expect(get('qvq-max')).toMatchObject({
      streamingOnly: true,
      capabilities: { thinking: 'always', vision: true },
    });
    expect(get('qwen-plus').capabilities).toEqual({
      vision: false,
      thinking: 'optional',
      webSearch: true,
      jsonMode: true,
    });
    expect(get('qwen-max').capabilities.thinking).toBe('none');
    expect(get('qwen3-vl-plus').capabilities).toMatchObject({ vision: true, thinking: 'optional' });
  });
});

describe('describeModel', () => {
  it('gives snapshots their family abilities without its figures', () => {
    expect(describeModel('qwen-plus-latest')).toMatchObject({
      id: 'qwen-plus-latest',
      name: 'Qwen-Plus (latest)',
      capabilities: get('qwen-plus').capabilities,
      contextWindow: null,
      price: null,
    });
    expect(describeModel('qwen3-max-2026-01-23').name).toBe('Qwen3-Max (2026-01-23)');
  });
  it('treats an unknown id as a custom model', () => {
    expect(describeModel('my-finetune')).toMatchObject({
      id: 'my-finetune',
      custom: true,
      streamingOnly: false,
    });
  });
  it('is case-sensitive, as DashScope is', () => {
    expect(describeModel('Qwen-Plus').custom).toBe(true);
  });
});

describe('mergeModelLists', () => {
  it('returns the catalog, priced for the region, when the server did not answer', () => {
    // Issue 14: the image models follow the chat models.
    const ids = [...catalog, ...imageModels].map((m) => m.id);
    expect(mergeModelLists(null).map((m) => m.id)).toEqual(ids);
  });
  it('marks what the server listed and appends the rest as plain text models, sorted', () => {
    const merged = mergeModelLists(['zeta-model', 'qwen-max', 'alpha-model', 'qwen-max']);
    expect(merged.find((m) => m.id === 'qwen-max')?.listed).toBe(true);
    expect(merged.find((m) => m.id === 'qwen-plus')?.listed).toBe(false);
    const extras = merged.slice(catalog.length, catalog.length + 2);
    expect(extras.map((m) => m.id)).toEqual(['alpha-model', 'zeta-model']);
    expect(extras.at(-1)).toMatchObject({ capabilities: { thinking: 'none', vision: false }, listed: true });
    expect(extras.at(-1)).not.toHaveProperty('custom');
    expect(merged.slice(catalog.length + 2).map((m) => m.id)).toEqual(imageModels.map((m) => m.id));
  });
});
