/**
 * Image generation in the page (issue 14): the image prompt's fields, the image chosen by "Edit
 * this image", and the newest state of every image job (from `image.job` events), so an answer
 * shows "Queued", "Drawing…" and its pictures as they arrive. The history stays the truth: sending
 * opens the conversation again from it, and a reload shows the jobs as saved.
 */
import { create } from 'zustand';
import type {
  AppError,
  AttachmentView,
  ImageJobView,
  ImageModelSpec,
  ImageRequest,
} from '../../../../electron/contract';
import { attachmentUrl, qwen } from '../../api/qwen';
import { useChatStore } from '../../state/chat-store';

export interface ImageForm {
  prompt: string;
  negativePrompt: string;
  /** '' = the model's default. */
  size: string;
  n: number;
  /** '' = none (a random seed). */
  seed: string;
  promptExtend: boolean;
  watermark: boolean;
}

export const emptyForm: ImageForm = {
  prompt: '',
  negativePrompt: '',
  size: '',
  n: 1,
  seed: '',
  promptExtend: true,
  watermark: false,
};

interface ImagegenState {
  form: ImageForm;
  /** The image "Edit this image" chose, sent with an edit model's instruction. */
  editSource: AttachmentView | null;
  jobs: Record<number, ImageJobView>;
  sending: boolean;
  refusal: AppError | null;
  setForm(change: Partial<ImageForm>): void;
  setEditSource(image: AttachmentView | null): void;
}

export const useImagegen = create<ImagegenState>((set) => ({
  form: emptyForm,
  editSource: null,
  jobs: {},
  sending: false,
  refusal: null,
  setForm: (change) => set((s) => ({ form: { ...s.form, ...change }, refusal: null })),
  setEditSource: (editSource) => set({ editSource }),
}));

/** The size the form means for a model: the one chosen if the model offers it, else its default. */
export const sizeFor = (form: ImageForm, spec: ImageModelSpec): string | null =>
  spec.sizes.includes(form.size) ? form.size : spec.defaultSize;

/** The request the form describes (blank fields left to the API's defaults). */
export function requestOf(form: ImageForm, spec: ImageModelSpec): ImageRequest {
  const seed = form.seed.trim();
  const size = sizeFor(form, spec);
  return {
    prompt: form.prompt,
    ...(form.negativePrompt.trim() ? { negativePrompt: form.negativePrompt } : {}),
    ...(size ? { size } : {}),
    n: form.n,
    ...(seed !== '' ? { seed: Number(seed) } : {}),
    promptExtend: form.promptExtend,
    watermark: form.watermark,
  };
}

/** Sends the prompt into the open conversation (a new one if none); false when refused. */
export async function generateImage(model: string, request: ImageRequest): Promise<boolean> {
  const state = useImagegen.getState();
  if (state.sending) return false;
  useImagegen.setState({ sending: true, refusal: null });
  const chat = useChatStore.getState();
  const edit = state.editSource;
  try {
    const result = await qwen().invoke('image.generate', {
      ...(chat.conversationId !== null ? { conversationId: chat.conversationId } : {}),
      model,
      request,
      ...(edit ? { editImages: [edit.sha256] } : {}),
    });
    if (!result.ok) {
      useImagegen.setState({ refusal: result.error });
      return false;
    }
    const { job, conversationId } = result.value;
    useImagegen.setState((s) => ({
      jobs: { ...s.jobs, [job.messageId]: s.jobs[job.messageId] ?? job },
      form: { ...s.form, prompt: '' },
      editSource: null,
    }));
    await useChatStore.getState().openConversation(conversationId);
    return true;
  } finally {
    useImagegen.setState({ sending: false });
  }
}

export async function cancelImage(messageId: number): Promise<AppError | null> {
  const result = await qwen().invoke('image.cancel', { messageId });
  if (!result.ok) return result.error;
  applyJob(result.value.job);
  return null;
}

/** "Save image": Electron's save dialog; in browser mode a download of the kept image. */
export async function saveImage(image: AttachmentView): Promise<AppError | null> {
  const result = await qwen().invoke('image.save', { sha256: image.sha256, fileName: image.fileName });
  if (!result.ok) return result.error;
  if (result.value.download) {
    const link = document.createElement('a');
    link.href = attachmentUrl(image.sha256);
    link.download = image.fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  }
  return null;
}

function applyJob(job: ImageJobView): void {
  useImagegen.setState((s) => ({ jobs: { ...s.jobs, [job.messageId]: job } }));
}

/** Connects the store to `image.job` events; returns the unsubscribe function. */
export function connectImageEvents(): () => void {
  return qwen().on('image.job', applyJob);
}
