// Limits both sides of the contract state, as plain values (no zod) so the
// renderer can show them without bundling the schemas. Main enforces them.

/** The hard limit of a session; Settings may lower it, never raise it. */
export const MAX_SESSION_MINUTES = 60;
