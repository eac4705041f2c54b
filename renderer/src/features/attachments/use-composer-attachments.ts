import { useEffect, useMemo } from 'react';
import type { AttachmentView, ModelInfo } from '../../../../electron/contract';
import { estimateTextTokens } from '../../../../electron/shared/vision';
import { translate, useLocale } from '../../i18n';
import { formatNumber } from '../chat/format';
import type { AttachmentsStore, FitTarget } from './attachments-store';
import { bestVisionModel, fitTargetFor, itemTokens, modelSees, storedImageTokens } from './vision-rules';

export interface ComposerAttachmentsInput {
  store: AttachmentsStore;
  modelId: string;
  highResolution: boolean;
  models: readonly ModelInfo[];
  /** Attachments of the questions on the conversation's path (sent again with the next one). */
  earlier: readonly AttachmentView[];
}

export interface ComposerAttachments {
  model: ModelInfo | undefined;
  sees: boolean;
  target: FitTarget;
  switchTo: ModelInfo | null;
  resentTokens: number;
  /** Why the message cannot be sent as it is (in the UI's language), or null. */
  refusal(text: string): string | null;
}

/**
 * Everything a composer needs to show and check its attachments against the chosen model; images
 * are fitted again when the model or the resolution changes. Mountable by any window.
 */
export function useComposerAttachments(input: ComposerAttachmentsInput): ComposerAttachments {
  const { store, modelId, highResolution, models, earlier } = input;
  const locale = useLocale((s) => s.locale);
  // Keyed by what fitting depends on, so switching between models with the same rules refits nothing.
  const fresh = fitTargetFor(modelId, highResolution);
  const key = `${fresh.spec.patch}:${fresh.spec.minPixels}:${fresh.cap}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `fresh`'s contents
  const target = useMemo(() => fresh, [key]);
  useEffect(() => {
    if (store.getState().items.some((i) => i.kind === 'image')) void store.getState().refit(target);
  }, [store, target]);
  const model = models.find((m) => m.id === modelId);
  const sees = model ? modelSees(model) : modelSeesById(modelId);
  const resentTokens = earlier
    .filter((a) => a.kind === 'image')
    .reduce((sum, a) => sum + storedImageTokens(a.width, a.height, target), 0);

  return {
    model,
    sees,
    target,
    switchTo: sees ? null : bestVisionModel(models),
    resentTokens,
    refusal(text) {
      const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
        translate(locale, key, params);
      const { items } = store.getState();
      if (items.some((i) => i.status === 'fitting')) return t('attachments.stillFitting');
      const images = items.some((i) => i.kind === 'image') || earlier.some((a) => a.kind === 'image');
      if (images && !sees) return t('attachments.noVision', { model: model?.name ?? modelId });
      const limit = model?.contextWindow;
      if (!limit || items.length === 0) return null;
      const used =
        estimateTextTokens(text) + items.reduce((n, i) => n + (itemTokens(i, target) ?? 0), 0) + resentTokens;
      if (used <= limit) return null;
      return t('attachments.overLimit', {
        n: formatNumber(used - limit, locale),
        model: model.name,
        limit: formatNumber(limit, locale),
      });
    },
  };
}

/** A model the catalog does not list: it sees when the vision rules know its id. */
function modelSeesById(modelId: string): boolean {
  return modelSees({
    id: modelId,
    name: modelId,
    capabilities: { vision: false, thinking: 'none', webSearch: false, jsonMode: false },
    contextWindow: null,
    maxOutput: null,
    price: null,
    streamingOnly: false,
  });
}
