import { describe, expect, it } from 'vitest';
import { electronFuses } from '../../../build/fuses';
import builderConfig from '../../../electron-builder.config';

// Issue 7: exactly these fuses, no more and no fewer.
const required = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

describe('Electron fuses', () => {
  it('sets exactly the fuses the release requires', () => {
    expect(electronFuses).toStrictEqual(required);
  });

  it('are the fuses electron-builder flips into installers', () => {
    expect(builderConfig.electronFuses).toStrictEqual(required);
  });

  it('cannot be changed at run time by another module', () => {
    expect(Object.isFrozen(electronFuses)).toBe(true);
  });
});

describe('installer configuration', () => {
  it("never rebuilds node_modules' native modules: the app loads its Electron-ABI SQLite from its own folder", () => {
    expect(builderConfig.npmRebuild).toBe(false);
  });

  it('starts the AppImage with the sandbox wherever the kernel allows it, never --no-sandbox for everyone (electron/electron#42510)', () => {
    // The static-runtime toolset's AppRun probes user namespaces; the legacy one puts --no-sandbox in the desktop entry.
    expect(builderConfig.toolsets?.appimage).toMatch(/^1\./);
    expect(builderConfig.appImage?.executableArgs).toEqual([]);
    // The deb, the first choice on Linux, installs electron-builder's AppArmor profile by itself: nothing replaces it.
    expect(builderConfig.deb).not.toHaveProperty('afterInstall');
    expect(builderConfig.linux).not.toHaveProperty('appArmorProfile');
    expect(builderConfig.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('unpacks better-sqlite3 from the asar and ships the Electron-ABI binding beside it', () => {
    expect(builderConfig.asarUnpack).toContain('**/node_modules/better-sqlite3/build/Release/*.node');
    expect(builderConfig.extraResources).toContainEqual(expect.objectContaining({ to: 'native/better_sqlite3.node' }));
  });

  it('installs per user on Windows', () => {
    expect(builderConfig.nsis).toMatchObject({ oneClick: false, perMachine: false });
  });
});
