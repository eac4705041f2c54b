/**
 * Hands text to the person as a file: a Blob behind an `<a download>`. Works the same in Electron
 * (its download manager asks where to save) and in browser mode, and needs nothing from the CSP
 * (a download is neither a script nor a navigation of the page).
 */
export function saveTextFile(fileName: string, text: string): void {
  const type = fileName.endsWith('.json') ? 'application/json' : 'text/markdown';
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has read the Blob by the time the click returns in Chromium; keep it a little
  // longer anyway, then free it.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
