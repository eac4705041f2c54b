import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../../../renderer/src/features/chat/usage';
import { formatMoney } from '../../../../renderer/src/features/chat/format';

describe('conversation cost', () => {
  it('adds every answer at the list price per million tokens', () => {
    const price = { input: 0.4, output: 1.2, currency: 'USD' as const, asOf: '2026-01-01', confirmed: true };
    const cost = estimateCost(
      [
        { promptTokens: 1_000_000, completionTokens: 0, totalTokens: 1_000_000 },
        null,
        { promptTokens: 500_000, completionTokens: 250_000, totalTokens: 750_000, reasoningTokens: 100_000 },
      ],
      price,
    );
    expect(cost).toBeCloseTo(0.4 + 0.2 + 0.3, 10);
  });
  it('with the region’s price list: the tier of each request, cache and search fees', () => {
    const price = { input: 0.8, output: 4.8, currency: 'CNY' as const, asOf: '2026-06', confirmed: true };
    const regionPrice = {
      currency: 'CNY' as const,
      asOf: '2026-06',
      confirmed: true,
      tiers: [
        { upToInputTokens: 131_072, input: 0.8, output: 4.8 },
        { upToInputTokens: null, input: 2, output: 12 },
      ],
    };
    const cost = estimateCost(
      [
        { promptTokens: 200_000, completionTokens: 0, totalTokens: 200_000 },
        {
          promptTokens: 10_000,
          completionTokens: 0,
          totalTokens: 10_000,
          cachedTokens: 10_000,
          cacheType: 'explicit',
          search: { count: 1000, strategy: 'turbo', sources: [] },
        },
      ],
      price,
      regionPrice,
    );
    expect(cost).toBeCloseTo(0.4 + 0.0008 + 3, 10);
  });
  it('formats in the price list’s currency and the interface’s language', () => {
    expect(formatMoney(1.5, 'USD', 'en')).toBe('$1.50');
    expect(formatMoney(0.0012, 'CNY', 'zh-CN')).toBe('¥0.0012');
    expect(formatMoney(2, 'CNY', 'en')).toBe('CN¥2.00');
  });

  it('says "< $0.0001" for a cost above zero that four places would show as 0.0000', () => {
    expect(formatMoney(0.00003, 'USD', 'en')).toBe('< $0.0001');
    expect(formatMoney(0.00003, 'CNY', 'zh-CN')).toBe('< ¥0.0001');
    expect(formatMoney(0, 'USD', 'en')).toBe('$0.00');
    expect(formatMoney(0.0001, 'USD', 'en')).toBe('$0.0001');
  });
});
