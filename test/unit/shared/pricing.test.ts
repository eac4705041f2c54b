import { describe, expect, it } from 'vitest';
import { catalog } from '../../../electron/shared/models';
import { answerCost, searchFee, tierFor, totalCost } from '../../../electron/shared/pricing';
import { buildChatBody } from '../../../electron/shared/params';

const prices = (id: string) => catalog.find((m) => m.id === id)!.prices!;

describe('pricing', () => {
  it('bills the whole request at the tier its input falls in', () => {
    const beijing = prices('qwen3.5-plus').beijing!;
    expect(tierFor(beijing, 131_072).input).toBe(0.8);
    expect(tierFor(beijing, 131_073).input).toBe(2);
    // 200K input, 1K output: all of it at the ≤256K tier (2 / 12 CNY), not split across tiers.
    const cost = answerCost({ promptTokens: 200_000, completionTokens: 1000, totalTokens: 201_000 }, beijing);
    expect(cost).toBeCloseTo((200_000 * 2 + 1000 * 12) / 1e6, 10);
  });

  it('uses the thinking output price when the answer reasoned', () => {
    const intl = prices('qwen-plus').international!;
    const usage = { promptTokens: 1000, completionTokens: 2000, totalTokens: 3000 };
    expect(answerCost(usage, intl)).toBeCloseTo((1000 * 0.4 + 2000 * 1.2) / 1e6, 10);
    expect(answerCost({ ...usage, reasoningTokens: 1500 }, intl)).toBeCloseTo(
      (1000 * 0.4 + 2000 * 4) / 1e6,
      10,
    );
  });

  it('prices explicit cache hits at 10 %, writes at 125 %, implicit hits at 20 %', () => {
    const intl = prices('qwen3.5-plus').international!;
    const base = { promptTokens: 10_000, completionTokens: 0, totalTokens: 10_000 };
    const explicit = answerCost(
      { ...base, cachedTokens: 6000, cacheCreationTokens: 3000, cacheType: 'explicit' },
      intl,
    );
    expect(explicit).toBeCloseTo(((1000 + 6000 * 0.1 + 3000 * 1.25) * 0.4) / 1e6, 12);
    const implicit = answerCost({ ...base, cachedTokens: 6000, cacheType: 'implicit' }, intl);
    expect(implicit).toBeCloseTo(((4000 + 6000 * 0.2) * 0.4) / 1e6, 12);
  });

  it('adds the search fee per 1,000 searches by strategy and region; none when none ran', () => {
    const usage = (count: number, strategy?: 'turbo' | 'agent') => ({
      promptTokens: 0,
      completionTokens: 0,
      totalTokens: 0,
      search: { count, ...(strategy ? { strategy } : {}), sources: [] },
    });
    expect(searchFee(usage(2, 'turbo'), 'beijing')).toBeCloseTo(0.006, 12);
    expect(searchFee(usage(1, 'agent'), 'international')).toBeCloseTo(0.01, 12);
    expect(searchFee(usage(0, 'agent'), 'international')).toBe(0);
    expect(totalCost([usage(1, 'agent'), null], prices('qwen3-max').international!)).toBeCloseTo(0.01, 12);
  });
});

describe('enable_thinking is always explicit for hybrid models', () => {
  const model = (id: string) => catalog.find((m) => m.id === id)!;
  const ask = [{ role: 'user' as const, content: 'hi' }];
  it('sends the model default when the switch was never touched, the switch otherwise', () => {
    expect(buildChatBody(model('qwen3.5-plus'), ask).enable_thinking).toBe(true);
    expect(buildChatBody(model('qwen-plus'), ask).enable_thinking).toBe(false);
    expect(buildChatBody(model('qwen3.5-plus'), ask, { enableThinking: false }).enable_thinking).toBe(false);
    expect(buildChatBody(model('qwen-plus'), ask, { enableThinking: true }).enable_thinking).toBe(true);
    expect(buildChatBody(model('qwq-plus'), ask)).not.toHaveProperty('enable_thinking');
    expect(buildChatBody(model('qwen-max'), ask)).not.toHaveProperty('enable_thinking');
  });
  it('refuses a search strategy the model does not allow', () => {
    expect(() =>
      buildChatBody(model('qwen-plus'), ask, { enableSearch: true, searchStrategy: 'agent' }),
    ).toThrow(/cannot search with the "agent" strategy/);
    expect(
      buildChatBody(model('qwen3.5-plus'), ask, { enableSearch: true, searchStrategy: 'agent' })
        .search_options,
    ).toEqual({ search_strategy: 'agent' });
  });
});

describe('Qwen-MT', () => {
  const mt = catalog.find((m) => m.id === 'qwen-mt-flash')!;
  it('takes one user message without a system prompt, and refuses more before anything is sent', () => {
    expect(buildChatBody(mt, [{ role: 'user', content: '我看到这个视频后没有笑' }]).messages).toHaveLength(1);
    expect(() =>
      buildChatBody(mt, [{ role: 'user', content: 'a' }], { systemPrompt: 'Translate to English' }),
    ).toThrow(/translates one message at a time/);
    expect(() =>
      buildChatBody(mt, [
        { role: 'user', content: 'a' },
        { role: 'assistant', content: 'b' },
        { role: 'user', content: 'c' },
      ]),
    ).toThrow(/no earlier turns/);
  });
});
