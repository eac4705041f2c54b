import { useRef } from 'react';
import type { MaxImportBytes } from '../../../../electron/contract';
import { useT } from '../../i18n';
import { useConversationsStore } from '../../state/conversations-store';
import { saveTextFile } from './save-file';

/** The contract's MAX_IMPORT_BYTES (the type keeps the two equal; the renderer imports only types). */
const MAX_IMPORT_BYTES: MaxImportBytes = 200_000_000;

/**
 * The whole history as a file (Markdown to read, JSON to keep or move) and importing a JSON export.
 * The file is read in the page (File.text()) and sent over the typed `history.import` channel; no
 * path ever reaches the main process. In browser mode the bridge client sends it as an HTTP upload,
 * not a WebSocket frame. A file over the limit is refused before it is read.
 */
export function HistoryFiles() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const status = useConversationsStore((s) => s.status);

  const exportAll = async (format: 'markdown' | 'json') => {
    const file = await useConversationsStore.getState().exportHistory(format);
    if (file) saveTextFile(file.fileName, file.text);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const store = useConversationsStore.getState();
    store.setStatus(null);
    if (input.current) input.current.value = ''; // the same file can be picked again
    if (file.size > MAX_IMPORT_BYTES) {
      store.setStatus(
        t('sidebar.importTooLarge', {
          size: Math.ceil(file.size / 1_000_000),
          max: MAX_IMPORT_BYTES / 1_000_000,
        }),
      );
      return;
    }
    const count = await store.importHistory(await file.text());
    if (count !== null) store.setStatus(t('sidebar.imported', { count }));
  };

  return (
    <section aria-label={t('sidebar.history')} className="history-files">
      <button type="button" onClick={() => void exportAll('markdown')}>
        {t('sidebar.exportAllMarkdown')}
      </button>
      <button type="button" onClick={() => void exportAll('json')}>
        {t('sidebar.exportAllJson')}
      </button>
      <button type="button" onClick={() => input.current?.click()}>
        {t('sidebar.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label={t('sidebar.importFile')}
        hidden
        onChange={(e) => void importFile(e.target.files?.[0])}
      />
      {status && (
        <p role="status" className="sidebar-status">
          {status}
        </p>
      )}
    </section>
  );
}
