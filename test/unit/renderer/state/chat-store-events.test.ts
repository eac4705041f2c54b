import { beforeEach, describe, expect, it } from 'vitest';
import { useChatStore } from '../../../../renderer/src/state/chat-store';
import { canContinue } from '../../../../renderer/src/state/message-actions';

const error = { code: 'rate_limit' as const, message: 'Too many requests.' };

describe('chat store: the chat window’s event handling', () => {
  beforeEach(() => {
    useChatStore.setState({
      messages: [
        { id: 'u', role: 'user', content: 'q' },
        { id: 'a', role: 'assistant', content: '', status: 'streaming', streamId: 's1' },
      ],
    });
  });
  const answer = () => useChatStore.getState().messages[1]!;

  it('keeps the retry countdown from a retrying event and clears it when text arrives', () => {
    const before = Date.now();
    useChatStore
      .getState()
      .applyEvent({ type: 'retrying', streamId: 's1', attempt: 2, maxAttempts: 4, delayMs: 3000, error });
    expect(answer().retry).toMatchObject({ attempt: 2, maxAttempts: 4, error });
    expect(answer().retry!.until).toBeGreaterThanOrEqual(before + 3000);
    useChatStore.getState().applyEvent({ type: 'delta', streamId: 's1', content: 'Hi' });
    expect(answer().retry).toBeUndefined();
    expect(answer().content).toBe('Hi');
  });

  it('times the reasoning: from its first piece to the first answer text', () => {
    const apply = useChatStore.getState().applyEvent;
    apply({ type: 'delta', streamId: 's1', content: '', reasoning: 'hmm' });
    const started = answer().reasoningStartedAt!;
    expect(started).toBeTypeOf('number');
    expect(answer().answerStartedAt).toBeUndefined();
    apply({ type: 'delta', streamId: 's1', content: '', reasoning: ' more' });
    expect(answer().reasoningStartedAt).toBe(started);
    apply({ type: 'delta', streamId: 's1', content: 'Answer' });
    expect(answer().answerStartedAt).toBeGreaterThanOrEqual(started);
    expect(answer().reasoning).toBe('hmm more');
  });

  it('offers Continue after an interruption, a stop or the length limit, not after a full answer', () => {
    const base = { id: 'x', role: 'assistant' as const, content: 'partial' };
    expect(canContinue({ ...base, status: 'interrupted' })).toBe(true);
    expect(canContinue({ ...base, status: 'stopped' })).toBe(true);
    expect(canContinue({ ...base, status: 'done', finishReason: 'length' })).toBe(true);
    expect(canContinue({ ...base, status: 'done', finishReason: 'stop' })).toBe(false);
    expect(canContinue({ ...base, content: '', status: 'stopped' })).toBe(false);
    // A continuation that failed keeps its text and can be continued again; an empty error cannot.
    expect(canContinue({ ...base, status: 'error' })).toBe(true);
    expect(canContinue({ ...base, content: '', status: 'error' })).toBe(false);
  });
});
