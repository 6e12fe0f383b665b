// `npm run dist` runs this first: one line saying whether the installers will be signed, so an
// unsigned build is never a surprise. electron-builder reads the same variables itself.

export function signingSummary(env = process.env, platform = process.platform) {
  const has = (...names) => names.every((n) => (env[n] ?? '') !== '');
  if (platform === 'win32') {
    if (has('WIN_CSC_LINK') || has('CSC_LINK'))
      return 'Signing: Windows installers will be signed (WIN_CSC_LINK).';
    if (has('AZURE_TENANT_ID', 'AZURE_CLIENT_ID'))
      return 'Signing: Windows installers will be signed (Azure Trusted Signing).';
    return 'Signing: skipped — set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD to sign the Windows installers.';
  }
  if (platform === 'darwin') {
    const sign = has('CSC_LINK') || has('CSC_NAME');
    const notarise =
      has('APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') ||
      has('APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ||
      has('APPLE_KEYCHAIN_PROFILE');
    if (sign && notarise) return 'Signing: the macOS app will be signed and notarised.';
    if (sign)
      return 'Signing: the macOS app will be signed but not notarised — set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID.';
    return 'Signing: skipped — set CSC_LINK and CSC_KEY_PASSWORD (and APPLE_ID… to notarise) to sign the macOS app.';
  }
  return 'Signing: not used for Linux packages (AppImage and deb are checked by their checksums).';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(signingSummary());
}
