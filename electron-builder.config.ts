// electron-builder configuration (issue 7): installers for Linux, Windows and macOS.
// `npm run dist` uses it as is; scripts/package-check.ts reuses it with a stand-in
// Electron and without fuses, native rebuild and the native-binding guard.
// Name and version come from package.json (productName, version).
import { Arch, type Configuration } from 'electron-builder';
import { electronFuses } from './build/fuses';
import { assertElectronNativeBinding, packagedNativeBinding } from './build/native-binding';

const config: Configuration = {
  appId: 'org.helpdesk.impersonation-console',
  productName: 'Impersonation Console',
  copyright: 'Copyright © Impersonation Console team. MIT licence.',
  directories: { output: 'release', buildResources: 'build' },

  // Only the built app and production dependencies (added by electron-builder from
  // package.json). Tests, the harness and the Odoo simulator never reach out/main,
  // out/preload or out/renderer, and nothing else is listed here.
  files: [
    'package.json',
    'out/main/**/*',
    'out/preload/**/*',
    'out/renderer/**/*',
    '!**/*.map',
    // better-sqlite3: only the compiled module and its JS, not the SQLite sources.
    '!**/node_modules/better-sqlite3/{deps,src,docs}/**',
    '!**/node_modules/better-sqlite3/build/Release/{obj,obj.target,.deps,test_extension.node,*.a}',
    '!**/node_modules/better-sqlite3/build/{deps,*.mk,Makefile,config.gypi,*.gyp}',
  ],
  asar: true,
  // A .node file cannot be dlopen()ed from inside an archive.
  asarUnpack: ['**/node_modules/better-sqlite3/build/Release/*.node'],
  // The Electron-ABI better-sqlite3 the app passes as `nativeBinding` (see
  // build/native-binding.ts); written by scripts/electron-native.mjs.
  // Tray and window icons are read from disk at run time: process.resourcesPath/icons/.
  extraResources: [
    { from: '.native/electron/${platform}-${arch}/better_sqlite3.node', to: packagedNativeBinding },
    { from: 'resources/icons/tray', to: 'icons/tray' },
    { from: 'resources/icons/icon.png', to: 'icons/icon.png' },
  ],
  beforePack: (context) => {
    assertElectronNativeBinding(context.packager.projectDir, context.electronPlatformName, Arch[context.arch]);
  },
  // Off (issue 19): the app never loads node_modules/better-sqlite3's own build —
  // it passes the Electron-ABI one above as `nativeBinding`. A rebuild would only
  // replace, in place, the Node build the tests use (and need the network).
  npmRebuild: false,
  // Linux AppImage on Ubuntu 23.10+ (electron/electron#42510): AppArmor refuses
  // the unprivileged user namespaces Chromium's sandbox uses, and an AppImage's
  // setuid helper cannot work from its nosuid mount, so Electron aborts. The
  // Electron project's answer is an AppArmor profile for the installed binary
  // (Chromium's docs/security/apparmor-userns-restrictions.md) — which the deb
  // installs (electron-builder 26's after-install script and profile), so the
  // deb is the package to use on Linux. An AppImage runs from a random mount
  // path no profile can name: the static-runtime toolset's launcher keeps the
  // sandbox wherever the kernel allows it and adds --no-sandbox only where it
  // refuses (its `unshare -Ur true` probe), instead of the legacy toolset's
  // --no-sandbox for everyone in the desktop entry. The console then tells the
  // admin it runs without the sandbox (desktop.sandboxDisabled). README: Linux.
  toolsets: { appimage: '1.0.3' },
  electronFuses: { ...electronFuses },
  // Nothing is uploaded from a build; releases are published by hand after signing.
  publish: null,

  linux: {
    target: ['AppImage', 'deb'],
    executableName: 'impersonation-console',
    icon: 'resources/icons/png',
    category: 'Utility',
    synopsis: 'Work briefly, visibly and on the record as another Odoo user',
    // deb needs a maintainer with an e-mail; package.json's author has none.
    maintainer: 'Impersonation Console team <impersonation-console@helpdesk.invalid>',
    desktop: {
      entry: {
        Name: 'Impersonation Console',
        Comment: 'Work briefly, visibly and on the record as another Odoo user',
        Categories: 'Utility;Network;',
        Keywords: 'odoo;helpdesk;impersonate;support;',
        StartupWMClass: 'impersonation-console',
      },
    },
  },
  // No --no-sandbox in the AppImage's desktop entry either: the launcher decides.
  appImage: { executableArgs: [] },
  deb: { packageCategory: 'utils', priority: 'optional' },

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icons/icon.ico',
  },
  nsis: {
    // Per-user install: helpdesk staff need no administrator rights.
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Impersonation Console',
    installerIcon: 'resources/icons/icon.ico',
    uninstallerIcon: 'resources/icons/icon.ico',
    artifactName: '${productName}-Setup-${version}-${arch}.${ext}',
  },

  mac: {
    target: ['dmg', 'zip'],
    icon: 'resources/icons/icon.icns',
    category: 'public.app-category.business',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
};

export default config;
