/**
 * A question with attachments as compatible-mode content parts (issue 10, item 6): images first,
 * as `image_url` data URLs with the `max_pixels` they were fitted to, then text files (each with its
 * name), then the question. Images before the text is DashScope's advice for several questions about
 * the same image: the shared prefix can be cached (qwen-api-2026.md §3.3).
 */
import type { AttachmentView, ChatMessage, ChatParams } from '../contract';
import { pixelCap, visionSpec } from '../shared/vision';

type Part = Exclude<ChatMessage['content'], string>[number];

export function buildUserContent(
  text: string,
  attachments: readonly AttachmentView[],
  blob: (sha256: string) => { mimeType: string; data: Buffer } | null,
  target?: { model: string; params?: ChatParams | undefined },
): Part[] {
  const spec = target ? visionSpec(target.model) : null;
  const maxPixels = spec ? pixelCap(spec, target?.params?.highResolution === true) : undefined;
  const images: Part[] = [];
  const texts: Part[] = [];
  for (const a of attachments) {
    const stored = blob(a.sha256);
    if (!stored) continue;
    if (a.kind === 'image') {
      const url = `data:${stored.mimeType};base64,${stored.data.toString('base64')}`;
      images.push({ type: 'image_url', image_url: maxPixels ? { url, max_pixels: maxPixels } : { url } });
    } else {
      texts.push({ type: 'text', text: `File: ${a.fileName}\n\n${stored.data.toString('utf8')}` });
    }
  }
  const parts = [...images, ...texts];
  if (text) parts.push({ type: 'text', text });
  return parts;
}
