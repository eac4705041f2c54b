import { useState } from 'react';
import type { AppError, KeyStatusView, KeyTestView } from '../../../../electron/contract';
import { useT, type MessageKey } from '../../i18n';
import { useSettingsStore } from '../../state/settings-store';
import { useMainText } from '../../i18n/main-text';

type T = ReturnType<typeof useT>;
const regionName = (t: T, id: string) => t(`settings.region.${id}` as MessageKey);

/** The key: its masked form and where it is kept, a field to paste a new one, test and remove. */
export function KeySection({ status }: { status: KeyStatusView }) {
  const t = useT();
  const said = useMainText();
  const busy = useSettingsStore((s) => s.busy);
  const test = useSettingsStore((s) => s.test);
  const { saveKey, testKey, removeKey } = useSettingsStore.getState();
  const [typed, setTyped] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const fromEnvironment = status.source === 'environment';
  const region = regionName(t, status.region);

  const save = async () => {
    setNote(null);
    if (await saveKey(typed)) {
      // The field is cleared: the key is not kept in the page once main has it.
      setTyped('');
      setNote(t('settings.key.saved'));
    }
  };
  const runTest = async () => {
    setNote(null);
    setTesting(true);
    await testKey(typed);
    setTesting(false);
  };
  const remove = async () => {
    setNote(null);
    await removeKey();
    if (useSettingsStore.getState().key?.source === 'none') setNote(t('settings.key.removed'));
  };

  return (
    <section className="settings-section" aria-labelledby="key-title">
      <h3 id="key-title">{t('settings.key.section')}</h3>
      <p className="key-status" aria-label={t('settings.key.current')}>
        {status.masked
          ? t(
              fromEnvironment
                ? 'settings.key.fromEnvironment'
                : status.source === 'memory'
                  ? 'settings.key.inMemory'
                  : 'settings.key.inKeychain',
              { masked: status.masked, region },
            )
          : t('settings.key.none', { region })}
      </p>
      {!status.keychain.available && (
        <div className="notice" role="note">
          <p>{t('settings.key.noKeychain')}</p>
          <p className="detail">
            {said.said(status.keychain.reasonKey, status.keychain.params, status.keychain.reason)}
          </p>
          <p>
            {t('settings.key.noKeychainFix')}{' '}
            {said.said(status.keychain.fixKey, status.keychain.params, status.keychain.fix)}
          </p>
        </div>
      )}
      <form
        className="key-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          <span>{t('settings.key.label')}</span>
          <input
            type="password"
            aria-label={t('settings.key.label')}
            autoComplete="off"
            spellCheck={false}
            placeholder={t('settings.key.placeholder')}
            value={typed}
            disabled={fromEnvironment}
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        <div className="buttons">
          <button type="submit" disabled={busy || fromEnvironment || !typed.trim()}>
            {t('settings.key.save')}
          </button>
          <button
            type="button"
            disabled={busy || (!typed.trim() && !status.masked)}
            onClick={() => void runTest()}
          >
            {t('settings.key.test')}
          </button>
          <button
            type="button"
            disabled={busy || fromEnvironment || !status.masked}
            onClick={() => void remove()}
          >
            {t('settings.key.remove')}
          </button>
        </div>
      </form>
      <p role="status" className="key-note">
        {testing ? t('settings.test.running') : test ? testMessage(t, test, said.message) : note}
      </p>
    </section>
  );
}

/** The result, naming the host when the key went to an address that is not a region's own. */
function testMessage(t: T, test: KeyTestView, said: (e: AppError) => string): string {
  const region = regionName(t, test.region);
  const { host } = test;
  switch (test.outcome) {
    case 'valid':
      return host ? t('settings.test.validHost', { host }) : t('settings.test.valid', { region });
    case 'rejected':
      return host ? t('settings.test.rejectedHost', { host }) : t('settings.test.rejected');
    case 'wrong_region':
      return t('settings.test.wrongRegion', { region, keyRegion: regionName(t, test.keyRegion) });
    case 'network_error':
      return t('settings.test.network');
    case 'error':
      return t('settings.test.error', { message: said(test.error) });
  }
}
