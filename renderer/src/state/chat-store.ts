/**
 * The conversation on screen and its streams. Every stream event from the main process lands here;
 * components only read.
 */
import { create } from 'zustand';
import type { AppError, ChatEvent, ChatMessage, StreamStatus, Usage } from '../../../electron/contract';
import { qwen } from '../api/qwen';

export interface UiMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  reasoning?: string;
  /** Assistant messages only. */
  status?: StreamStatus;
  streamId?: string;
  error?: AppError;
  usage?: Usage | null;
  finishReason?: string | null;
  // --- chat window (issue 6): optional, filled in by applyEvent and the history helper ---
  /** Branches: this message's position among its siblings (1-based) and how many there are. */
  siblingIndex?: number;
  siblingCount?: number;
  /** When the first reasoning and the first answer text arrived (ms since epoch): the "Thinking" duration. */
  reasoningStartedAt?: number;
  answerStartedAt?: number;
  /** The engine is waiting before trying again (from the `retrying` event). */
  retry?: { attempt: number; maxAttempts: number; until: number; error: AppError };
}

interface ChatState {
  messages: UiMessage[];
  model: string;
  setModel(model: string): void;
  /** Sends a question; resolves once the stream has started (or failed to). */
  send(text: string): Promise<void>;
  stop(): Promise<void>;
  applyEvent(event: ChatEvent): void;
}

let localId = 0;
const newId = () => `m${++localId}`;

export const useChatStore = create<ChatState>((set, get) => ({
  messages: [],
  model: 'qwen-plus',
  setModel: (model) => set({ model }),

  async send(text) {
    const question = text.trim();
    if (!question || get().messages.some((m) => m.status === 'streaming')) return;
    const user: UiMessage = { id: newId(), role: 'user', content: question };
    const assistant: UiMessage = { id: newId(), role: 'assistant', content: '', status: 'streaming' };
    const history: ChatMessage[] = get()
      .messages.filter(
        (m) =>
          m.role === 'user' || m.status === 'done' || m.status === 'stopped' || m.status === 'interrupted',
      )
      .map((m) => ({ role: m.role, content: m.content }));
    set((s) => ({ messages: [...s.messages, user, assistant] }));

    const result = await qwen().invoke('chat.start', {
      model: get().model,
      messages: [...history, { role: 'user', content: question }],
    });
    updateMessage(assistant.id, (m) =>
      result.ok ? { ...m, streamId: result.value.streamId } : { ...m, status: 'error', error: result.error },
    );
  },

  async stop() {
    const streaming = get().messages.find((m) => m.status === 'streaming' && m.streamId);
    if (streaming?.streamId) await qwen().invoke('chat.cancel', { streamId: streaming.streamId });
  },

  applyEvent(event) {
    const target = get().messages.find((m) => m.streamId === event.streamId);
    if (!target) return;
    updateMessage(target.id, (m) => {
      switch (event.type) {
        case 'delta':
          return {
            ...m,
            content: m.content + event.content,
            ...(event.reasoning ? { reasoning: (m.reasoning ?? '') + event.reasoning } : {}),
            ...timing(m, event.reasoning, event.content),
            retry: undefined,
          };
        case 'done':
          return {
            ...m,
            status: event.status,
            usage: event.usage,
            finishReason: event.finishReason,
            retry: undefined,
          };
        case 'retrying':
          return {
            ...m,
            retry: {
              attempt: event.attempt,
              maxAttempts: event.maxAttempts,
              until: Date.now() + event.delayMs,
              error: event.error,
            },
          };
        case 'error':
          return {
            ...m,
            status: event.interrupted ? 'interrupted' : 'error',
            error: event.error,
            retry: undefined,
          };
      }
    });
  },
}));

/** Chat window (issue 6): when reasoning and answer text first arrived, for the "Thinking" duration. */
function timing(m: UiMessage, reasoning: string | undefined, content: string): Partial<UiMessage> {
  const now = Date.now();
  return {
    ...(reasoning && m.reasoningStartedAt === undefined ? { reasoningStartedAt: now } : {}),
    ...(content && m.answerStartedAt === undefined ? { answerStartedAt: now } : {}),
  };
}

export function updateMessage(id: string, change: (m: UiMessage) => UiMessage): void {
  useChatStore.setState((s) => ({ messages: s.messages.map((m) => (m.id === id ? change(m) : m)) }));
}

/** Connects the store to the main process's stream events; returns the unsubscribe function. */
export function connectChatEvents(): () => void {
  return qwen().on('chat.event', (event) => useChatStore.getState().applyEvent(event));
}

/** Loads the model list once and picks the default. */
export async function loadModels(): Promise<{ id: string; name: string }[]> {
  const result = await qwen().invoke('models.list', undefined);
  if (!result.ok) return [];
  useChatStore.getState().setModel(result.value.defaultModel);
  return result.value.models;
}
