import { describe, expect, it } from 'vitest';
import { modelInfoSchema } from '../../../electron/contract';
import {
  catalog,
  describeModel,
  mergeModelLists,
  TITLE_MODEL,
  DEFAULT_MODEL,
} from '../../../electron/qwen/models';

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

  it('uses the confirmed figures of the reference, dated', () => {
    expect(get('qwen-max')).toMatchObject({ contextWindow: 32_768, maxOutput: 8_192, limitsConfirmed: true });
    expect(get('qwen-max').price).toEqual({
      input: 1.6,
      output: 6.4,
      currency: 'USD',
      asOf: '2025-04-22',
      confirmed: true,
    });
    expect(get('qwen-plus').price).toEqual({
      input: 0.4,
      output: 1.2,
      currency: 'USD',
      asOf: '2025-04-22',
      confirmed: true,
    });
    expect(get('qwen-turbo')).toMatchObject({
      contextWindow: 1_008_192,
      price: { input: 0.05, output: 0.2, confirmed: true },
    });
  });

  it('marks third-party figures as unconfirmed and leaves unknown ones null', () => {
    expect(get('qwen3-max')).toMatchObject({
      limitsConfirmed: false,
      price: { input: 1.2, output: 6, confirmed: false },
    });
    expect(get('qwen-flash')).toMatchObject({ limitsConfirmed: false, price: null });
    expect(get('qwen-vl-max').price).toMatchObject({ confirmed: false });
    expect(get('qwq-plus')).toMatchObject({ contextWindow: null, maxOutput: null, price: null });
    for (const m of catalog) if (m.price && !m.price.confirmed) expect(m.price.asOf).not.toBe('2025-04-22');
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
  it('returns the catalog when the server did not answer', () => {
    expect(mergeModelLists(null)).toEqual(catalog);
  });
  it('marks what the server listed and appends the rest as plain text models, sorted', () => {
    const merged = mergeModelLists(['zeta-model', 'qwen-max', 'alpha-model', 'qwen-max']);
    expect(merged.find((m) => m.id === 'qwen-max')?.listed).toBe(true);
    expect(merged.find((m) => m.id === 'qwen-plus')?.listed).toBe(false);
    expect(merged.slice(catalog.length).map((m) => m.id)).toEqual(['alpha-model', 'zeta-model']);
    expect(merged.at(-1)).toMatchObject({ capabilities: { thinking: 'none', vision: false }, listed: true });
    expect(merged.at(-1)).not.toHaveProperty('custom');
  });
});
