/**
 * Real drops and pastes for the attachment tests: the files are loaded into a scratch file input
 * by Playwright (real `File` objects, as the OS would give), then carried in a `DataTransfer` of a
 * dragenter/dragover/drop sequence, or in the `clipboardData` of a paste event.
 */
import type { Page } from 'playwright-core';

async function stage(page: Page, paths: string[]): Promise<void> {
  await page.evaluate(() => {
    let input = document.getElementById('__test-files') as HTMLInputElement | null;
    if (!input) {
      input = document.createElement('input');
      input.type = 'file';
      input.multiple = true;
      input.id = '__test-files';
      input.style.display = 'none';
      // Outside the app's own tree: its change events reach no handler of the app.
      document.documentElement.appendChild(input);
    }
  });
  await page.setInputFiles('#__test-files', paths);
}

/** Drags `paths` over the window and drops them on the message list. */
export async function dropFiles(
  page: Page,
  paths: string[],
  options: { hold?: boolean } = {},
): Promise<void> {
  await stage(page, paths);
  await page.evaluate((hold) => {
    const input = document.getElementById('__test-files') as HTMLInputElement;
    const dt = new DataTransfer();
    for (const f of Array.from(input.files ?? [])) dt.items.add(f);
    const target = document.querySelector('main') ?? document.body;
    const fire = (type: string) =>
      target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    fire('dragenter');
    fire('dragover');
    if (!hold) fire('drop');
  }, options.hold ?? false);
}

/** Pastes `paths` into the message box, as a copied screenshot or copied files arrive. */
export async function pasteFiles(page: Page, paths: string[]): Promise<void> {
  await stage(page, paths);
  await page.evaluate(() => {
    const input = document.getElementById('__test-files') as HTMLInputElement;
    const dt = new DataTransfer();
    for (const f of Array.from(input.files ?? [])) dt.items.add(f);
    const box = document.querySelector('textarea') ?? document.body;
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
}

/** The image drawn in the page, its size and the colour of a few points (fractions of the size). */
export async function decodeInPage(
  page: Page,
  dataUrl: string,
  points: Array<[number, number]>,
): Promise<{ width: number; height: number; colors: Array<[number, number, number, number]> }> {
  return page.evaluate(
    async ({ dataUrl, points }) => {
      const blob = await (await fetch(dataUrl)).blob();
      const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const colors = points.map(([fx, fy]) => {
        const d = ctx.getImageData(Math.floor(fx * bitmap.width), Math.floor(fy * bitmap.height), 1, 1).data;
        return [d[0]!, d[1]!, d[2]!, d[3]!] as [number, number, number, number];
      });
      return { width: bitmap.width, height: bitmap.height, colors };
    },
    { dataUrl, points },
  );
}
