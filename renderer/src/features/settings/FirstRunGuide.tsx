import { useT } from '../../i18n';

/** Where keys are made. Electron hands target=_blank links to the system browser (main-window.ts). */
export const CONSOLE_URL = 'https://modelstudio.console.alibabacloud.com/';

/**
 * Shown while there is no key: what the app needs and where to get it, and where the key will be
 * kept, as the keychain's state says (not "in your keychain" above "No keychain available").
 */
export function FirstRunGuide({ keychain }: { keychain: boolean }) {
  const t = useT();
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h3 id="first-run-title">{t('settings.welcome.title')}</h3>
      <p>
        {t('settings.welcome.text')}{' '}
        {t(keychain ? 'settings.welcome.keychain' : 'settings.welcome.noKeychain')}
      </p>
      <a href={CONSOLE_URL} target="_blank" rel="noopener noreferrer">
        {t('settings.welcome.link')}
      </a>
    </section>
  );
}
