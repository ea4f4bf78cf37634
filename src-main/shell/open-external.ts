// The one wrapper around shell.openExternal (docs/style.md, SS-6). It opens only
// links the console itself ships (help pages, the OCA module's page), named in
// a list given at start-up: a URL that came from the remote Odoo page, or any
// other URL, is refused and logged, so no page can make the desktop open
// something by going through here.
import { shell } from 'electron';
import { ConsoleError, originForLog, type Logger } from '../core';

function webUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    const web = parsed.protocol === 'https:' || parsed.protocol === 'http:';
    return web && !parsed.username && !parsed.password ? parsed : null;
  } catch {
    return null;
  }
}

function refused(): ConsoleError {
  return new ConsoleError('external-link-refused', 'errors.externalLinkRefused');
}

export class ExternalLinks {
  private readonly allowed: ReadonlySet<string>;

  /** `consoleLinks`: every URL the console may open, each http(s) without credentials. */
  constructor(
    consoleLinks: readonly string[],
    private readonly logger: Pick<Logger, 'warn'>,
  ) {
    this.allowed = new Set(
      consoleLinks.map((link) => {
        const parsed = webUrl(link);
        if (!parsed) throw refused();
        return parsed.href;
      }),
    );
  }

  /** Opens `url` in the user's browser if it is one of the console's own links. */
  async open(url: string): Promise<void> {
    const parsed = webUrl(url);
    if (!parsed || !this.allowed.has(parsed.href)) {
      this.logger.warn('external-link.refused', { target: originForLog(url) });
      throw refused();
    }
    await shell.openExternal(parsed.href);
  }
}
