// core's public face: what the other layers of main may use. Core is the bottom
// layer — rules, the session state machine, the ports the outside world
// implements, and the small interfaces every layer shares (clock, scheduler,
// logger, typed errors). Pure and Electron-free; see README.md for the map.
export { ConsoleError, isConsoleError, type MessageParams } from './console-error';
export { systemClock, type Clock } from './clock';
export { systemMonotonicClock, systemScheduler, type MonotonicClock, type Scheduler } from './scheduler';
export { createLogger, redact, type Logger, type LogWrite } from './logger';
export { ineligibilityReasons, isEligible, SUPERUSER_ID, type TargetFacts } from './eligibility';
export { RateLimiter, rateLimitKey } from './rate-limiter';
export { normalisedServerUrl, serverIdentityKey } from './server-identity';
export { AttemptGate, toCheckResult } from './attempt-gate';
export {
  AttemptRefusedError,
  ImpersonationSession,
  type ImpersonationSessionOptions,
  type ShutdownCause,
  type ShutdownOutcome,
  type StartContext,
} from './impersonation-session';
export type { LeftOpenSession, RecoveredSession, RecoveryPort, RecoveryReport } from './session-recovery';
export { IDLE_SESSION_VIEW } from './session-view';
export { WARM_UNUSED_MS, type RecoveredWarm } from './warm-sessions';
export * from './ports';
export * from './view-policy';
