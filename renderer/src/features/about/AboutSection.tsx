import { useEffect } from 'react';
import { useT } from '../../i18n';
import { useUpdatesStore } from '../../state/updates-store';
import { SwitchField } from '../controls/SwitchField';
import { APP_LICENSE, THIRD_PARTY_NOTICES } from './third-party-notices';
import { updateStateText } from './update-text';

/** Settings' About (issue 12): version, licence, third-party notices, and the updater. */
export function AboutSection() {
  const t = useT();
  // The whole (small) store: every field of it is shown here.
  const { status, error, load, check, install, setAutomatic } = useUpdatesStore();

  useEffect(() => {
    void load();
  }, [load]);

  const state = status?.state;
  const unsupported = state?.kind === 'unsupported' ? updateStateText(t, state) : null;
  const busy = state?.kind === 'checking' || state?.kind === 'downloading' || state?.kind === 'ready';
  return (
    <section className="settings-section" aria-labelledby="about-title">
      <h3 id="about-title">{t('settings.about.section')}</h3>
      <p>{t('settings.about.version', { version: status?.version ?? '…' })}</p>
      <p>{t('settings.about.license', { license: APP_LICENSE })}</p>
      <SwitchField
        label={t('settings.updates.automatic')}
        checked={status?.automatic ?? false}
        lockedReason={unsupported}
        onChange={(on) => void setAutomatic(on)}
      />
      <div className="buttons">
        <button type="button" disabled={!status || !!unsupported || busy} onClick={() => void check()}>
          {t('settings.updates.check')}
        </button>
        {state?.kind === 'ready' && (
          <button type="button" onClick={() => void install()}>
            {t('settings.updates.restart')}
          </button>
        )}
      </div>
      {/* A live region, not role="status": the key section's status keeps that role in this panel. */}
      <p aria-live="polite" className="key-note">
        {state && !unsupported ? updateStateText(t, state) : ''}
      </p>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      <details>
        <summary>{t('settings.about.notices')}</summary>
        <p className="detail">{t('settings.about.noticesIntro')}</p>
        <ul className="about-notices" aria-label={t('settings.about.notices')}>
          {THIRD_PARTY_NOTICES.map((notice) => (
            <li key={notice.name}>
              <a href={notice.url} target="_blank" rel="noreferrer">
                {notice.name}
              </a>{' '}
              — {notice.license}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
