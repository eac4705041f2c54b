import { useEffect } from 'react';
import { useChatStore } from '../../state/chat-store';
import { newChat } from '../../state/message-actions';
import { useLayout } from '../../state/layout-store';
import { isMac } from './shortcuts';

/**
 * Window-wide shortcuts: Ctrl/Cmd+N (or Ctrl/Cmd+Shift+O, which browsers leave to the page) new
 * chat, Ctrl/Cmd+B the sidebar, Ctrl/Cmd+K the conversation search (the sidebar's
 * searchbox, when it is there), Esc stops a streaming answer, Ctrl/Cmd+/ the help panel.
 */
export function useGlobalShortcuts(toggleHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = isMac ? e.metaKey : e.ctrlKey;
      if (mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        void newChat();
      } else if (mod && !e.shiftKey && !e.altKey) {
        const key = e.key.toLowerCase();
        if (key === 'n') {
          e.preventDefault();
          void newChat();
        } else if (key === 'k') {
          const search = document.querySelector<HTMLInputElement>('[role="searchbox"], input[type="search"]');
          if (search) {
            e.preventDefault();
            search.focus();
            search.select();
          }
        } else if (key === 'b') {
          e.preventDefault();
          useLayout.getState().toggleSidebar();
        } else if (key === '/') {
          e.preventDefault();
          toggleHelp();
        }
      } else if (
        e.key === 'Escape' &&
        !e.defaultPrevented &&
        !document.querySelector('dialog[open], [aria-modal="true"]')
      ) {
        // (Esc in an open dialog closes the dialog; it must not also stop the answer.)
        const state = useChatStore.getState();
        if (state.messages.some((m) => m.status === 'streaming')) {
          e.preventDefault();
          void state.stop();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggleHelp]);
}
