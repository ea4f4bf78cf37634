// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP, HMAC-SHA1, 6 digits,
// 30-second steps), as Odoo's auth_totp checks them: the simulator verifies codes with
// it and every test computes its codes from the known secret with it — never a code
// written down. `CodeSource` hands out codes a server will accept once: Odoo 19
// refuses a code whose step is not newer than the last one it accepted
// (docs/odoo.md, Two-factor sign-in), so each server's used steps are kept in a file
// under the system's temp folder, shared by every test process of every run.
import { createHash, createHmac } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;

/** The lab's admin3 secret (shared/odoo/README.md): tests default to it, the ODOO_TOTP_SECRET variable overrides it. */
export const LAB_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, case-insensitive, padding and spaces ignored. */
export function base32Decode(secret: string): Buffer {
  const clean = secret.toUpperCase().replace(/[\s=]/g, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not a base32 character: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 4226 HOTP of one counter value. */
export function hotp(key: Buffer, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', key).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step a moment falls in. */
export function totpStep(atMs = Date.now()): number {
  return Math.floor(atMs / 1000 / TOTP_STEP_SECONDS);
}

/** RFC 6238: the code of `secret` (base32) at a moment. */
export function totp(secret: string, atMs = Date.now()): string {
  return hotp(base32Decode(secret), totpStep(atMs));
}

/**
 * Which step a code matches, as Odoo's TOTP.match does: the steps of `now` ± one step
 * (its 30-second window), or null.
 */
export function matchTotp(secret: string, code: string, atMs = Date.now()): number | null {
  const key = base32Decode(secret);
  const step = totpStep(atMs);
  for (let counter = step - 1; counter <= step + 1; counter++) if (hotp(key, counter) === code) return counter;
  return null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A simulator's authenticator clock, which a test may move on by a step instead of waiting for it. */
export interface TotpClock {
  now(): number;
  skip(ms: number): void;
}

/**
 * Codes a server will accept: on a server that takes each code once (Odoo 19), a code
 * of a step no test has used on that server yet, waiting for the next step when
 * needed; elsewhere simply the current code. For a real server the used steps are
 * recorded per server URL in a file every test process shares, under a lock; a
 * simulator's clock is simply moved on a step instead (in this process).
 */
export class CodeSource {
  readonly #simulatedSteps = new Map<string, number>();

  constructor(
    private readonly secret: string = process.env.ODOO_TOTP_SECRET || LAB_TOTP_SECRET,
    private readonly directory = path.join(os.tmpdir(), 'impersonation-console-totp'),
  ) {}

  /** A code for `serverUrl`; `singleUse`: the server refuses a step it accepted before (Odoo 19). */
  async next(serverUrl: string, singleUse: boolean, clock: TotpClock | null = null): Promise<string> {
    if (clock !== null) return this.#onSimulator(serverUrl, singleUse, clock);
    if (!singleUse) return totp(this.secret);
    for (;;) {
      const step = await this.#claim(serverUrl);
      if (step !== null) return hotp(base32Decode(this.secret), step);
      // This step is used on that server: wait for the next one.
      await sleep((TOTP_STEP_SECONDS - ((Date.now() / 1000) % TOTP_STEP_SECONDS)) * 1000 + 250);
    }
  }

  #onSimulator(serverUrl: string, singleUse: boolean, clock: TotpClock): string {
    const last = this.#simulatedSteps.get(serverUrl);
    if (singleUse && last !== undefined && totpStep(clock.now()) <= last) clock.skip((last + 1 - totpStep(clock.now())) * TOTP_STEP_SECONDS * 1000);
    const step = totpStep(clock.now());
    this.#simulatedSteps.set(serverUrl, step);
    return hotp(base32Decode(this.secret), step);
  }

  /** The current step, marked used for `serverUrl`, or null when it was used already. */
  async #claim(serverUrl: string): Promise<number | null> {
    mkdirSync(this.directory, { recursive: true });
    const key = createHash('sha256').update(`${serverUrl}|${this.secret}`).digest('hex').slice(0, 16);
    const file = path.join(this.directory, `${key}.json`);
    return withFileLock(`${file}.lock`, () => {
      let used: number[] = [];
      try {
        used = JSON.parse(readFileSync(file, 'utf8')) as number[];
      } catch {
        used = [];
      }
      const step = totpStep();
      // Odoo 19 keeps the highest step it accepted: an older one is refused as well.
      if (used.some((seen) => seen >= step)) return null;
      writeFileSync(file, JSON.stringify([...used.filter((seen) => seen > step - 10), step]));
      return step;
    });
  }
}

/** Runs `work` holding an exclusive lock file (created with O_EXCL; one older than `staleMs` is taken as abandoned). */
export async function withFileLock<T>(lockFile: string, work: () => T | Promise<T>, staleMs = 60_000): Promise<T> {
  for (;;) {
    try {
      closeSync(openSync(lockFile, 'wx'));
      break;
    } catch {
      try {
        if (Date.now() - statSync(lockFile).mtimeMs > staleMs) rmSync(lockFile, { force: true });
      } catch {
        // gone in between: try again
      }
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
