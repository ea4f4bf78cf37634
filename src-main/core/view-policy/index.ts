// The rules of the impersonation view, Electron-free: where it may go and which
// of its requests may reach the server. shell/remote-view-guards.ts applies them
// to the desktop view; the harness's proxy applies them to its stand-in.
export { OriginPolicy, originForLog } from './origin-policy';
export { decideNavigation, decideRequest } from './view-decisions';
export { decideFrameNavigation, PDF_VIEWER_ORIGIN, type FrameKind } from './frame-rules';
export {
  ALLOW,
  NO_BODY,
  refuse,
  type NavigationKind,
  type RefusalKind,
  type ViewDecision,
  type ViewRequest,
  type ViewRequestBody,
} from './view-request';
