// How `npm start` and the Electron suite launch the app (issue 19, findings 1
// and 6): the project folder as the app, and every tool run by this Node on its
// JS entry — no npx and no shell, which is what fails on Windows.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  electronAppArgs,
  electronNativeBuild,
  electronViteBuild,
  needsElectronNativeBuild,
  prepareElectronNativeModule,
} from '../../../build/electron-launch';
import { electronNativeBindingFor } from '../../../build/native-binding';

const projectDir = path.resolve('.');

describe('the launch commands', () => {
  it('give Electron the project folder, so that its app path is the project, as with `electron .`', () => {
    expect(electronAppArgs('.')).toEqual([projectDir]);
  });

  it('run electron-vite with this Node on its own script: no npx(.cmd), so nothing needs a shell on Windows', () => {
    const { command, args } = electronViteBuild(projectDir);
    expect(command).toBe(process.execPath);
    expect(args[0]).toMatch(/electron-vite[\\/]bin[\\/]electron-vite\.js$/);
    expect(existsSync(args[0]!)).toBe(true);
    expect(args[1]).toBe('build');
    expect(JSON.stringify({ command, args })).not.toMatch(/npx|\.cmd/);
    // The same command, asked for its version, runs without a shell.
    const version = spawnSync(command, [args[0]!, '--version'], { encoding: 'utf8', shell: false });
    expect(version.status).toBe(0);
  });

  it("build the native module with this Node on the project's script", () => {
    expect(electronNativeBuild(projectDir)).toEqual({ command: process.execPath, args: [path.join(projectDir, 'scripts', 'electron-native.mjs')] });
  });
});

describe('prepareElectronNativeModule', () => {
  it('leaves an existing Electron-ABI module alone', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'launch-'));
    const binding = electronNativeBindingFor(dir, process.platform, process.arch);
    mkdirSync(path.dirname(binding), { recursive: true });
    writeFileSync(binding, 'built');
    expect(needsElectronNativeBuild(dir)).toBe(false);
    prepareElectronNativeModule(dir); // would throw: this folder has no scripts/electron-native.mjs
    expect(readFileSync(binding, 'utf8')).toBe('built');
  });

  it('builds a missing one, and says so when that fails', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'launch-'));
    mkdirSync(path.join(dir, 'scripts'));
    writeFileSync(path.join(dir, 'scripts', 'electron-native.mjs'), 'process.exit(3)');
    expect(needsElectronNativeBuild(dir)).toBe(true);
    expect(() => prepareElectronNativeModule(dir)).toThrow(/electron-native\.mjs failed \(exit 3\)/);
  });
});
