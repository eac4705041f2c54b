import { useEffect, useRef, useState } from 'react';

/**
 * Files dropped anywhere on the window, and files or images pasted into it (issue 10, item 1).
 * Returns whether files are being dragged over the window (for the overlay). A drag counter keeps
 * the overlay from flickering as the pointer crosses child elements; a paste takes
 * `clipboardData.files` only, so one pasted screenshot is one attachment (never one per clipboard
 * flavour, Cherry Studio #18682); a paste without files is left to the text box.
 */
export function useFileIntake(onFiles: (files: File[]) => void, target: Window = window): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  }, [onFiles]);

  useEffect(() => {
    let depth = 0;
    const carriesFiles = (e: DragEvent) =>
      !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // allows the drop (and stops the browser opening the file)
      e.dataTransfer!.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!carriesFiles(e)) return;
      e.preventDefault();
      const files = Array.from(e.dataTransfer!.files);
      if (files.length > 0) latest.current(files);
    };
    const paste = (e: ClipboardEvent) => {
      const files = Array.from(e.clipboardData?.files ?? []);
      if (files.length === 0) return;
      e.preventDefault();
      latest.current(files);
    };
    target.addEventListener('dragenter', enter);
    target.addEventListener('dragover', over);
    target.addEventListener('dragleave', leave);
    target.addEventListener('drop', drop);
    target.addEventListener('paste', paste);
    return () => {
      target.removeEventListener('dragenter', enter);
      target.removeEventListener('dragover', over);
      target.removeEventListener('dragleave', leave);
      target.removeEventListener('drop', drop);
      target.removeEventListener('paste', paste);
    };
  }, [target]);

  return dragging;
}
