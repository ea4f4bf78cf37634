import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { isConsoleError } from '../../../src-main/core/console-error';
import { ExternalLinks } from '../../../src-main/shell/open-external';
import { electronFake } from '../../support/electron-mock';

const MODULE_PAGE = 'https://github.com/OCA/server-auth/tree/18.0/impersonate_login';

function setup() {
  const warnings: string[] = [];
  const links = new ExternalLinks([MODULE_PAGE], { warn: (event, fields) => warnings.push(`${event} ${JSON.stringify(fields)}`) });
  return { links, warnings };
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

beforeEach(() => electronFake.reset());

describe('ExternalLinks', () => {
  it("opens one of the console's own links in the browser", async () => {
    const { links } = setup();
    await links.open(MODULE_PAGE);
    expect(electronFake.openedExternally).toEqual([MODULE_PAGE]);
  });

  it.each([
    ['a URL a remote page chose', 'https://evil.test/phish'],
    ['a listed link with something appended', `${MODULE_PAGE}?next=https://evil.test`],
    ['a listed link with credentials added', MODULE_PAGE.replace('https://', 'https://x:y@')],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['mailto:', 'mailto:alice@example.com'],
    ['a custom protocol', 'ms-msdt:/id PCWDiagnostic'],
  ])('refuses %s', async (_what, url) => {
    const { links, warnings } = setup();
    const error = await refusal(links.open(url));
    expect(isConsoleError(error) && error.kind).toBe('external-link-refused');
    expect(electronFake.openedExternally).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toMatch(/phish|next=|x:y/);
  });

  it.each(['file:///tmp/help.html', 'smb://server/share', 'https://user:pw@example.com/'])(
    'refuses to be configured with %s',
    (link) => {
      expect(() => new ExternalLinks([link], { warn: () => {} })).toThrow(/external-link-refused/);
    },
  );
});
