// impersonation:* — the UI asks; main decides (rules, session, deadline).
import type { ConsoleHandlers, ViewBounds } from '../../src-preload/contract';
import type { ImpersonationService } from './impersonation-service';

type ImpersonationChannel =
  | 'impersonation:attempts'
  | 'impersonation:check'
  | 'impersonation:prewarm'
  | 'impersonation:cancelPrewarm'
  | 'impersonation:start'
  | 'impersonation:stop'
  | 'impersonation:current'
  | 'impersonation:setViewBounds'
  | 'impersonation:allowChanges';

export function impersonationHandlers(
  impersonation: ImpersonationService,
  placeView: (bounds: ViewBounds) => void,
): Pick<ConsoleHandlers, ImpersonationChannel> {
  return {
    'impersonation:attempts': () => impersonation.attempts(),
    'impersonation:check': (request) => impersonation.check(request),
    'impersonation:prewarm': async (request) => ({ warm: await impersonation.prewarm(request.targetId) }),
    'impersonation:cancelPrewarm': async () => {
      await impersonation.cancelPrewarm();
      return { ok: true };
    },
    'impersonation:start': (request) => impersonation.start(request),
    // The UI's Stop is the banner's; the tray calls the service with 'tray' itself.
    'impersonation:stop': () => impersonation.stop('banner'),
    'impersonation:current': () => impersonation.current(),
    'impersonation:allowChanges': ({ reason }) => impersonation.allowChanges(reason),
    'impersonation:setViewBounds': (bounds) => {
      placeView(bounds);
      return { ok: true };
    },
  };
}
