/**
 * "Save image" in Electron (issue 14): the system's save dialog, then the bytes written where the
 * person chose. Electron's dialog comes in through a `Pick<>` of its real type, so this stays a
 * plain module; the core hands it only a stored image (by hash) and a file name, never a path
 * from a page.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export type SaveDialog = Pick<Electron.Dialog, 'showSaveDialog'>;

/** Saves `data`; false when the person cancelled the dialog. */
export function createImageSaver(dialog: SaveDialog, downloadsDir = path.join(os.homedir(), 'Downloads')) {
  return async (fileName: string, data: Buffer): Promise<boolean> => {
    const ext = path.extname(fileName).slice(1) || 'png';
    const { canceled, filePath } = await dialog.showSaveDialog({
      title: 'Save image',
      defaultPath: path.join(downloadsDir, path.basename(fileName)),
      filters: [{ name: 'Image', extensions: [ext] }],
    });
    if (canceled || !filePath) return false;
    await fs.writeFile(filePath, data);
    return true;
  };
}
