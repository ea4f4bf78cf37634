// The canary's search (SS-9, SS-10): every file under a data folder, read as bytes,
// for each secret the test planted or caught — a hit names the file and the first
// characters of the secret, never the whole of it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export function everyFile(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? everyFile(file) : [file];
  });
}

/** "file: abcdef…" for each secret found in a file under `dir`; [] when none is. */
export function secretsFoundIn(dir: string, secrets: readonly string[]): string[] {
  return everyFile(dir).flatMap((file) => {
    const content = readFileSync(file).toString('latin1');
    return secrets.filter((secret) => content.includes(secret)).map((secret) => `${path.basename(file)}: ${secret.slice(0, 6)}…`);
  });
}
