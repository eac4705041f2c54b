import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatParams } from '../../../electron/contract';
import { AppErrorException } from '../../../electron/shared/app-error';
import { describeModel } from '../../../electron/shared/models';
import { buildChatBody, MAX_SEED } from '../../../electron/shared/params';

const user = (content: string): ChatMessage[] => [{ role: 'user', content }];

function refusal(model: string, params: ChatParams, messages = user('hi')) {
  try {
    buildChatBody(describeModel(model), messages, params);
  } catch (err) {
    if (err instanceof AppErrorException) return err.appError;
    throw err;
  }
  return null;
}

describe('parameter ranges', () => {
  it('temperature is [0, 2)', () => {
    expect(refusal('qwen-plus', { temperature: 0 })).toBeNull();
    expect(refusal('qwen-plus', { temperature: 1.99 })).toBeNull();
    expect(refusal('qwen-plus', { temperature: 2 })).toMatchObject({
      code: 'invalid_argument',
      message: 'Temperature must be at least 0 and less than 2.',
    });
    expect(refusal('qwen-plus', { temperature: -0.1 })?.code).toBe('invalid_argument');
  });
  it('top_p is (0, 1]', () => {
    expect(refusal('qwen-plus', { topP: 1 })).toBeNull();
    expect(refusal('qwen-plus', { topP: 0 })?.message).toBe('Top P must be greater than 0 and at most 1.');
  });
  it('max_tokens is [1, the model maximum]', () => {
    expect(refusal('qwen-max', { maxTokens: 8192 })).toBeNull();
    expect(refusal('qwen-max', { maxTokens: 8193 })?.message).toBe(
      'Max tokens must be between 1 and 8,192 for Qwen-Max.',
    );
    expect(refusal('qwen-plus', { maxTokens: 0 })?.message).toBe('Max tokens must be at least 1.');
    expect(refusal('qwen-plus', { maxTokens: 100_000 })).toBeNull(); // no known maximum: the server decides
  });
  it('seed is [0, 2^31 − 1]', () => {
    expect(refusal('qwen-plus', { seed: 0 })).toBeNull();
    expect(refusal('qwen-plus', { seed: MAX_SEED })).toBeNull();
    expect(refusal('qwen-plus', { seed: MAX_SEED + 1 })?.message).toBe(
      'The seed must be a whole number from 0 to 2,147,483,647.',
    );
    expect(refusal('qwen-plus', { seed: -1 })?.code).toBe('invalid_argument');
  });
  it('presence_penalty is [-2, 2]; stop sequences are not empty; the thinking budget is positive', () => {
    expect(refusal('qwen-plus', { presencePenalty: 2 })).toBeNull();
    expect(refusal('qwen-plus', { presencePenalty: 2.5 })?.message).toBe(
      'Presence penalty must be between -2 and 2.',
    );
    expect(refusal('qwen-plus', { stop: ['ok', ''] })?.message).toBe('A stop sequence cannot be empty.');
    expect(refusal('qwen-plus', { enableThinking: true, thinkingBudget: 0 })?.message).toBe(
      'The thinking budget must be a positive number of tokens.',
    );
  });
});

describe('what a model supports', () => {
  it('refuses thinking, search, JSON mode and images where the model has none', () => {
    expect(refusal('qwen-max', { enableThinking: true })).toMatchObject({
      code: 'invalid_argument',
      message: 'Qwen-Max cannot think before answering.',
      action: 'Turn thinking off, or choose a model that thinks.',
    });
    expect(refusal('qwq-plus', { enableSearch: true })?.message).toBe('QwQ-Plus cannot search the web.');
    expect(refusal('qwen-vl-max', { jsonMode: true }, user('json please'))?.message).toBe(
      'Qwen-VL-Max has no JSON mode.',
    );
    const image: ChatMessage[] = [
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] },
    ];
    expect(refusal('qwen-plus', {}, image)?.message).toBe('Qwen-Plus cannot see images.');
    expect(refusal('qwen-vl-max', {}, image)).toBeNull();
  });

  it('sends switched-off abilities only where the model has them', () => {
    expect(
      buildChatBody(describeModel('qwen-max'), user('hi'), { enableThinking: false, enableSearch: false }),
    ).not.toHaveProperty('enable_thinking');
    expect(buildChatBody(describeModel('qwen-plus'), user('hi'), { enableThinking: false })).toMatchObject({
      enable_thinking: false,
    });
    expect(
      buildChatBody(describeModel('qwen-vl-max'), user('hi'), { enableSearch: false }),
    ).not.toHaveProperty('enable_search');
  });

  it('thinking-only models always stream and never get enable_thinking: false', () => {
    const body = buildChatBody(describeModel('qvq-max'), user('hi'), {
      enableThinking: false,
      thinkingBudget: 500,
    });
    expect(body.stream).toBe(true);
    expect(body).not.toHaveProperty('enable_thinking');
    expect(body.thinking_budget).toBe(500);
  });

  it('sends the thinking budget only while thinking', () => {
    expect(buildChatBody(describeModel('qwen-plus'), user('hi'), { thinkingBudget: 500 })).not.toHaveProperty(
      'thinking_budget',
    );
    expect(
      buildChatBody(describeModel('qwen-plus'), user('hi'), { enableThinking: true, thinkingBudget: 500 }),
    ).toMatchObject({
      enable_thinking: true,
      thinking_budget: 500,
    });
  });
});

describe('JSON mode', () => {
  it('needs "json" in a user or system message, in any case', () => {
    expect(refusal('qwen-plus', { jsonMode: true }, user('List three teas'))).toMatchObject({
      code: 'invalid_argument',
      message:
        'JSON mode needs the word "JSON" in your message or the system prompt: Qwen refuses the request without it.',
      action: 'Add it, for example "Answer in JSON.", and send again.',
    });
    expect(refusal('qwen-plus', { jsonMode: true }, user('List three teas as Json'))).toBeNull();
    expect(
      refusal('qwen-plus', { jsonMode: true, systemPrompt: 'Reply in JSON.' }, user('List three teas')),
    ).toBeNull();
    // An assistant message saying json does not count: DashScope looks at system and user messages.
    expect(
      refusal('qwen-plus', { jsonMode: true }, [
        { role: 'assistant', content: 'I can answer in JSON.' },
        { role: 'user', content: 'List three teas' },
      ])?.code,
    ).toBe('invalid_argument');
  });
  it('cannot be used while thinking', () => {
    expect(refusal('qwen-plus', { jsonMode: true, enableThinking: true }, user('json'))).toMatchObject({
      code: 'invalid_argument',
      message: 'JSON mode cannot be used while the model is thinking.',
      action: 'Turn thinking off, or turn JSON mode off.',
    });
  });
  it('sends response_format json_object', () => {
    expect(
      buildChatBody(describeModel('qwen-plus'), user('json'), { jsonMode: true }).response_format,
    ).toEqual({ type: 'json_object' });
  });
});

describe('system prompt', () => {
  it('goes first; an empty one is not sent', () => {
    expect(
      buildChatBody(describeModel('qwen-plus'), user('hi'), { systemPrompt: 'Be brief.' }).messages[0],
    ).toMatchObject({
      role: 'system',
      content: 'Be brief.',
    });
    expect(buildChatBody(describeModel('qwen-plus'), user('hi'), { systemPrompt: '  ' }).messages).toEqual(
      user('hi'),
    );
  });
});

describe('custom models', () => {
  it('get the parameters as the user set them, ranges still checked', () => {
    const body = buildChatBody(describeModel('qwen3-32b'), user('hi'), {
      enableThinking: true,
      enableSearch: true,
    });
    expect(body).toMatchObject({ enable_thinking: true, enable_search: true });
    expect(refusal('qwen3-32b', { temperature: 3 })?.code).toBe('invalid_argument');
  });
});
