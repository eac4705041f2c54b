import { forwardRef, type KeyboardEvent } from 'react';
import { useT } from '../i18n';
import { useChatStore } from '../state/chat-store';
import { SendStopButton } from '../features/chat/SendStopButton';

/**
 * The quick window's question box: Enter sends, Shift+Enter adds a line; "Stop" replaces "Send"
 * while the answer streams. The text stays in the box until the question is sent (a refused one
 * comes back), so nothing typed is lost when the window hides.
 */
export const QuickComposer = forwardRef<
  HTMLTextAreaElement,
  { text: string; setText: (text: string) => void }
>(function QuickComposer({ text, setText }, box) {
  const t = useT();
  const streaming = useChatStore((s) => s.messages.some((m) => m.status === 'streaming'));

  const submit = () => {
    const question = text;
    if (!question.trim() || streaming) return;
    setText('');
    void useChatStore
      .getState()
      .send(question)
      .then((sent) => sent || setText(question));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form
      className="quick-composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {/*
        Images issue (10): the attachment chips (paste or drop a screenshot, fitted to the model's
        pixel budget) mount in this slot once that issue lands; the quick composer then sends them
        with the question the same way the main composer does.
      */}
      <div className="quick-attachments" data-slot="attachments" />
      <div className="quick-composer-row">
        <textarea
          ref={box}
          aria-label={t('quick.question')}
          placeholder={t('quick.placeholder')}
          value={text}
          rows={2}
          autoFocus
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <SendStopButton streaming={streaming} canSend={!!text.trim()} />
      </div>
    </form>
  );
});
