import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../../src-main/core/logger';

describe('the diagnostic log', () => {
  it('redacts secret fields by name', () => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line)).info('connect', { login: 'admin', password: 'canary-pw', sessionId: 'abc' });
    expect(lines[0]).toContain('"login":"admin"');
    expect(lines[0]).not.toContain('canary-pw');
    expect(lines[0]).not.toContain('abc');
  });

  it('redacts cookies and passwords that slip into text', () => {
    const text = redact('Cookie: session_id=SECRETCOOKIE; other\n{"password": "hunter2"}');
    expect(text).not.toContain('SECRETCOOKIE');
    expect(text).not.toContain('hunter2');
  });
});
