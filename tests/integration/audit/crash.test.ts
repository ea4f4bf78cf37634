// FT-4: killing the process at random while it writes leaves a database that
// passes integrity_check and holds every acknowledged row. The child is bundled
// once with esbuild (tsx's own compiler) so that each of the 200+ rounds starts
// in a fraction of the time `node --import tsx` takes.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditDatabase } from '../../../src-main/audit/audit-database';
import { tempAudit, type TempAudit } from '../../support/audit/fixtures';

const ROUNDS = Number(process.env.AUDIT_CRASH_ROUNDS ?? 200);
const LANES = 4;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface Round {
  committed: number[];
  started: number[];
}

/** Runs the child until it has reported `killAfter` lines, then SIGKILLs it mid-stream. */
function crashRound(child: string, file: string, killAfter: number): Promise<Round> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [child, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const round: Round = { committed: [], started: [] };
    let buffered = '';
    let lines = 0;
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        const [word, id] = line.split(' ');
        if (word === 'committed') round.committed.push(Number(id));
        if (word === 'started') round.started.push(Number(id));
        lines += 1;
        if (lines === killAfter) proc.kill('SIGKILL');
      }
    });
    proc.on('error', fail);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done(round);
      else fail(new Error(`child exited by itself (${code}): ${stderr}`));
    });
  });
}

describe('crash safety (FT-4)', () => {
  let temp: TempAudit;
  let child: string;

  beforeAll(() => {
    temp = tempAudit('audit-crash-');
    const outDir = join(root, 'node_modules', '.cache', 'audit-crash');
    mkdirSync(outDir, { recursive: true });
    child = join(outDir, 'crash-child.mjs');
    buildSync({
      entryPoints: [join(root, 'tests/support/audit/crash-child.ts')],
      outfile: child,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Kysely is bundled in: importing its hundreds of ESM files costs more than the round itself.
      external: ['better-sqlite3'],
      logLevel: 'silent',
    });
  });
  afterAll(() => temp.cleanup());

  /** One database file, killed `rounds` times in a row; checked after every kill. */
  async function lane(file: string, rounds: number): Promise<{ committed: number; checked: number }> {
    const committed = new Set<number>();
    const started = new Set<number>();
    for (let round = 0; round < rounds; round += 1) {
      const result = await crashRound(child, file, 1 + Math.floor(Math.random() * 12));
      result.committed.forEach((id) => committed.add(id));
      result.started.forEach((id) => started.add(id));

      const raw = new Database(file);
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        const present = new Set(raw.prepare('SELECT id FROM sessions').pluck().all() as number[]);
        const open = new Set(raw.prepare("SELECT id FROM sessions WHERE outcome = 'open'").pluck().all() as number[]);
        for (const id of committed) expect(present.has(id), `session ${id} after round ${round}`).toBe(true);
        for (const id of started) expect(open.has(id), `start of ${id} after round ${round}`).toBe(true);
      } finally {
        raw.close();
      }
    }
    const database = openAuditDatabase({ file });
    try {
      expect(database.rebuilt).toBe(false);
      const status = database.events.verify();
      expect(status).toMatchObject({ ok: true, firstBroken: null });
      expect(status.checked).toBeGreaterThanOrEqual(committed.size + started.size);
      return { committed: committed.size, checked: status.checked };
    } finally {
      database.close();
    }
  }

  it(`keeps every acknowledged record through ${ROUNDS} SIGKILLs at random moments`, async () => {
    // Process start-up dominates each round and is mostly waiting, so a few
    // independent database files are killed side by side.
    const results = await Promise.all(
      Array.from({ length: LANES }, (_, i) => lane(join(temp.dir, `lane-${i}.sqlite`), Math.ceil(ROUNDS / LANES))),
    );
    const committed = results.reduce((sum, r) => sum + r.committed, 0);
    expect(committed).toBeGreaterThanOrEqual(ROUNDS);
  }, 120_000);
});
