import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { useChatStore } from '../../state/chat-store';
import { editAndResend } from '../../state/message-actions';
import { useComposer } from './composer-store';
import { SendStopButton } from './SendStopButton';

/**
 * The question box: Enter sends, Shift+Enter adds a line, Up in an empty box edits the last
 * question, Esc cancels an edit; "Stop" replaces "Send" while streaming.
 */
export function Composer() {
  const t = useT();
  const { text, setText, editingId, startEditing, cancelEditing, focusSeq } = useComposer();
  const box = useRef<HTMLTextAreaElement>(null);
  const streaming = useChatStore((s) => s.messages.some((m) => m.status === 'streaming'));
  const send = useChatStore((s) => s.send);

  useEffect(() => {
    if (focusSeq > 0) box.current?.focus();
  }, [focusSeq]);

  const submit = () => {
    if (!text.trim() || streaming) return;
    const question = text;
    const editing = editingId;
    cancelEditing();
    // A question (or edit) refused or held before sending goes back into the box, as it was.
    if (editing)
      void editAndResend(editing, question).then((sent) => sent || startEditing(editing, question));
    else void send(question).then((sent) => sent || setText(question));
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
        startEditing(last.id, last.content);
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
      <div className="composer-row">
        <textarea
          ref={box}
          aria-label={t('composer.label')}
          placeholder={t('composer.placeholder')}
          value={text}
          rows={3}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <SendStopButton streaming={streaming} canSend={!!text.trim()} />
      </div>
    </form>
  );
}
