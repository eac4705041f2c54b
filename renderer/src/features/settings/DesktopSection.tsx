import { useEffect, useState, type KeyboardEvent } from 'react';
import type { AppError, AppSettings, ShortcutStatusView } from '../../../../electron/contract';
import {
  acceleratorFromKeyPress,
  isModifierKey,
  normalizeAccelerator,
} from '../../../../electron/shell/accelerator';
import { qwen } from '../../api/qwen';
import { useLocale, useT } from '../../i18n';
import { errorMessage } from '../../i18n/main-text';
import { useSettingsStore } from '../../state/settings-store';
import { SwitchField } from '../controls/SwitchField';
import { isMac } from '../shortcuts/shortcuts';

/**
 * Issue 11: the quick-ask shortcut (recorded from a key press, test-registered by the app before it
 * is saved; a taken one is refused and the old one kept) and "Keep running in the tray". What the
 * shortcut's state is comes from the shell: registered, failed at start, none, or browser mode.
 */
export function DesktopSection({ settings }: { settings: AppSettings }) {
  const t = useT();
  const update = useSettingsStore((s) => s.update);
  const [status, setStatus] = useState<ShortcutStatusView | null>(null);
  const [recording, setRecording] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Shown at once; put back if main refuses the change.
  const [keepInTray, setKeepInTray] = useState(settings.keepInTray);

  useEffect(() => {
    void qwen()
      .invoke('shortcut.status', undefined)
      .then((r) => r.ok && setStatus(r.value));
  }, []);

  const save = async (accelerator: string) => {
    setRecording(false);
    const check = accelerator ? normalizeAccelerator(accelerator) : null;
    if (check && !check.ok) return setProblem(t('settings.quickShortcut.invalid', { accelerator }));
    const result = await qwen().invoke('shortcut.set', { accelerator });
    if (result.ok) {
      setStatus(result.value);
      setProblem(null);
    } else setProblem(messageFor(t, result.error, accelerator));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Tab') return; // keyboard users can still leave the field
    e.preventDefault();
    if (e.key === 'Escape') {
      setRecording(false);
      e.currentTarget.blur();
      return;
    }
    if (isModifierKey(e.key)) return;
    const accelerator = acceleratorFromKeyPress(e, isMac);
    if (accelerator) void save(accelerator);
  };

  const accelerator = status?.accelerator ?? settings.quickAskShortcut;
  return (
    <section className="settings-section" aria-labelledby="desktop-title">
      <h3 id="desktop-title">{t('settings.desktop.section')}</h3>
      <div className="setting-field shortcut-field">
        <label htmlFor="quick-shortcut">{t('settings.quickShortcut.label')}</label>
        <input
          id="quick-shortcut"
          type="text"
          readOnly
          aria-describedby="quick-shortcut-state"
          value={recording ? '' : accelerator}
          placeholder={
            recording ? t('settings.quickShortcut.recording') : t('settings.quickShortcut.placeholder')
          }
          onFocus={() => setRecording(true)}
          onBlur={() => setRecording(false)}
          onKeyDown={onKeyDown}
        />
        <button type="button" disabled={!accelerator} onClick={() => void save('')}>
          {t('settings.quickShortcut.clear')}
        </button>
      </div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div id="quick-shortcut-state">
        <ShortcutState status={status} />
      </div>
      {!isMac && (
        <SwitchField
          label={t('settings.keepInTray.label')}
          checked={keepInTray}
          onChange={(next) => {
            setKeepInTray(next);
            void update({ keepInTray: next }).then((ok) => ok || setKeepInTray(!next));
          }}
        />
      )}
      {!isMac && <p className="hint">{t('settings.keepInTray.hint')}</p>}
    </section>
  );
}

function ShortcutState({ status }: { status: ShortcutStatusView | null }) {
  const t = useT();
  if (!status) return null;
  const command = <code className="command">{status.command}</code>;
  return (
    <>
      {status.state === 'unavailable' && <p className="hint">{t('settings.quickShortcut.browserMode')}</p>}
      {status.state === 'registered' && (
        <p className="hint">{t('settings.quickShortcut.registered', { accelerator: status.accelerator })}</p>
      )}
      {status.state === 'failed' && (
        <p role="alert" className="error">
          {t('settings.quickShortcut.failed', { accelerator: status.accelerator })}
        </p>
      )}
      {status.state === 'off' && <p className="hint">{t('settings.quickShortcut.off')}</p>}
      <p className="hint">
        {status.wayland ? t('settings.quickShortcut.wayland') : t('settings.quickShortcut.command')} {command}
      </p>
    </>
  );
}

function messageFor(t: ReturnType<typeof useT>, error: AppError, accelerator: string): string {
  if (error.code === 'shortcut_taken') return t('settings.quickShortcut.taken', { accelerator });
  if (error.code === 'invalid_argument') return t('settings.quickShortcut.invalid', { accelerator });
  return errorMessage(useLocale.getState().locale, error);
}
