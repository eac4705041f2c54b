import { forwardRef, type KeyboardEvent } from 'react';
import { useT } from '../i18n';
import { useChatStore } from '../state/chat-store';
import { SendStopButton } from '../features/chat/SendStopButton';
import { AttachButton, AttachmentTray } from '../features/attachments';
import { attachToQuick, quickAttachments, quickOutgoing } from './quick-attachments';
import { useChatAttachments } from '../features/chat/window-attachments';

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
  // Issue 10's pieces: a pasted or dropped screenshot, fitted to the model, with its cost.
  const { attachments, count, switchTo } = useChatAttachments(quickAttachments);

  const submit = () => {
    const question = text;
    if ((!question.trim() && count === 0) || streaming) return;
    const refused = count > 0 ? attachments.refusal(question) : null;
    if (refused) {
      useChatStore.setState({ sendRefusal: { code: 'invalid_argument', message: refused } });
      return;
    }
    const outgoing = quickOutgoing();
    setText('');
    void useChatStore
      .getState()
      .send(question, outgoing)
      .then((sent) => {
        if (!sent) setText(question);
        else if (outgoing) quickAttachments.getState().clear();
      });
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
      <div className="quick-attachments">
        <AttachmentTray store={quickAttachments} {...attachments} text={text} onSwitch={switchTo} />
      </div>
      <div className="quick-composer-row">
        <AttachButton onFiles={attachToQuick} />
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
        <SendStopButton streaming={streaming} canSend={!!text.trim() || count > 0} />
      </div>
    </form>
  );
});
