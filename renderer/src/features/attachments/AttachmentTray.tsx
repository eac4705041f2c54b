import type { ModelInfo } from '../../../../electron/contract';
import { estimateTextTokens } from '../../../../electron/shared/vision';
import { useLocale, useT } from '../../i18n';
import { formatMoney, formatNumber } from '../chat/format';
import type { AttachmentsStore, FitTarget } from './attachments-store';
import { AttachmentNotices } from './AttachmentNotices';
import { itemTokens, tokenCost } from './vision-rules';

export interface AttachmentTrayProps {
  store: AttachmentsStore;
  /** The chosen model as the catalog describes it. */
  model: ModelInfo | undefined;
  sees: boolean;
  target: FitTarget;
  /** Images earlier in the conversation, sent again with this message (their tokens). */
  resentTokens: number;
  /** The vision model to offer when the chosen one cannot see, and how to switch to it. */
  switchTo: ModelInfo | null;
  onSwitch(modelId: string): void;
  /** The question typed so far, for the total. */
  text: string;
}

/**
 * The composer's attachments (issue 10, item 4): one chip per file with its thumbnail, the size
 * that will be sent, its token count by the model's formula and its cost; the message's total; and,
 * when the model cannot see, a notice with a button to switch to one that can.
 */
export function AttachmentTray(props: AttachmentTrayProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const items = props.store((s) => s.items);
  const remove = props.store((s) => s.remove);
  const n = (v: number) => formatNumber(v, locale);
  const money = (tokens: number) => {
    const cost = tokenCost(tokens, props.model);
    return cost === null || !props.model?.price
      ? ''
      : ` · ${formatMoney(cost, props.model.price.currency, locale)}`;
  };
  const hasImages = items.some((i) => i.kind === 'image');
  const total =
    items.reduce((sum, i) => sum + (itemTokens(i, props.target) ?? 0), 0) +
    estimateTextTokens(props.text) +
    (hasImages || props.resentTokens > 0 ? props.resentTokens : 0);

  return (
    <div className="attachment-tray">
      <AttachmentNotices store={props.store} />
      {hasImages && !props.sees && (
        <p className="attachment-vision" role="status">
          {t('attachments.noVision', { model: props.model?.name ?? '' })}{' '}
          {props.switchTo && (
            <button type="button" className="link-button" onClick={() => props.onSwitch(props.switchTo!.id)}>
              {t('attachments.switchTo', { model: props.switchTo.name })}
            </button>
          )}
        </p>
      )}
      {items.length > 0 && (
        <>
          <ul className="attachment-list" aria-label={t('attachments.list')}>
            {items.map((item) => {
              const tokens = itemTokens(item, props.target);
              return (
                <li key={item.id} className="attachment-chip" data-status={item.status}>
                  {item.thumbUrl ? (
                    <img src={item.thumbUrl} alt="" className="attachment-thumb" />
                  ) : (
                    <span className="attachment-thumb placeholder" aria-hidden="true">
                      {item.kind === 'text' ? fileExtension(item.fileName) : '…'}
                    </span>
                  )}
                  <span className="attachment-name">{item.fileName}</span>
                  {item.status === 'fitting' ? (
                    <span className="attachment-meta">{t('attachments.fitting')}</span>
                  ) : (
                    <span className="attachment-meta">
                      {item.image && <span>{`${item.image.width} × ${item.image.height}`} · </span>}
                      <span>{t('attachments.tokens', { n: n(tokens ?? 0) })}</span>
                      {money(tokens ?? 0)}
                    </span>
                  )}
                  <button
                    type="button"
                    className="icon-button attachment-remove"
                    aria-label={t('attachments.remove', { name: item.fileName })}
                    title={t('attachments.remove', { name: item.fileName })}
                    onClick={() => remove(item.id)}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
          <p className="attachment-total">
            {t('attachments.total', { n: n(total) })}
            {money(total)}
            {props.resentTokens > 0 && <> · {t('attachments.resent', { n: n(props.resentTokens) })}</>}
          </p>
        </>
      )}
    </div>
  );
}

/** A text file's chip shows its extension where an image shows its thumbnail. */
function fileExtension(name: string): string {
  const ext = name.includes('.') ? name.split('.').pop()! : 'txt';
  return ext.slice(0, 4).toUpperCase();
}
