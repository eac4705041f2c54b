import { useEffect, useRef, useState } from 'react';
import type { ConversationSummary } from '../../../../electron/contract';
import { useT } from '../../i18n';
import { useChatStore } from '../../state/chat-store';
import { useConversationsStore } from '../../state/conversations-store';
import { newChat } from '../../state/message-actions';
import { Icon } from './icons';
import { saveTextFile } from './save-file';
import { doneWithSidebar } from '../../state/layout-store';

type Mode = 'idle' | 'renaming' | 'exporting' | 'confirming';

/**
 * One conversation in the sidebar: the button that opens it, and its actions (Rename, Pin/Unpin,
 * Export, Delete). The actions show on hover and whenever focus is inside the row, so Tab reaches
 * them; F2 renames and Delete deletes from the conversation's button.
 */
export function ConversationRow({ conversation: c }: { conversation: ConversationSummary }) {
  const t = useT();
  const openId = useChatStore((s) => s.conversationId);
  const open = useChatStore((s) => s.openConversation);
  const [mode, setMode] = useState<Mode>('idle');
  const mainButton = useRef<HTMLButtonElement>(null);
  const restoreFocus = useRef(false);
  const title = c.title ?? t('sidebar.untitled');

  // After renaming or cancelling a delete by keyboard, focus returns to the conversation.
  useEffect(() => {
    if (mode === 'idle' && restoreFocus.current) {
      restoreFocus.current = false;
      mainButton.current?.focus();
    }
  }, [mode]);
  const done = () => {
    restoreFocus.current = true;
    setMode('idle');
  };

  const remove = async () => {
    if (openId === c.id) await newChat();
    await useConversationsStore.getState().remove(c.id);
  };
  const exportAs = async (format: 'markdown' | 'json') => {
    const file = await useConversationsStore.getState().exportHistory(format, c.id);
    if (file) saveTextFile(file.fileName, file.text);
    done();
  };

  return (
    <li className="conversation-row" data-mode={mode}>
      {mode === 'renaming' ? (
        <RenameBox
          initial={c.title ?? ''}
          onDone={(next) => {
            if (next !== null && next !== c.title) void useConversationsStore.getState().rename(c.id, next);
            done();
          }}
        />
      ) : (
        <button
          ref={mainButton}
          type="button"
          className="conversation"
          aria-current={c.id === openId ? 'page' : undefined}
          // Issue 11: a quick-ask conversation keeps its title as its name; the badge describes it.
          {...(c.quick ? { 'aria-label': title, 'aria-describedby': `quick-${c.id}` } : {})}
          onClick={() => {
            doneWithSidebar();
            void open(c.id);
          }}
          onKeyDown={(e) => {
            if (e.key === 'F2') setMode('renaming');
            else if (e.key === 'Delete') setMode('confirming');
            else return;
            e.preventDefault();
          }}
        >
          {title}
          {c.quick && (
            <span id={`quick-${c.id}`} className="quick-badge" title={t('sidebar.quickHint')}>
              {t('sidebar.quick')}
            </span>
          )}
        </button>
      )}
      <div role="group" aria-label={t('sidebar.actions', { title })} className="conversation-actions">
        <button
          type="button"
          aria-label={t('sidebar.rename')}
          title={t('sidebar.rename')}
          onClick={() => setMode('renaming')}
        >
          <Icon name="rename" />
        </button>
        <button
          type="button"
          aria-label={t(c.pinned ? 'sidebar.unpin' : 'sidebar.pin')}
          title={t(c.pinned ? 'sidebar.unpin' : 'sidebar.pin')}
          aria-pressed={c.pinned}
          onClick={() => void useConversationsStore.getState().setPinned(c.id, !c.pinned)}
        >
          <Icon name={c.pinned ? 'unpin' : 'pin'} />
        </button>
        <button
          type="button"
          aria-label={t('sidebar.export')}
          title={t('sidebar.export')}
          aria-expanded={mode === 'exporting'}
          onClick={() => setMode(mode === 'exporting' ? 'idle' : 'exporting')}
        >
          <Icon name="export" />
        </button>
        <button
          type="button"
          aria-label={t('sidebar.delete')}
          title={t('sidebar.delete')}
          onClick={() => setMode('confirming')}
        >
          <Icon name="delete" />
        </button>
      </div>
      {mode === 'exporting' && (
        <div className="conversation-panel">
          <button type="button" onClick={() => void exportAs('markdown')}>
            {t('sidebar.exportMarkdown')}
          </button>
          <button type="button" onClick={() => void exportAs('json')}>
            {t('sidebar.exportJson')}
          </button>
        </div>
      )}
      {mode === 'confirming' && (
        <ConfirmDelete title={title} onConfirm={() => void remove()} onCancel={done} />
      )}
    </li>
  );
}

/** The inline title editor: Enter saves, Esc cancels, leaving the box saves. */
function RenameBox({ initial, onDone }: { initial: string; onDone: (title: string | null) => void }) {
  const t = useT();
  const [text, setText] = useState(initial);
  const finished = useRef(false);
  const finish = (title: string | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(title === null || !title.trim() ? null : title.trim());
  };
  return (
    <input
      type="text"
      className="conversation-title-input"
      aria-label={t('sidebar.titleLabel')}
      value={text}
      maxLength={200}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(text);
        else if (e.key === 'Escape') finish(null);
        else return;
        e.preventDefault();
        e.stopPropagation(); // Esc must not also stop a streaming answer
      }}
      onBlur={() => finish(text)}
    />
  );
}

/** Deleting cannot be undone, so it is confirmed in place; focus starts on "Cancel". */
function ConfirmDelete({
  title,
  onConfirm,
  onCancel,
}: {
  title: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-label={t('sidebar.confirmDeleteLabel')}
      className="conversation-panel confirm-delete"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onCancel();
      }}
    >
      <p>{t('sidebar.confirmDelete', { title })}</p>
      <button type="button" className="danger" onClick={onConfirm}>
        {t('sidebar.delete')}
      </button>
      <button ref={cancel} type="button" onClick={onCancel}>
        {t('sidebar.cancel')}
      </button>
    </div>
  );
}
