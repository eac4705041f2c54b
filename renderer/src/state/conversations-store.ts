/**
 * The sidebar's data: the conversation list (kept fresh by `history.conversation.updated` events),
 * search results, and start-up notices about the history file.
 */
import { create } from 'zustand';
import type {
  AppError,
  ChannelResult,
  ConversationSummary,
  HistoryNotice,
  SearchHit,
} from '../../../electron/contract';
import { qwen } from '../api/qwen';
import { usePendingDelete } from './pending-delete-store';

interface ConversationsState {
  conversations: ConversationSummary[];
  total: number;
  error: AppError | null;
  query: string;
  hits: SearchHit[] | null;
  notices: HistoryNotice[];
  /** The conversations the last import skipped as invalid, with the reason (shown until dismissed). */
  importSkipped: ChannelResult<'history.import'>['skipped'];
  dismissImportSkipped(): void;
  load(): Promise<void>;
  search(query: string): Promise<void>;
  upsert(conversation: ConversationSummary): void;
  remove(id: number): Promise<void>;
  dismissNotice(index: number): void;
  // --- sidebar actions (issue 6, item 1) ---
  /** A notice for the person (e.g. how many conversations an import added); null when none. */
  status: string | null;
  rename(id: number, title: string): Promise<void>;
  setPinned(id: number, pinned: boolean): Promise<void>;
  /** One conversation or all (no id) as a file: `history.export`'s name and text. */
  exportHistory(
    format: 'markdown' | 'json',
    conversationId?: number,
  ): Promise<{ fileName: string; text: string } | null>;
  /** Imports an export's text; resolves to the number of conversations added (null on failure). */
  importHistory(text: string): Promise<number | null>;
  setStatus(status: string | null): void;
}

const PAGE = 200;

/** Pinned first, then the most recently updated (the order the main process lists them in). */
function ordered(list: ConversationSummary[]): ConversationSummary[] {
  return [...list].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || b.updatedAt - a.updatedAt || b.id - a.id,
  );
}

let searchSeq = 0;
/** Conversations deleted but still undoable: hidden from the list until then. */
const hidden = new Set<number>();

export const useConversationsStore = create<ConversationsState>((set, get) => ({
  conversations: [],
  total: 0,
  error: null,
  query: '',
  hits: null,
  notices: [],
  importSkipped: [],
  dismissImportSkipped: () => set({ importSkipped: [] }),

  async load() {
    const [list, notices] = await Promise.all([
      qwen().invoke('history.list', { offset: 0, limit: PAGE }),
      qwen().invoke('history.notices', undefined),
    ]);
    if (list.ok) {
      const shown = list.value.conversations.filter((c) => !hidden.has(c.id));
      const hiddenCount = list.value.conversations.length - shown.length;
      set({ conversations: shown, total: list.value.total - hiddenCount, error: null });
    } else set({ error: list.error });
    if (notices.ok) set({ notices: notices.value.notices });
  },

  async search(query) {
    const seq = ++searchSeq;
    set({ query });
    if (!query.trim()) {
      set({ hits: null });
      return;
    }
    const result = await qwen().invoke('history.search', { query, limit: 50 });
    // An older, slower search must not overwrite a newer one's results.
    if (seq !== searchSeq) return;
    set(result.ok ? { hits: result.value.hits, error: null } : { hits: [], error: result.error });
  },

  upsert(conversation) {
    // A conversation waiting to be deleted stays hidden whatever its stream still reports.
    if (hidden.has(conversation.id)) return;
    const known = get().conversations.some((c) => c.id === conversation.id);
    set((s) => ({
      conversations: ordered([...s.conversations.filter((c) => c.id !== conversation.id), conversation]),
      total: known ? s.total : s.total + 1,
    }));
  },

  async remove(id) {
    // Hidden at once; deleted when the undo time is up (pending-delete-store.ts).
    const gone = get().conversations.find((c) => c.id === id);
    hidden.add(id);
    set((s) => ({ conversations: s.conversations.filter((c) => c.id !== id), total: s.total - 1 }));
    await usePendingDelete.getState().schedule({
      label: gone?.title
        ? { key: 'undo.deletedConversation', params: { title: gone.title } }
        : { key: 'undo.deletedUntitled' },
      restore() {
        hidden.delete(id);
        if (gone) get().upsert(gone);
      },
      async commit() {
        const result = await qwen().invoke('history.delete', { conversationId: id });
        hidden.delete(id);
        if (!result.ok) {
          set({ error: result.error });
          if (gone) get().upsert(gone);
        }
      },
    });
  },

  dismissNotice(index) {
    set((s) => ({ notices: s.notices.filter((_, i) => i !== index) }));
  },

  // --- sidebar actions (issue 6, item 1) ---
  status: null,
  async rename(id, title) {
    const result = await qwen().invoke('history.rename', { conversationId: id, title });
    if (result.ok) get().upsert(result.value);
    else set({ error: result.error });
  },
  async setPinned(id, pinned) {
    const result = await qwen().invoke('history.pin', { conversationId: id, pinned });
    if (result.ok) get().upsert(result.value);
    else set({ error: result.error });
  },
  async exportHistory(format, conversationId) {
    const result = await qwen().invoke('history.export', {
      format,
      ...(conversationId !== undefined ? { conversationId } : {}),
    });
    if (result.ok) return result.value;
    set({ error: result.error });
    return null;
  },
  async importHistory(text) {
    const result = await qwen().invoke('history.import', { text });
    if (!result.ok) {
      set({ error: result.error });
      return null;
    }
    set({ error: null, importSkipped: result.value.skipped });
    await get().load();
    return result.value.conversationIds.length;
  },
  setStatus(status) {
    set({ status });
  },
}));

/** A live notice about the history: a save failure replaces any earlier one; "resumed" removes it. */
export function applyHistoryNotice(n: HistoryNotice): void {
  useConversationsStore.setState((s) => {
    const others = s.notices.filter((x) => x.kind !== 'save_failed');
    return { notices: n.kind === 'save_resumed' ? others : [...others, n] };
  });
}

/** Keeps the list current as conversations change in the main process (titles, new ones). */
export function connectConversationEvents(): () => void {
  const offUpdated = qwen().on('history.conversation.updated', (c) =>
    useConversationsStore.getState().upsert(c),
  );
  // Faults (issue 9): answers cannot be saved (disk full) — shown until saving works again.
  const offNotice = qwen().on('history.notice', applyHistoryNotice);
  return () => {
    offUpdated();
    offNotice();
  };
}
