import { describe, expect, it } from 'vitest';
import { catalog } from '../../../../electron/shared/models';
import { buildChatBody } from '../../../../electron/shared/params';
import { translate } from '../../../../renderer/src/i18n';
import { capabilityWords, compactTokens } from '../../../../renderer/src/features/controls/capabilities';
import {
  combinationError,
  effectiveParams,
  fieldErrors,
  modelFor,
  refusal,
  supports,
} from '../../../../renderer/src/features/controls/param-rules';

const model = (id: string) => modelFor(id, catalog);
const en = (key: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
  translate('en', key, p);

describe('conversation controls: what a model offers and the engine’s verdict', () => {
  it('knows catalog models and treats any other id as custom (everything allowed)', () => {
    expect(model('qwen-plus').custom).toBeUndefined();
    const custom = model('my-finetune');
    expect(custom).toMatchObject({ id: 'my-finetune', custom: true });
    for (const control of ['thinking', 'webSearch', 'jsonMode'] as const)
      expect(supports(custom, control)).toBe(true);
    // A snapshot of a catalog model has its family's abilities, as the engine sees it.
    expect(model('qwen-plus-2025-04-28')).toMatchObject({ capabilities: { webSearch: true } });
    expect(model('qwen-plus-2025-04-28').custom).toBeUndefined();
    expect(supports(model('qwen-vl-plus'), 'webSearch')).toBe(false);
    expect(supports(model('qwq-plus'), 'thinking')).toBe(false); // always on: nothing to switch
    expect(supports(model('qwen-plus'), 'thinking')).toBe(true);
  });

  it('leaves out switches the model lacks instead of sending what the engine would refuse', () => {
    const params = {
      enableSearch: true,
      jsonMode: true,
      enableThinking: true,
      temperature: 0.5,
      systemPrompt: '  ',
    };
    expect(effectiveParams(model('qwen-vl-plus'), params)).toEqual({ temperature: 0.5 });
    expect(effectiveParams(model('qwen-plus'), params)).toEqual({
      enableSearch: true,
      jsonMode: true,
      enableThinking: true,
      temperature: 0.5,
    });
    // What remains is accepted by the engine itself.
    expect(() =>
      buildChatBody(
        model('qwen-vl-plus'),
        [{ role: 'user', content: 'hi' }],
        effectiveParams(model('qwen-vl-plus'), params),
      ),
    ).not.toThrow();
  });

  it('gives each field the engine’s own sentence, ranges per model', () => {
    expect(fieldErrors(model('qwen-plus'), { temperature: 2, topP: 0, seed: -1, thinkingBudget: 0 })).toEqual(
      {
        temperature: 'Temperature must be at least 0 and less than 2.',
        topP: 'Top P must be greater than 0 and at most 1.',
        seed: 'The seed must be a whole number from 0 to 2,147,483,647.',
        thinkingBudget: 'The thinking budget must be a positive number of tokens.',
      },
    );
    const max = model('qwen-max');
    expect(fieldErrors(max, { maxTokens: max.maxOutput! + 1 }).maxTokens).toMatch(
      /^Max tokens must be between 1 and/,
    );
    expect(fieldErrors(max, { maxTokens: max.maxOutput! })).toEqual({});
    expect(fieldErrors(model('qwen-plus'), { maxTokens: 100_000 })).toEqual({}); // no known limit
    expect(fieldErrors(max, { temperature: 1.2, topP: 0.8 })).toEqual({});
  });

  it('refuses JSON mode without the word "json", and JSON mode while thinking', () => {
    const plus = model('qwen-plus');
    const refused = refusal(plus, { jsonMode: true }, [{ role: 'user', content: 'List colours' }]);
    expect(refused?.message).toMatch(/^JSON mode needs the word "JSON"/);
    expect(refusal(plus, { jsonMode: true }, [{ role: 'user', content: 'as json please' }])).toBeNull();
    expect(
      refusal(plus, { jsonMode: true, systemPrompt: 'Reply in JSON.' }, [{ role: 'user', content: 'x' }]),
    ).toBeNull();
    expect(combinationError(plus, { jsonMode: true, enableThinking: true })?.message).toBe(
      'JSON mode cannot be used while the model is thinking.',
    );
    // A field already explains the trouble: no second message.
    expect(combinationError(plus, { jsonMode: true, enableThinking: true, temperature: 3 })).toBeNull();
  });

  it('describes abilities in words, with the context window', () => {
    expect(compactTokens(131_072)).toBe('128K');
    expect(compactTokens(1_000_000)).toBe('1M');
    expect(compactTokens(32_000)).toBe('32K');
    const plus = model('qwen-plus');
    expect(capabilityWords(plus, en)).toEqual([
      'thinking',
      'web search',
      'JSON',
      `${compactTokens(plus.contextWindow!)} context`,
    ]);
    expect(capabilityWords(model('qvq-max'), en).slice(0, 2)).toEqual(['vision', 'always thinks']);
    expect(capabilityWords(model('whatever'), en)).toEqual(['custom']);
  });
});
