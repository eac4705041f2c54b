/**
 * The conversation on screen and its streams. Questions go into the history (main process) and
 * answers stream back as events; every stream event lands here; components only read.
 */
import { create } from 'zustand';
import type {
  AppError,
  AttachmentInput,
  AttachmentView,
  ChatEvent,
  ChatParams,
  HistoryMessage,
  ImageJobView,
  ModelInfo,
  OpenedConversation,
  SendResult,
  StreamStatus,
  Usage,
} from '../../../electron/contract';
import { qwen } from '../api/qwen';
import { flushPendingDelete } from './pending-delete-store';
import { holdIfSensitive } from './sensitive-check';
import { createDeltaBatcher, STREAM_REPAINT_MS } from './delta-batcher';
import { isQuickWindow } from '../quick/windows-channel';
import { effectiveParams, modelFor, refusal } from '../features/controls/param-rules';
import { useCatalog } from './catalog-store';
import { streamBaseOf, unseenPart, type StreamBase } from './live-join';
import {
  DEFAULT_TRANSLATION,
  isTranslationModel,
  translationRefusal,
} from '../../../electron/shared/translation';
import {
  defaultSettings,
  draftSettings,
  flushSettings,
  forgetDraft,
  keepSettings,
} from './conversation-settings';

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
  // History: where the message sits in its conversation's tree.
  conversationId?: number;
  parentId?: number | null;
  siblingIndex?: number;
  siblingCount?: number;
  model?: string | null;
  createdAt?: number;
  // --- chat window (issue 6): filled in by applyEvent ---
  /** When the first reasoning and the first answer text arrived (ms since epoch): the "Thinking" duration. */
  reasoningStartedAt?: number;
  answerStartedAt?: number;
  /** The engine is waiting before trying again (from the `retrying` event). */
  retry?: { attempt: number; maxAttempts: number; until: number; error: AppError };
  /** Issue 10: a question's images and text files. */
  attachments?: AttachmentView[];
  /** Opened while streaming: how much text came before the stream (deltas then join exactly). */
  streamBase?: StreamBase;
  /** Issue 14: an image answer (its job: state, kept images, cost). */
  imageJob?: ImageJobView;
}

/** Issue 10: what a question carries: the inputs main checks and stores, and how the message shows them. */
export interface OutgoingAttachments {
  inputs: AttachmentInput[];
  views: AttachmentView[];
}

interface ChatState {
  messages: UiMessage[];
  model: string;
  /** The open conversation; null for a new chat not yet sent. */
  conversationId: number | null;
  /** Messages of the active path before the first one shown. */
  olderCount: number;
  /** The message to bring into view (a search hit). */
  focusMessageId: string | null;
  /** Long conversations: the page shown ends before the newest message (opened at a search hit). */
  hasNewer: boolean;
  setModel(model: string): void;
  // --- conversation controls (issue 6, item 4) ---
  /** The open conversation's parameters, as the user set them (the model may not use all). */
  params: ChatParams;
  /** A question refused before sending (the engine's rules), shown by the composer; its text is kept. */
  sendRefusal: AppError | null;
  /** Changes the conversation's model and/or parameters, and keeps them with it. */
  setSettings(change: { model?: string; params?: ChatParams }): void;
  /** A new chat: Settings' defaults (or this tab's unsent draft). */
  applyDefaults(): void;
  clearRefusal(): void;
  // --- end conversation controls ---
  /** Sends a question; resolves once the stream has started (or failed to); false when refused. */
  send(
    text: string,
    attachments?: OutgoingAttachments,
    options?: { allowSensitive?: boolean },
  ): Promise<boolean>;
  stop(): Promise<void>;
  applyEvent(event: ChatEvent): void;
  newChat(): void;
  openConversation(conversationId: number, focusMessageId?: number): Promise<AppError | null>;
  loadOlder(): Promise<void>;
  regenerate(messageId: string): Promise<void>;
  editAndResend(messageId: string, text: string, keepAttachments?: number[]): Promise<void>;
  switchBranch(messageId: string): Promise<void>;
}

/** Issue 10: what a question not yet in the history carried, so Retry sends its images again. */
const outgoing = new Map<string, OutgoingAttachments>();
export const outgoingOf = (messageId: string): OutgoingAttachments | undefined => outgoing.get(messageId);

let localId = 0;
const newId = () => `local-${++localId}`;
/** The open conversation, per tab: a reload shows it again, a new tab starts a new chat. */
const OPEN_KEY = 'qwen-desk.open-conversation';
/** Events for a stream whose id is not known yet (its start is still being answered). */
const early: ChatEvent[] = [];
/**
 * Answers opened while still streaming (after a reload, or from the quick window): they join the
 * stream exactly (live-join.ts); when it ends the saved row (final status, usage) is loaded.
 */
const resumed = new Set<string>();

export function toUiMessage(m: HistoryMessage): UiMessage {
  return {
    id: String(m.id),
    role: m.role === 'user' ? 'user' : 'assistant',
    content: m.content,
    ...(m.reasoning ? { reasoning: m.reasoning } : {}),
    ...(m.status ? { status: m.status } : {}),
    ...(m.streamId ? { streamId: m.streamId } : {}),
    ...(m.streamed ? { streamBase: streamBaseOf(m) } : {}),
    ...(m.error ? { error: m.error } : {}),
    usage: m.usage,
    finishReason: m.finishReason,
    conversationId: m.conversationId,
    parentId: m.parentId,
    siblingIndex: m.siblingIndex,
    siblingCount: m.siblingCount,
    model: m.model,
    createdAt: m.createdAt,
    ...(m.attachments?.length ? { attachments: m.attachments } : {}),
    ...(m.imageJob ? { imageJob: m.imageJob } : {}),
  };
}

/** Whether `page` (opened around a search hit) stops before the conversation's newest message. */
async function endsBeforeNewest(conversationId: number, page: OpenedConversation): Promise<boolean> {
  const newest = await qwen().invoke('history.open', { conversationId, limit: 1 });
  const last = page.messages.at(-1);
  return newest.ok && !!last && newest.value.messages.at(-1)?.id !== last.id;
}

const shown = (page: OpenedConversation) => page.messages.filter((m) => m.role !== 'system').map(toUiMessage);

export const useChatStore = create<ChatState>((set, get) => {
  const streaming = () => get().messages.some((m) => m.status === 'streaming');

  /** Puts the saved ids (and the stream) on the messages shown before the answer came back. */
  function settle(tempUser: string | null, tempAssistant: string, result: SendResult): void {
    set({ conversationId: result.conversationId });
    sessionStorage.setItem(OPEN_KEY, String(result.conversationId));
    set((s) => ({
      messages: s.messages.map((m) => {
        if (m.id === tempUser)
          return { ...m, id: String(result.userMessageId), conversationId: result.conversationId };
        if (m.id !== tempAssistant) return m;
        return {
          ...m,
          id: String(result.assistantMessageId),
          conversationId: result.conversationId,
          parentId: result.userMessageId,
          ...(result.streamId ? { streamId: result.streamId } : {}),
          ...(result.error ? { status: 'error' as const, error: result.error } : {}),
        };
      }),
    }));
    if (result.streamId) {
      const held = early.filter((e) => e.streamId === result.streamId);
      early.splice(0, early.length, ...early.filter((e) => e.streamId !== result.streamId));
      held.forEach((e) => get().applyEvent(e));
    }
  }

  /** What a request carries: the model, and the parameters it can use. */
  function target(): { model: string; params: ChatParams } {
    const { model, params } = get();
    return { model, params: effectiveParams(modelFor(model, useCatalog.getState().models), params) };
  }

  /**
   * The engine's rules, checked before sending so a refused question stays in the composer. With
   * older messages not loaded, the word-"JSON" rule cannot be judged here: the engine judges it.
   */
  function refuse(question: string): AppError | null {
    const { model, params, messages, olderCount } = get();
    // Issue 14: a translation goes alone (one text per request); its options are judged first.
    const translation = isTranslationModel(model)
      ? translationRefusal(params.translation ?? DEFAULT_TRANSLATION)
      : null;
    if (translation) return translation;
    const asked = isTranslationModel(model)
      ? [{ content: question }]
      : [...messages.filter((m) => m.role === 'user'), { content: question }];
    const error = refusal(
      modelFor(model, useCatalog.getState().models),
      params,
      asked.map((m) => ({ role: 'user' as const, content: m.content })),
    );
    return error && !(olderCount > 0 && error.key === 'param.jsonWord') ? error : null;
  }

  function failed(tempAssistant: string, error: AppError): void {
    updateMessage(tempAssistant, (m) => ({ ...m, status: 'error', error }));
  }

  return {
    messages: [],
    model: 'qwen-plus',
    conversationId: null,
    olderCount: 0,
    focusMessageId: null,
    hasNewer: false,
    setModel: (model) => get().setSettings({ model }),

    // --- conversation controls (issue 6, item 4) ---
    params: {},
    sendRefusal: null,
    setSettings(change) {
      set({ ...change, sendRefusal: null });
      const { conversationId, model, params } = get();
      keepSettings(conversationId, { model, params });
    },
    applyDefaults() {
      const settings = draftSettings() ?? defaultSettings();
      if (settings) set({ model: settings.model, params: settings.params });
    },
    clearRefusal: () => set({ sendRefusal: null }),
    // --- end conversation controls ---

    async send(text, attachments, options = {}) {
      const question = text.trim();
      const carried = attachments?.inputs.length ? attachments : null;
      if ((!question && !carried) || streaming()) return false;
      const blocked = refuse(question);
      if (blocked) {
        set({ sendRefusal: blocked });
        return false;
      }
      // Issue 15, item 11: a key, an ID or a card number holds the question until the person chooses.
      const textFiles = (carried?.inputs ?? []).flatMap((i) =>
        i.kind === 'text' ? [{ fileName: i.fileName, text: i.text }] : [],
      );
      if (!options.allowSensitive && (await holdIfSensitive(question, undefined, undefined, textFiles)))
        return false;
      // A waiting delete goes first: the question must not follow rows about to be deleted.
      await flushPendingDelete();
      // Opened in the middle of a long conversation: the question follows its newest message.
      const open = get().conversationId;
      if (get().hasNewer && open !== null) await get().openConversation(open);
      const user: UiMessage = {
        id: newId(),
        role: 'user',
        content: question,
        ...(carried ? { attachments: carried.views } : {}),
      };
      const assistant: UiMessage = { id: newId(), role: 'assistant', content: '', status: 'streaming' };
      set((s) => ({ messages: [...s.messages, user, assistant], focusMessageId: null, sendRefusal: null }));
      if (carried) outgoing.set(user.id, carried);
      const conversationId = get().conversationId;
      const result = await qwen().invoke('history.send', {
        ...(conversationId !== null ? { conversationId } : {}),
        content: question,
        ...target(),
        ...(carried ? { attachments: carried.inputs } : {}),
        // Issue 11: a conversation begun in the quick-ask window is marked as one.
        ...(conversationId === null && isQuickWindow() ? { origin: 'quick' as const } : {}),
      });
      if (result.ok) {
        if (conversationId === null) forgetDraft();
        outgoing.delete(user.id); // in the history now: Retry regenerates from there
        settle(user.id, assistant.id, result.value);
      } else if (carried && result.error.code === 'invalid_argument') {
        // Issue 10: main refused an attachment before anything was written: the question, its
        // text and its attachments go back to the composer, with main's reason.
        set((s) => ({
          messages: s.messages.filter((m) => m.id !== user.id && m.id !== assistant.id),
          sendRefusal: result.error,
        }));
        outgoing.delete(user.id);
        return false;
      } else failed(assistant.id, result.error);
      return true;
    },

    async stop() {
      const live = get().messages.find((m) => m.status === 'streaming' && m.streamId);
      if (live?.streamId) await qwen().invoke('chat.cancel', { streamId: live.streamId });
    },

    applyEvent(event) {
      const target = get().messages.find((m) => m.streamId === event.streamId);
      if (target && continued.has(target.id) && (event.type === 'done' || event.type === 'error')) {
        continued.delete(target.id);
        setTimeout(() => void refreshSaved(target.id), 0);
      }
      if (target && resumed.has(target.id) && (event.type === 'done' || event.type === 'error')) {
        resumed.delete(target.id);
        const { conversationId } = get();
        // The recorder writes the final row on the same event, before this reload reaches it.
        if (conversationId !== null) setTimeout(() => void get().openConversation(conversationId), 0);
      }
      if (!target) {
        if (early.length >= 5000) early.shift(); // events of streams other windows started
        early.push(event);
        return;
      }
      updateMessage(target.id, (m) => {
        switch (event.type) {
          case 'delta': {
            const content = unseenPart(m.content, event.content, m.streamBase?.content, event.at);
            const reasoning = event.reasoning
              ? unseenPart(m.reasoning ?? '', event.reasoning, m.streamBase?.reasoning, event.reasoningAt)
              : '';
            return {
              ...m,
              content: m.content + content,
              ...(reasoning ? { reasoning: (m.reasoning ?? '') + reasoning } : {}),
              ...timing(m, reasoning, content),
              retry: undefined,
            };
          }
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

    newChat() {
      void flushPendingDelete();
      flushSettings();
      sessionStorage.removeItem(OPEN_KEY);
      forgetDraft();
      set({
        messages: [],
        conversationId: null,
        olderCount: 0,
        focusMessageId: null,
        sendRefusal: null,
        hasNewer: false,
      });
      get().applyDefaults();
    },

    async openConversation(conversationId, focusMessageId) {
      await flushPendingDelete();
      const result = await qwen().invoke('history.open', {
        conversationId,
        ...(focusMessageId !== undefined ? { focusMessageId } : {}),
      });
      if (!result.ok) return result.error;
      if (conversationId !== get().conversationId) flushSettings();
      sessionStorage.setItem(OPEN_KEY, String(conversationId));
      // The conversation's own model and parameters (issue 6 controls).
      const saved = result.value.conversation;
      const messages = shown(result.value);
      for (const m of messages) if (m.streamId) resumed.add(m.id);
      set({
        conversationId,
        messages,
        olderCount: result.value.olderCount,
        focusMessageId: focusMessageId !== undefined ? String(focusMessageId) : null,
        sendRefusal: null,
        ...(saved.model ? { model: saved.model } : {}),
        params: saved.params ?? {},
        hasNewer: focusMessageId !== undefined && (await endsBeforeNewest(conversationId, result.value)),
      });
      // Deltas that came while this page was asking: the joined text skips what it already has.
      const live = new Set(messages.flatMap((m) => (m.streamId ? [m.streamId] : [])));
      const held = early.filter((e) => live.has(e.streamId));
      early.splice(0, early.length, ...early.filter((e) => !live.has(e.streamId)));
      held.forEach((e) => get().applyEvent(e));
      return null;
    },

    async loadOlder() {
      const { conversationId, messages } = get();
      const first = messages[0];
      if (conversationId === null || !first) return;
      const result = await qwen().invoke('history.open', { conversationId, beforeId: Number(first.id) });
      if (!result.ok || get().conversationId !== conversationId) return;
      set((s) => ({
        messages: [...shown(result.value), ...s.messages],
        olderCount: result.value.olderCount,
      }));
    },

    async regenerate(messageId) {
      await flushPendingDelete();
      const index = get().messages.findIndex((m) => m.id === messageId);
      const old = get().messages[index];
      if (!old || old.role !== 'assistant' || streaming()) return;
      const assistant: UiMessage = {
        id: newId(),
        role: 'assistant',
        content: '',
        status: 'streaming',
        siblingIndex: old.siblingCount ?? 1,
        siblingCount: (old.siblingCount ?? 1) + 1,
      };
      set((s) => ({ messages: [...s.messages.slice(0, index), assistant] }));
      const result = await qwen().invoke('history.regenerate', {
        messageId: Number(messageId),
        ...target(),
      });
      if (result.ok) settle(null, assistant.id, result.value);
      else failed(assistant.id, result.error);
    },

    async editAndResend(messageId, text, keepAttachments) {
      await flushPendingDelete();
      const index = get().messages.findIndex((m) => m.id === messageId);
      const old = get().messages[index];
      const content = text.trim();
      if (!old || old.role !== 'user' || !content || streaming()) return;
      const kept = old.attachments?.filter((_, i) => !keepAttachments || keepAttachments.includes(i));
      const user: UiMessage = {
        id: newId(),
        role: 'user',
        content,
        ...(kept?.length ? { attachments: kept } : {}),
        siblingIndex: old.siblingCount ?? 1,
        siblingCount: (old.siblingCount ?? 1) + 1,
      };
      const assistant: UiMessage = { id: newId(), role: 'assistant', content: '', status: 'streaming' };
      set((s) => ({ messages: [...s.messages.slice(0, index), user, assistant] }));
      const result = await qwen().invoke('history.edit', {
        messageId: Number(messageId),
        content,
        ...target(),
        ...(keepAttachments ? { keepAttachments } : {}),
      });
      if (result.ok) settle(user.id, assistant.id, result.value);
      else failed(assistant.id, result.error);
    },

    async switchBranch(messageId) {
      await flushPendingDelete();
      const result = await qwen().invoke('history.branch.switch', { messageId: Number(messageId) });
      if (!result.ok) return;
      set({
        messages: shown(result.value),
        olderCount: result.value.olderCount,
        focusMessageId: messageId,
        hasNewer: false,
      });
    },
  };
});

/** Chat window (issue 6): when reasoning and answer text first arrived, for the "Thinking" duration. */
function timing(m: UiMessage, reasoning: string | undefined, content: string): Partial<UiMessage> {
  const now = Date.now();
  return {
    ...(reasoning && m.reasoningStartedAt === undefined ? { reasoningStartedAt: now } : {}),
    ...(content && m.answerStartedAt === undefined ? { answerStartedAt: now } : {}),
  };
}

// --- Continue (issue 6): an answer resumed in place through `history.continue` ---

/** Continued answers: at their end the saved row (whole text, both requests' usage) is shown. */
const continued = new Set<string>();

/** Message `id` now receives stream `streamId` (events that came before this are replayed). */
export function followContinuedStream(id: string, streamId: string): void {
  continued.add(id);
  updateMessage(id, (m) => ({ ...m, streamId }));
  const held = early.filter((e) => e.streamId === streamId);
  early.splice(0, early.length, ...early.filter((e) => e.streamId !== streamId));
  held.forEach((e) => useChatStore.getState().applyEvent(e));
}

/** Shows message `id` as saved (the recorder writes the final row on the stream's last event). */
async function refreshSaved(id: string): Promise<void> {
  const result = await qwen().invoke('history.siblings', { messageId: Number(id) });
  const saved = result.ok ? result.value.messages.find((m) => String(m.id) === id) : undefined;
  if (!saved || saved.status === 'streaming') return;
  const fresh = toUiMessage(saved);
  updateMessage(id, (m) => ({ ...m, content: fresh.content, status: fresh.status, usage: fresh.usage }));
}

export function updateMessage(id: string, change: (m: UiMessage) => UiMessage): void {
  useChatStore.setState((s) => ({ messages: s.messages.map((m) => (m.id === id ? change(m) : m)) }));
}

/**
 * Connects the store to the main process's stream events; returns the unsubscribe function.
 * Deltas reach the store at most once per repaint interval (delta-batcher.ts).
 */
export function connectChatEvents(): () => void {
  const batcher = createDeltaBatcher((event) => useChatStore.getState().applyEvent(event), STREAM_REPAINT_MS);
  const off = qwen().on('chat.event', (event) => batcher.push(event));
  return () => {
    off();
    batcher.flush();
  };
}

/** After a reload: the conversation this tab had open, as it is now. */
export async function restoreOpenConversation(): Promise<void> {
  const saved = Number(sessionStorage.getItem(OPEN_KEY));
  if (Number.isSafeInteger(saved) && saved > 0) {
    const error = await useChatStore.getState().openConversation(saved);
    if (error) sessionStorage.removeItem(OPEN_KEY);
  }
}

/** Loads the model list once and picks the default. */
export async function loadModels(): Promise<ModelInfo[]> {
  const result = await qwen().invoke('models.list', undefined);
  if (!result.ok) return [];
  // The chat's model comes from the conversation or Settings' default (conversation controls).
  return result.value.models;
}
