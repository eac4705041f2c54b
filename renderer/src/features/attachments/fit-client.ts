/**
 * The page's side of the fitting worker: one worker per window, started on first use, requests
 * matched to answers by id. A worker that dies fails its pending fits as `corrupt` and is replaced.
 */
import type { VisionSpec } from '../../../../electron/shared/vision';
import type { FitRequest, FitResponse, FittedImage } from './fit-protocol';
import type { Refusal } from './classify';

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, (r: FitResponse) => void>();

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./fit.worker.ts', import.meta.url), { type: 'module', name: 'image-fit' });
  w.onmessage = (e: MessageEvent<FitResponse>) => {
    const done = pending.get(e.data.id);
    pending.delete(e.data.id);
    done?.(e.data);
  };
  w.onerror = () => {
    for (const [id, done] of pending) done({ id, ok: false, reason: 'corrupt' });
    pending.clear();
    w.terminate();
    worker = null;
  };
  return (worker = w);
}

export function fitImage(file: Blob, spec: VisionSpec, cap: number): Promise<FittedImage | Refusal> {
  const id = ++nextId;
  return new Promise((resolve) => {
    pending.set(id, (r) => resolve(r.ok ? r.image : r.reason));
    ensureWorker().postMessage({ id, file, spec, cap } satisfies FitRequest);
  });
}
