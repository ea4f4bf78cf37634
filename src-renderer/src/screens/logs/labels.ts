// Words for the codes the audit store keeps (outcomes, end causes, refusal
// reasons, chain breaks, stored field names). A code the console has no word
// for yet is shown as stored rather than hidden.
import type { TFunction } from 'i18next';
import type { AuditRow } from '../../../../src-preload/contract';
import { durationMessage } from './log-format';

type Exists = (key: string) => boolean;

export function outcomeLabel(t: TFunction, outcome: AuditRow['outcome']): string {
  return t(`logs.outcome.${outcome}`);
}

export function endCauseLabel(t: TFunction, cause: string | null): string {
  return cause ? t(`logs.endCause.${cause}`, { defaultValue: cause }) : '';
}

/**
 * Why an attempt was refused or failed, as stored: refusal codes joined by commas
 * ("administrator,self"), a failure code ("view-failed"), "cancelled:<end cause>", or
 * "invalid-input:<field>" (a payload the contract refused).
 */
export function refusalLabel(t: TFunction, exists: Exists, stored: string | null): string {
  if (!stored) return '';
  return stored
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '')
    .map((code) => {
      if (code.startsWith('cancelled:')) return t('logs.refusal.cancelled', { cause: endCauseLabel(t, code.slice('cancelled:'.length)) });
      if (code.startsWith('invalid-input:')) return t('logs.refusal.invalidInput', { field: code.slice('invalid-input:'.length) });
      return exists(`logs.refusal.${code}`) ? t(`logs.refusal.${code}`) : code;
    })
    .join(', ');
}

/** "Ended · Banner", "Refused · Rate limit": the outcome with how it ended or why it was refused. */
export function outcomeText(t: TFunction, exists: Exists, row: Pick<AuditRow, 'outcome' | 'endCause' | 'refusal'>): string {
  const why = row.refusal ? refusalLabel(t, exists, row.refusal) : endCauseLabel(t, row.endCause);
  return why ? `${outcomeLabel(t, row.outcome)} · ${why}` : outcomeLabel(t, row.outcome);
}

export function durationText(t: TFunction, seconds: number | null): string {
  const message = durationMessage(seconds);
  return message ? t(message.key, message.params) : '';
}

export function fieldLabel(t: TFunction, name: string): string {
  return t(`logs.field.${name}`, { defaultValue: name });
}

export function eventTypeLabel(t: TFunction, type: string): string {
  return t(`logs.eventType.${type}`, { defaultValue: type });
}

export function chainBreakLabel(t: TFunction, reason: string): string {
  return t(`logs.chain.breaks.${reason}`, { defaultValue: reason });
}

/** Where a row is known, first: this console's record, a console's entry, or Odoo's log alone. */
export function originLabel(t: TFunction, row: Pick<AuditRow, 'provenance'>): string {
  const { provenance } = row;
  if (provenance.recordedHere) return t('logs.provenance.here');
  return t(provenance.consoleEntry ? 'logs.provenance.console' : 'logs.provenance.odoo');
}

/**
 * What the sources say together, or what is wrong with this console's own record —
 * that first: a record changed outside the console matters more than the server's copy.
 */
export function standingLabel(t: TFunction, row: Pick<AuditRow, 'provenance' | 'integrity'>): { text: string; tone: 'ok' | 'caution' | 'danger' | 'muted' } | null {
  if (row.integrity === 'altered') return { text: t('logs.provenance.altered'), tone: 'danger' };
  if (row.integrity === 'unrecorded') return { text: t('logs.provenance.unrecorded'), tone: 'danger' };
  const { provenance } = row;
  if (provenance.outsideConsole) return { text: t('logs.provenance.outside'), tone: 'muted' };
  if (provenance.agreement === 'confirms') return { text: t('logs.provenance.confirms'), tone: 'ok' };
  if (provenance.agreement === 'differs') return { text: t('logs.provenance.differs'), tone: 'danger' };
  if (provenance.agreement === 'pending') return { text: t('logs.provenance.pending'), tone: 'caution' };
  return null;
}

/** The differences the server's copy has, in words ("the reason, how it ended"). */
export function differencesText(t: TFunction, differences: readonly string[]): string {
  return differences.map((code) => t(`logs.difference.${code}`, { defaultValue: code })).join(', ');
}

/** "Ada Admin (ada)": a person as every source names them. */
export function personText(t: TFunction, name: string, login: string | null): string {
  return login && login !== name ? t('logs.detail.person', { name, login }) : name;
}
