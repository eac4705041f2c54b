/**
 * Between the app's pages in browser mode (issue 11): "Continue in main window" asks an open main
 * page to show a conversation over a BroadcastChannel (same origin only), and opens one when none
 * answers. In Electron the shell shows its main window instead (`quick.continueInMain`).
 */
import { bridgeToken } from '../api/bridge-client';

const CHANNEL = 'qwen-desk.windows';
/** How long an open main page has to answer before a new one is opened. */
const ANSWER_MS = 400;

type WindowsMessage =
  | { type: 'open-conversation'; conversationId: number; request: string }
  | { type: 'opened'; request: string };

/** Whether this page is the quick window (`?window=quick`). */
export const isQuickWindow = (search: string = window.location.search): boolean =>
  new URLSearchParams(search).get('window') === 'quick';

/** The quick window: shows `conversationId` in an open main page, or opens one on it. */
export async function continueInMainPage(conversationId: number): Promise<'shown' | 'opened'> {
  const channel = new BroadcastChannel(CHANNEL);
  const request = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  try {
    const answered = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ANSWER_MS);
      channel.onmessage = (e: MessageEvent<WindowsMessage>) => {
        if (e.data.type === 'opened' && e.data.request === request) {
          clearTimeout(timer);
          resolve(true);
        }
      };
      channel.postMessage({ type: 'open-conversation', conversationId, request } satisfies WindowsMessage);
    });
    if (answered) return 'shown';
  } finally {
    channel.close();
  }
  const url = new URL('/', window.location.origin);
  const token = bridgeToken();
  if (token) url.searchParams.set('token', token);
  url.searchParams.set('conversation', String(conversationId));
  window.open(url.toString(), '_blank');
  return 'opened';
}

/** The main page: answers the quick window's requests by opening the conversation. */
export function listenForConversationRequests(open: (conversationId: number) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<WindowsMessage>) => {
    const message = e.data;
    if (message?.type !== 'open-conversation' || !Number.isSafeInteger(message.conversationId)) return;
    open(message.conversationId);
    channel.postMessage({ type: 'opened', request: message.request } satisfies WindowsMessage);
  };
  return () => channel.close();
}

/** The main page opened by the quick window: `?conversation=<id>`, read once and removed from the address. */
export function takeConversationParam(): number | null {
  const url = new URL(window.location.href);
  const id = Number(url.searchParams.get('conversation'));
  if (!url.searchParams.has('conversation')) return null;
  url.searchParams.delete('conversation');
  window.history.replaceState(null, '', url.toString());
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
