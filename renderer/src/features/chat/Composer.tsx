import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { useChatStore } from '../../state/chat-store';

/** The question box: Enter sends, Shift+Enter adds a line; "Stop" replaces "Send" while streaming. */
export function Composer() {
  const t = useT();
  const [text, setText] = useState('');
  const streaming = useChatStore((s) => s.messages.some((m) => m.status === 'streaming'));
  const send = useChatStore((s) => s.send);
  const stop = useChatStore((s) => s.stop);

  const submit = () => {
    if (!text.trim() || streaming) return;
    const question = text;
    setText('');
    void send(question);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form className="composer" onSubmit={onSubmit}>
      <textarea
        aria-label={t('composer.label')}
        placeholder={t('composer.placeholder')}
        value={text}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {streaming ? (
        <button type="button" className="stop" onClick={() => void stop()}>
          {t('composer.stop')}
        </button>
      ) : (
        <button type="submit" disabled={!text.trim()}>
          {t('composer.send')}
        </button>
      )}
    </form>
  );
}
