/**
 * The attachments of one composer (issue 10): a store per window, made by `createAttachmentsStore`,
 * so the main window and the quick-ask window each keep their own. Files go in through `addFiles`
 * (drop, paste, picker alike); each becomes a chip at once (fitting), then ready with the size that
 * will be sent, or a notice naming the file and why it was refused. Nothing here touches the draft.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { AttachmentInput } from '../../../../electron/contract';
import { MAX_IMAGES, MAX_TEXT_FILES, type VisionSpec } from '../../../../electron/shared/vision';
import { classify, readText, type Refusal } from './classify';
import { fitImage } from './fit-client';
import type { FittedImage } from './fit-protocol';

export interface FitTarget {
  spec: VisionSpec;
  cap: number;
}

export interface AttachmentItem {
  id: string;
  fileName: string;
  kind: 'image' | 'text';
  /** The file as given, kept to fit again when the model or the resolution changes. */
  source: File;
  status: 'fitting' | 'ready';
  image?: FittedImage;
  thumbUrl?: string;
  text?: string;
}

export interface AttachmentNotice {
  id: string;
  fileName: string;
  reason: Refusal;
}

export interface AttachmentsState {
  items: AttachmentItem[];
  notices: AttachmentNotice[];
  addFiles(files: readonly File[], target: FitTarget): Promise<void>;
  remove(id: string): void;
  /** Issue 15, item 11: a text file's text as it will be sent (what the sensitive check masked). */
  replaceText(id: string, text: string): void;
  dismiss(noticeId: string): void;
  /** Fits every image again for another model or resolution. */
  refit(target: FitTarget): Promise<void>;
  clear(): void;
  /** True while some image is still being fitted. */
  busy(): boolean;
  /** What `history.send` takes. */
  toInput(): AttachmentInput[];
}

export type AttachmentsStore = UseBoundStore<StoreApi<AttachmentsState>>;

let seq = 0;
const newId = () => `att-${++seq}`;

export function createAttachmentsStore(): AttachmentsStore {
  return create<AttachmentsState>((set, get) => {
    const notice = (fileName: string, reason: Refusal) =>
      set((s) => ({ notices: [...s.notices, { id: newId(), fileName, reason }] }));
    const update = (id: string, change: Partial<AttachmentItem>) =>
      set((s) => ({ items: s.items.map((i) => (i.id === id ? { ...i, ...change } : i)) }));
    const exists = (id: string) => get().items.some((i) => i.id === id);

    async function fitInto(id: string, file: File, target: FitTarget) {
      const fitted = await fitImage(file, target.spec, target.cap);
      if (!exists(id)) return; // removed meanwhile
      if (typeof fitted === 'string') {
        set((s) => ({ items: s.items.filter((i) => i.id !== id) }));
        notice(file.name, fitted);
        return;
      }
      const old = get().items.find((i) => i.id === id)?.thumbUrl;
      if (old) URL.revokeObjectURL(old);
      update(id, { status: 'ready', image: fitted, thumbUrl: URL.createObjectURL(fitted.thumbnail) });
    }

    const count = (kind: 'image' | 'text') => get().items.filter((i) => i.kind === kind).length;

    return {
      items: [],
      notices: [],
      async addFiles(files, target) {
        const work: Promise<void>[] = [];
        for (const file of files) {
          const kind = await classify(file);
          if (kind.kind === 'refused') {
            notice(file.name, kind.reason);
            continue;
          }
          if (count(kind.kind) >= (kind.kind === 'image' ? MAX_IMAGES : MAX_TEXT_FILES)) {
            notice(file.name, 'too_many');
            continue;
          }
          const id = newId();
          if (kind.kind === 'text') {
            const text = await readText(file);
            if (text === 'text_not_utf8') notice(file.name, text);
            else
              set((s) => ({
                items: [
                  ...s.items,
                  { id, fileName: file.name, kind: 'text', source: file, status: 'ready', text },
                ],
              }));
            continue;
          }
          set((s) => ({
            items: [...s.items, { id, fileName: file.name, kind: 'image', source: file, status: 'fitting' }],
          }));
          work.push(fitInto(id, file, target));
        }
        await Promise.all(work);
      },
      remove(id) {
        const item = get().items.find((i) => i.id === id);
        if (item?.thumbUrl) URL.revokeObjectURL(item.thumbUrl);
        set((s) => ({ items: s.items.filter((i) => i.id !== id) }));
      },
      replaceText(id, text) {
        set((s) => ({ items: s.items.map((i) => (i.id === id && i.kind === 'text' ? { ...i, text } : i)) }));
      },
      dismiss(noticeId) {
        set((s) => ({ notices: s.notices.filter((n) => n.id !== noticeId) }));
      },
      async refit(target) {
        const images = get().items.filter((i) => i.kind === 'image');
        for (const i of images) update(i.id, { status: 'fitting' });
        await Promise.all(images.map((i) => fitInto(i.id, i.source, target)));
      },
      clear() {
        for (const i of get().items) if (i.thumbUrl) URL.revokeObjectURL(i.thumbUrl);
        set({ items: [], notices: [] });
      },
      busy: () => get().items.some((i) => i.status === 'fitting'),
      toInput: () =>
        get().items.flatMap((i): AttachmentInput[] => {
          if (i.kind === 'text') return [{ kind: 'text', fileName: i.fileName, text: i.text ?? '' }];
          if (!i.image) return [];
          const { mimeType, base64, width, height } = i.image;
          return [{ kind: 'image', fileName: i.fileName, mimeType, dataBase64: base64, width, height }];
        }),
    };
  });
}
