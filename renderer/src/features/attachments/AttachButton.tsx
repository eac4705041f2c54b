import { useRef } from 'react';
import { useT } from '../../i18n';

/** "Attach images": a file picker for several images (and text files), read in the page. */
export function AttachButton({ onFiles, disabled }: { onFiles(files: File[]): void; disabled?: boolean }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="icon-button attach-button"
        aria-label={t('attachments.attach')}
        title={t('attachments.attach')}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        📎
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        accept="image/*,.txt,.md,.csv,.json,.log,.xml,.yaml,.yml,.ts,.tsx,.js,.py,.go,.rs,.java,.c,.cpp,.h,.sh,.sql"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = ''; // the same file can be picked again
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
