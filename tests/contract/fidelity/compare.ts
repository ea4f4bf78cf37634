// Compares two transcripts of one protocol scenario in their normal form
// (normal-form.ts): every difference is one line naming the exchange and the
// path inside it, with both values. No line means the simulator answered as the
// real server did.
import type { Exchange } from '../raw-session';
import { normalise, type NormalExchange } from './normal-form';

export function compareTranscripts(simulated: Exchange[], real: Exchange[]): string[] {
  const a = simulated.map(normalise);
  const b = real.map(normalise);
  const differences: string[] = [];
  const count = Math.max(a.length, b.length);
  for (let index = 0; index < count; index++) {
    const sim = a[index];
    const server = b[index];
    const where = `#${index + 1} ${(server ?? sim)?.request ?? ''}`;
    if (!sim || !server) {
      differences.push(`${where}: simulator ${sim ? 'made' : 'did not make'} this exchange, real server ${server ? 'made' : 'did not make'} it`);
      continue;
    }
    diff(sim, server, where, differences);
  }
  return differences;
}

function diff(sim: unknown, real: unknown, path: string, out: string[]): void {
  if (isRecord(sim) && isRecord(real)) {
    for (const key of [...new Set([...Object.keys(sim), ...Object.keys(real)])].sort()) {
      const at = `${path} › ${key}`;
      if (!(key in sim)) out.push(`${at}: missing in the simulator, real ${text(real[key])}`);
      else if (!(key in real)) out.push(`${at}: simulator ${text(sim[key])}, missing on the real server`);
      else diff(sim[key], real[key], at, out);
    }
    return;
  }
  if (JSON.stringify(sim) !== JSON.stringify(real)) out.push(`${path}: simulator ${text(sim)}, real ${text(real)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  const json = JSON.stringify(value) ?? 'undefined';
  return json.length > 300 ? `${json.slice(0, 300)}…` : json;
}

export type { NormalExchange };
