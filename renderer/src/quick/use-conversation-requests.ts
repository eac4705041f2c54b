import { useEffect } from 'react';
import { qwen } from '../api/qwen';
import { useChatStore } from '../state/chat-store';
import { useConversationsStore } from '../state/conversations-store';
import { listenForConversationRequests, takeConversationParam } from './windows-channel';

/**
 * The main window's side of "Continue in main window" (issue 11): the shell's
 * `window.conversation.open` event (Electron), a request from a quick page over the
 * BroadcastChannel, or `?conversation=<id>` on a page the quick window opened (browser mode).
 * Opening the conversation follows its stream when it is still streaming.
 */
export function useConversationRequests(): void {
  useEffect(() => {
    const open = (conversationId: number) => {
      void useChatStore.getState().openConversation(conversationId);
      void useConversationsStore.getState().load();
    };
    const fromAddress = takeConversationParam();
    if (fromAddress !== null) open(fromAddress);
    const offEvent = qwen().on('window.conversation.open', ({ conversationId }) => open(conversationId));
    const offChannel = listenForConversationRequests(open);
    return () => {
      offEvent();
      offChannel();
    };
  }, []);
}
