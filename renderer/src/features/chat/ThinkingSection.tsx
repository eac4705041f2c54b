import { useEffect, useId, useState } from 'react';
import { useLocale, useT } from '../../i18n';
import { Markdown } from '../markdown/Markdown';
import type { UiMessage } from '../../state/chat-store';
import { formatSeconds } from './format';

/**
 * The model's reasoning, above the answer. Open while Qwen thinks, closed automatically as soon as
 * the answer starts (unless the person opened or closed it themselves), with how long it thought.
 */
export function ThinkingSection({ message }: { message: UiMessage }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const bodyId = useId();
  const thinking = message.status === 'streaming' && message.answerStartedAt === undefined;
  const [userChoice, setUserChoice] = useState<boolean | null>(null);
  const open = userChoice ?? thinking;
  const now = useNow(thinking);

  const start = message.reasoningStartedAt;
  const end = message.answerStartedAt ?? (thinking ? now : undefined);
  const seconds = start !== undefined && end !== undefined ? Math.max(0, (end - start) / 1000) : undefined;
  const label = thinking
    ? t('thinking.active')
    : seconds !== undefined
      ? t('thinking.done', { seconds: formatSeconds(seconds, locale) })
      : t('thinking.title');

  return (
    <section className="thinking" data-open={open}>
      <button type="button" aria-expanded={open} aria-controls={bodyId} onClick={() => setUserChoice(!open)}>
        <span aria-hidden="true" className="chevron">
          ▸
        </span>{' '}
        {label}
      </button>
      <div id={bodyId} className="thinking-body" hidden={!open}>
        <Markdown text={message.reasoning ?? ''} streaming={thinking} />
      </div>
    </section>
  );
}

/** The current time, refreshed every 100 ms while `active`. */
export function useNow(active: boolean, intervalMs = 100): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
