/** Image generation in the page (issue 14): the image composer, image answers, their events. */
import { useCatalog } from '../../state/catalog-store';
import { useChatStore } from '../../state/chat-store';
import { modelFor } from '../controls/param-rules';
import type { ModelInfo } from '../../../../electron/contract';
import './imagegen.css';

export { ImageComposer } from './ImageComposer';
export { ImageAnswer } from './ImageAnswer';
export { connectImageEvents } from './imagegen-store';

/** The open conversation's model when it is an image model (the composer becomes an image prompt). */
export function useImageModel(): ModelInfo | null {
  const id = useChatStore((s) => s.model);
  const models = useCatalog((s) => s.models);
  const model = modelFor(id, models);
  return model.image ? model : null;
}
