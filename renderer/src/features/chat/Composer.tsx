import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { useChatStore } from '../../state/chat-store';
import { editAndResend } from '../../state/message-actions';
import { useComposer } from './composer-store';
import { SendStopButton } from './SendStopButton';
import { AttachButton, AttachmentTray } from '../attachments';
import { attachToMain, mainAttachments, outgoingAttachments } from './main-attachments';
import { EditingAttachments } from './EditingAttachments';
import { useChatAttachments } from './window-attachments';
import { TranslateControls } from '../translate';
import { ImageComposer, useImageModel } from '../imagegen';

/** Issue 14: an image model turns the composer into an image prompt. */
export function Composer() {
  const imageModel = useImageModel();
  return imageModel ? <ImageComposer model={imageModel} /> : <ChatComposer />;
}

/**
 * The question box: Enter sends, Shift+Enter adds a line, Up in an empty box edits the last
 * question, Esc cancels an edit; "Stop" replaces "Send" while streaming.
 */
function ChatComposer() {
  const t = useT();
  const { text, setText, editingId, startEditing, cancelEditing, focusSeq } = useComposer();
  const box = useRef<HTMLTextAreaElement>(null);
  const streaming = useChatStore((s) => s.messages.some((m) => m.status === 'streaming'));
  const send = useChatStore((s) => s.send);
  // Issue 10: the images and files going with the question.
  const { attachments, count: attachmentCount, switchTo } = useChatAttachments(mainAttachments);

  useEffect(() => {
    if (focusSeq > 0) box.current?.focus();
  }, [focusSeq]);

  const submit = () => {
    const carried = !editingId && attachmentCount > 0;
    if ((!text.trim() && !carried) || streaming) return;
    if (carried) {
      const refused = attachments.refusal(text);
      if (refused) {
        useChatStore.setState({ sendRefusal: { code: 'invalid_argument', message: refused } });
        return;
      }
    }
    const question = text;
    const editing = editingId;
    // Issue 10: the positions, in the original question, of the attachments the edit keeps.
    const remaining = useComposer.getState().editingAttachments;
    const kept = (
      useChatStore.getState().messages.find((m) => m.id === editingId)?.attachments ?? []
    ).flatMap((a, i) => (remaining.some((r) => r.id === a.id) ? [i] : []));
    cancelEditing();
    // A question (or edit) refused or held before sending goes back into the box, as it was.
    if (editing)
      void editAndResend(editing, question, kept).then(
        (sent) => sent || startEditing(editing, question, remaining),
      );
    else {
      const outgoing = carried ? outgoingAttachments() : undefined;
      // Its attachments stay in the tray until the question has gone.
      void send(question, outgoing).then((sent) => {
        if (!sent) setText(question);
        else if (carried) mainAttachments.getState().clear();
      });
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      submit();
    } else if (e.key === 'ArrowUp' && !text && !streaming) {
      const last = useChatStore.getState().messages.findLast((m) => m.role === 'user');
      if (last) {
        e.preventDefault();
        startEditing(last.id, last.content, last.attachments);
      }
    } else if (e.key === 'Escape' && editingId) {
      e.preventDefault();
      cancelEditing();
    }
  };

  return (
    <form className="composer" onSubmit={onSubmit}>
      {editingId && (
        <p className="composer-editing">
          {t('composer.editing')}{' '}
          <button type="button" className="link-button" onClick={cancelEditing}>
            {t('composer.cancelEdit')}
          </button>
        </p>
      )}
      {editingId && <EditingAttachments />}
      <AttachmentTray store={mainAttachments} {...attachments} text={text} onSwitch={switchTo} />
      <TranslateControls />
      <div className="composer-row">
        <AttachButton onFiles={attachToMain} />
        <textarea
          ref={box}
          aria-label={t('composer.label')}
          placeholder={t('composer.placeholder')}
          value={text}
          rows={3}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <SendStopButton streaming={streaming} canSend={!!text.trim() || attachmentCount > 0} />
      </div>
    </form>
  );
}
