import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ModelInfo } from '../../../../electron/contract';
import { imageRefusals, MAX_IMAGE_PROMPT, type ImageRefusal } from '../../../../electron/shared/image-params';
import { attachmentUrl } from '../../api/qwen';
import { useLocale, useT, type Locale } from '../../i18n';
import { mainSentence } from '../../i18n/main-text';
import { formatPerImage } from './image-money';
import { generateImage, requestOf, useImagegen } from './imagegen-store';
import { ImageOptions } from './ImageOptions';

/** A refusal in the page's language: the sentence image-params.ts chose, by its key (main says the same). */
const refusalText = (r: ImageRefusal, locale: Locale) => mainSentence(locale, r.key, r.values, r.message);

/**
 * The composer for an image model (issue 14): the prompt (an instruction for an edit model, with
 * the image "Edit this image" chose), the options the model allows, and "Generate". Every rule the
 * model has is checked as the person types; a refused request is explained, never sent.
 */
export function ImageComposer({ model }: { model: ModelInfo }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const spec = model.image!;
  const { form, setForm, editSource, setEditSource, sending, refusal } = useImagegen();
  const [tried, setTried] = useState(false);
  // Another model: a count it cannot draw is brought into its range (the prompt and the rest stay).
  useEffect(() => {
    const { n } = useImagegen.getState().form;
    if (Number.isInteger(n) && (n < spec.n.min || n > spec.n.max))
      setForm({ n: Math.min(spec.n.max, Math.max(spec.n.min, n)) });
  }, [model.id, spec.n.min, spec.n.max, setForm]);
  const request = requestOf(form, spec);
  const refusals = imageRefusals(model, request, editSource ? 1 : 0);
  // An empty prompt is only a reason once the person tries to send it.
  const shown = refusals.filter((r) => tried || r.code !== 'prompt_empty');

  const submit = () => {
    setTried(true);
    if (refusals.length > 0 || sending) return;
    void generateImage(model.id, request).then((sent) => sent && setTried(false));
  };
  // Enter generates, Shift+Enter adds a line (not while an IME is composing), as in the chat box.
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    submit();
  };
  const price = spec.regionPrice;
  const chars = [...form.prompt.trim()].length;
  return (
    <form
      className="composer image-composer"
      aria-label={t('imagegen.form')}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        submit();
      }}
    >
      {spec.edit && editSource && (
        <div className="image-edit-source">
          <img src={attachmentUrl(editSource.sha256)} alt={t('imagegen.editSource')} />
          <span>{t('imagegen.editing', { name: editSource.fileName })}</span>
          <button type="button" className="link-button" onClick={() => setEditSource(null)}>
            {t('imagegen.removeSource')}
          </button>
        </div>
      )}
      <div className="composer-row">
        <textarea
          aria-label={t(spec.edit ? 'imagegen.instruction' : 'imagegen.prompt')}
          placeholder={t(spec.edit ? 'imagegen.instructionPlaceholder' : 'imagegen.promptPlaceholder')}
          value={form.prompt}
          rows={3}
          aria-invalid={shown.some((r) => r.field === 'prompt') || undefined}
          onChange={(e) => setForm({ prompt: e.target.value })}
          onKeyDown={onKeyDown}
        />
        <button type="submit" disabled={sending}>
          {t('imagegen.generate')}
        </button>
      </div>
      <ImageOptions model={model} />
      <p className="image-composer-meta">
        <span className={chars > MAX_IMAGE_PROMPT ? 'over' : undefined}>
          {t('imagegen.count', { count: chars, max: MAX_IMAGE_PROMPT })}
        </span>
        {price && (
          <span>
            {' · '}
            {t(price.confirmed ? 'imagegen.pricePerImage' : 'imagegen.pricePerImageUnconfirmed', {
              price: formatPerImage(price.perImage, price.currency, locale),
            })}
          </span>
        )}
      </p>
      {shown.length > 0 && (
        <ul className="image-refusals" role="alert">
          {shown.map((r) => (
            <li key={r.code} className="control-error">
              {refusalText(r, locale)}
            </li>
          ))}
        </ul>
      )}
      {refusal && (
        <p role="alert" className="control-error">
          {refusal.message}
        </p>
      )}
    </form>
  );
}
