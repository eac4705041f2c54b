/**
 * "Scroll to this message and highlight it" (opening a search result). Anyone may call
 * `scrollToMessage(id)`; the message list, which alone knows where a message sits in the
 * virtualized list, carries it out.
 */
import { create } from 'zustand';

interface ScrollRequest {
  target: { id: string; seq: number } | null;
}

export const useScrollRequest = create<ScrollRequest>(() => ({ target: null }));

let seq = 0;
export function scrollToMessage(id: string): void {
  useScrollRequest.setState({ target: { id, seq: ++seq } });
}
