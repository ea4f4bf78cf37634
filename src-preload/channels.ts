// Channel names of the one contract between the UI and main, as plain values
// (no zod) so that the sandboxed preload and the renderer can import them
// without pulling in the schemas. contract.ts checks at compile time that every
// name here has its schema there, and the other way round.

export const methodChannels = [
  'app:info',
  'app:notices',
  'settings:get',
  'settings:set',
  'connections:list',
  'connections:save',
  'connections:remove',
  'connections:databases',
  'connections:test',
  'connections:connect',
  'connections:disconnect',
  'connections:status',
  'connections:setChangesFromStart',
  'connections:freezeBaseUrl',
  'users:search',
  'impersonation:attempts',
  'impersonation:check',
  'impersonation:prewarm',
  'impersonation:cancelPrewarm',
  'impersonation:start',
  'impersonation:stop',
  'impersonation:current',
  'impersonation:setViewBounds',
  'impersonation:allowChanges',
  'audit:list',
  'audit:search',
  'audit:session',
  'audit:verify',
  'audit:export',
  'audit:sync',
  'audit:syncStatus',
  'audit:stats',
  'audit:timeline',
  'audit:exportSession',
] as const;

export type MethodChannel = (typeof methodChannels)[number];

/** Events main pushes to the UI: subscription name → channel. */
export const eventChannels = {
  sessionState: 'event:session-state',
  countdown: 'event:countdown',
  syncProgress: 'event:sync-progress',
  settingsChanged: 'event:settings-changed',
  notice: 'event:notice',
  viewRefused: 'event:view-refused',
} as const;

export type EventName = keyof typeof eventChannels;
