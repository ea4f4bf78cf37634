import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../../../src-preload/contract';
import { windowTitle, type Translate } from '../../../src-main/shell/session-status-text';
import { minutesLeft } from '../../../src-preload/time-left';
import { trayMenuModel, type TrayMenuEntry } from '../../../src-main/shell/tray-menu-model';
import { trayResources, trayTranslator } from './tray-translations';
import { IDLE_SESSION_VIEW } from '../../../src-main/core/session-view';

const alice = { id: 7, name: 'Alice Anderson', login: 'alice' };

function session(overrides: Partial<SessionView>): SessionView {
  return { ...IDLE_SESSION_VIEW, ...overrides };
}

const idle = session({});
const active = session({ phase: 'active', target: alice, reason: 'Ticket 4711: invoice PDF fails', secondsLeft: 42 * 60 - 5 });
const stopping = session({ ...active, phase: 'stopping' });
const pending = session({ ...active, phase: 'ended', endCause: 'tray', serverEndPending: true, secondsLeft: null });

function labels(entries: TrayMenuEntry[]): (string | null)[] {
  return entries.map((entry) => (entry.kind === 'separator' ? null : entry.label));
}

function stopItem(entries: TrayMenuEntry[]) {
  return entries.find((entry) => entry.kind === 'action' && entry.action === 'stop');
}

let en: Translate;
let es: Translate;
beforeAll(async () => {
  en = await trayTranslator('en');
  es = await trayTranslator('es');
});

describe('the tray when idle', () => {
  it('shows the grey icon, "No impersonation" and no usable Stop (en)', () => {
    const model = trayMenuModel(idle, en);
    expect(model.icon).toBe('idle');
    expect(model.tooltip).toBe('Impersonation Console — No impersonation');
    expect(labels(model.entries)).toEqual(['No impersonation', null, 'Stop impersonation', 'Show console', null, 'Quit']);
    expect(model.entries[0]).toEqual({ kind: 'status', label: 'No impersonation' });
    expect(stopItem(model.entries)).toMatchObject({ enabled: false });
  });

  it('says the same in Spanish', () => {
    const model = trayMenuModel(idle, es);
    expect(labels(model.entries)).toEqual(['Sin suplantación', null, 'Detener la suplantación', 'Mostrar la consola', null, 'Salir']);
    expect(model.tooltip).toBe('Consola de suplantación — Sin suplantación');
  });
});

describe('the tray while impersonating', () => {
  it('shows the orange icon, who and the minutes left, and an enabled Stop (en)', () => {
    const model = trayMenuModel(active, en);
    expect(model.icon).toBe('active');
    expect(model.entries[0]).toEqual({ kind: 'status', label: 'Impersonating Alice Anderson — 42 min left' });
    expect(model.tooltip).toBe('Impersonation Console — Impersonating Alice Anderson — 42 min left');
    expect(stopItem(model.entries)).toEqual({ kind: 'action', action: 'stop', label: 'Stop impersonation', enabled: true });
  });

  it('says the same in Spanish', () => {
    const model = trayMenuModel(active, es);
    expect(model.entries[0]).toEqual({ kind: 'status', label: 'Suplantando a Alice Anderson — quedan 42 min' });
    expect(stopItem(model.entries)).toMatchObject({ label: 'Detener la suplantación', enabled: true });
  });

  it('counts the last seconds as one minute, and zero only once nothing is left', () => {
    expect(trayMenuModel(session({ ...active, secondsLeft: 20 }), en).entries[0]).toMatchObject({
      label: 'Impersonating Alice Anderson — 1 min left',
    });
    expect(minutesLeft(0)).toBe(0);
    expect(minutesLeft(61)).toBe(2);
  });

  it('names the user by login when the name is blank', () => {
    const model = trayMenuModel(session({ ...active, target: { id: 7, name: ' ', login: 'alice' } }), en);
    expect(model.entries[0]).toMatchObject({ label: 'Impersonating alice — 42 min left' });
  });
});

describe('the tray while a session starts or ends', () => {
  it.each([
    ['starting', session({ phase: 'starting', target: alice }), 'Starting impersonation of Alice Anderson…', 'Iniciando la suplantación de Alice Anderson…'],
    ['stopping', stopping, 'Stopping impersonation of Alice Anderson…', 'Deteniendo la suplantación de Alice Anderson…'],
    [
      'waiting for the server-side end',
      pending,
      'Impersonation of Alice Anderson stopped here; ending it on the server is pending',
      'Suplantación de Alice Anderson detenida aquí; falta cerrarla en el servidor',
    ],
  ])('stays orange with Stop disabled while %s', (_phase, view, english, spanish) => {
    const model = trayMenuModel(view, en);
    expect(model.icon).toBe('active');
    expect(model.entries[0]).toEqual({ kind: 'status', label: english });
    expect(stopItem(model.entries)).toMatchObject({ enabled: false });
    expect(trayMenuModel(view, es).entries[0]).toEqual({ kind: 'status', label: spanish });
  });

  it('goes back to idle once the session has fully ended', () => {
    const ended = session({ ...active, phase: 'ended', endCause: 'banner', secondsLeft: null });
    const model = trayMenuModel(ended, en);
    expect(model.icon).toBe('idle');
    expect(model.entries[0]).toEqual({ kind: 'status', label: 'No impersonation' });
  });
});

describe('the window title', () => {
  it('names the impersonated user while the session runs', () => {
    expect(windowTitle(active, en)).toBe('Impersonating Alice Anderson — Impersonation Console');
    expect(windowTitle(active, es)).toBe('Suplantando a Alice Anderson — Consola de suplantación');
  });

  it('is the plain product name otherwise', () => {
    expect(windowTitle(idle, en)).toBe('Impersonation Console');
    expect(windowTitle(pending, es)).toBe('Consola de suplantación');
  });
});

describe('the tray resources', () => {
  it('have the same keys in English and Spanish, none empty', () => {
    expect(Object.keys(trayResources.es).sort()).toEqual(Object.keys(trayResources.en).sort());
    for (const value of [...Object.values(trayResources.en), ...Object.values(trayResources.es)]) {
      expect(value.trim()).not.toBe('');
    }
  });
});
