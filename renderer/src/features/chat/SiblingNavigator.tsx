import { useLocale, useT } from '../../i18n';
import { switchSibling } from '../../state/message-actions';
import { formatNumber } from './format';

/** "‹ 2/3 ›": which version of a message this is (`index` from 1), and buttons to the others. */
export function SiblingNavigator({ id, index, count }: { id: string; index: number; count: number }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <nav className="siblings" aria-label={t('siblings.label')}>
      <button
        type="button"
        aria-label={t('siblings.previous')}
        disabled={index <= 1}
        onClick={() => void switchSibling(id, -1)}
      >
        ‹
      </button>
      <span>
        {formatNumber(index, locale)}/{formatNumber(count, locale)}
      </span>
      <button
        type="button"
        aria-label={t('siblings.next')}
        disabled={index >= count}
        onClick={() => void switchSibling(id, 1)}
      >
        ›
      </button>
    </nav>
  );
}
