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
  it('rebuilds native modules for Electron when building installers', () => {
    expect(builderConfig.npmRebuild).toBe(true);
  });

  it('unpacks better-sqlite3 from the asar and ships the Electron-ABI binding beside it', () => {
    expect(builderConfig.asarUnpack).toContain('**/node_modules/better-sqlite3/build/Release/*.node');
    expect(builderConfig.extraResources).toContainEqual(expect.objectContaining({ to: 'native/better_sqlite3.node' }));
  });

  it('installs per user on Windows', () => {
    expect(builderConfig.nsis).toMatchObject({ oneClick: false, perMachine: false });
  });
});
