// The rules of the impersonation view, Electron-free: where it may go and which
// of its requests may reach the server. shell/remote-view-guards.ts applies them
// to the desktop view; the harness's proxy applies them to its stand-in.
export { OriginPolicy, originForLog } from './origin-policy';
export {
  CHANGES_ALLOWED,
  decideNavigation,
  decideRequest,
  decideViewRequest,
  QUIET_ANSWER_PATH,
  quietAnswerUrl,
  READ_ONLY,
  type RequestVerdict,
  type ViewAccess,
  type ViewActivity,
  viewActivity,
} from './view-decisions';
export { describeViewCall, MAX_CALL_IDS, type ViewCall, type ViewCallKind } from './view-call';
export { readOnlyVerdict, type ReadOnlyVerdict } from './read-only-allowlist';
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
