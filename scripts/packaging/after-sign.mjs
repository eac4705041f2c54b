// electron-builder's afterSign hook: notarizes the signed macOS app when Apple credentials are in
// the environment (issue 12, item 2). electron-builder runs it only after it has signed something.
import path from 'node:path';

/** Apple's credentials from the environment: an App Store Connect API key, or an Apple ID. */
export function notarizeCredentials(env) {
  if (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER) {
    return {
      appleApiKey: env.APPLE_API_KEY,
      appleApiKeyId: env.APPLE_API_KEY_ID,
      appleApiIssuer: env.APPLE_API_ISSUER,
    };
  }
  if (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) {
    return {
      appleId: env.APPLE_ID,
      appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD,
      teamId: env.APPLE_TEAM_ID,
    };
  }
  return null;
}

export default async function afterSign(context) {
  if (context.electronPlatformName !== 'darwin') return;
  const credentials = notarizeCredentials(process.env);
  if (!credentials) {
    console.log(
      '  • signed but not notarized: set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER (or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID)',
    );
    return;
  }
  const { notarize } = await import('@electron/notarize');
  const appPath = path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  console.log(`  • notarizing ${appPath}`);
  await notarize({ appPath, ...credentials });
}
