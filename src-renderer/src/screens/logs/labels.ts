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
