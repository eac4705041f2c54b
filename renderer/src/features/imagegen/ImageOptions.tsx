import type { ModelInfo } from '../../../../electron/contract';
import { MAX_NEGATIVE_PROMPT, MAX_SEED } from '../../../../electron/shared/image-params';
import { useT } from '../../i18n';
import { sizeFor, useImagegen } from './imagegen-store';

/** "W*H" as people read it. */
export const sizeLabel = (size: string) => size.replace('*', ' × ');

/**
 * The options of an image request, only those the model allows: "Negative prompt", "Size" (only
 * its sizes), "Number of images" (its range), "Seed", "Prompt rewriting" and "Watermark".
 */
export function ImageOptions({ model }: { model: ModelInfo }) {
  const t = useT();
  const spec = model.image!;
  const { form, setForm } = useImagegen();
  const size = sizeFor(form, spec) ?? '';
  return (
    <div className="image-options">
      <label>
        <span>{t('imagegen.negative')}</span>
        <input
          type="text"
          aria-label={t('imagegen.negative')}
          value={form.negativePrompt}
          placeholder={t('imagegen.negativePlaceholder', { max: MAX_NEGATIVE_PROMPT })}
          onChange={(e) => setForm({ negativePrompt: e.target.value })}
        />
      </label>
      {spec.sizes.length > 0 && (
        <label>
          <span>{t('imagegen.size')}</span>
          <select
            aria-label={t('imagegen.size')}
            value={size}
            onChange={(e) => setForm({ size: e.target.value })}
          >
            {spec.sizes.map((s) => (
              <option key={s} value={s}>
                {sizeLabel(s)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span>{t('imagegen.n')}</span>
        <input
          type="number"
          aria-label={t('imagegen.n')}
          min={spec.n.min}
          max={spec.n.max}
          step={1}
          value={Number.isFinite(form.n) ? form.n : ''}
          onChange={(e) => setForm({ n: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
        />
      </label>
      <label>
        <span>{t('imagegen.seed')}</span>
        <input
          type="text"
          inputMode="numeric"
          aria-label={t('imagegen.seed')}
          value={form.seed}
          placeholder={t('imagegen.seedPlaceholder', { max: MAX_SEED })}
          onChange={(e) => setForm({ seed: e.target.value })}
        />
      </label>
      <label className="image-check">
        <input
          type="checkbox"
          checked={form.promptExtend}
          onChange={(e) => setForm({ promptExtend: e.target.checked })}
        />
        <span>{t('imagegen.promptExtend')}</span>
      </label>
      <label className="image-check">
        <input
          type="checkbox"
          checked={form.watermark}
          onChange={(e) => setForm({ watermark: e.target.checked })}
        />
        <span>{t('imagegen.watermark')}</span>
      </label>
    </div>
  );
}
