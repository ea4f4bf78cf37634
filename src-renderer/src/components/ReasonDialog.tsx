// The mandatory reason, asked in a modal before an impersonation. It asks main's
// impersonation.check (which validates the reason, counts the attempt and applies
// every rule) and hands an allowed reason to `onConfirmed`: the caller decides what
// follows (today a notice; with the session feature, the start itself).
//
// The live hints (reason-hint.ts) mirror main's reason rule only as a convenience: main decides.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../../src-preload/contract';
import { RATE_LIMIT_ATTEMPTS } from '../../../src-preload/limits';
import { consoleApi } from '../api';
import { ErrorMessage } from './ErrorMessage';
import { REASON_MAX, reasonHint, reasonLength } from './reason-hint';
import './reason-dialog.css';

export interface ReasonTarget {
  id: number;
  name: string;
  login: string;
}

export interface ReasonDialogProps {
  target: ReasonTarget;
  onClose(): void;
  /** Main allowed the attempt with this (trimmed) reason. */
  onConfirmed(reason: string): void;
  /** Attempts left this minute, when a recent answer told; null before any. */
  remainingAttempts?: number | null;
  /** Every answer of main's check, allowed or not (to keep the remaining count). */
  onChecked?(result: CheckResult): void;
}

const FOCUSABLE = 'button:not([disabled]), textarea:not([disabled]), input:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

export function ReasonDialog({ target, onClose, onConfirmed, remainingAttempts = null, onChecked }: ReasonDialogProps) {
  const { t } = useTranslation();
  const ids = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);

  // Focus moves into the dialog and back to where it was when the dialog closes.
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    fieldRef.current?.focus();
    return () => previous?.focus();
  }, []);

  // While rate limited, another try would only count against the limit: wait first.
  useEffect(() => {
    if (waitUntil === null) return;
    const timer = setTimeout(() => setWaitUntil(null), Math.max(0, waitUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [waitUntil]);

  const hint = reasonHint(reason);
  const canConfirm = hint === null && !checking && waitUntil === null;
  const remaining = result?.remainingAttempts ?? remainingAttempts;

  const confirm = async () => {
    if (!canConfirm) return;
    setChecking(true);
    setError(null);
    try {
      const answer = await consoleApi().impersonation.check({ targetId: target.id, reason });
      setResult(answer);
      onChecked?.(answer);
      if (answer.retryAfterSeconds !== null) setWaitUntil(Date.now() + answer.retryAfterSeconds * 1000);
      if (answer.allowed) onConfirmed(reason.trim());
    } catch (failure) {
      setError(failure);
    } finally {
      setChecking(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab') {
      // Focus trap: Tab and Shift+Tab cycle within the dialog.
      const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  const onFieldKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // A reason is one line (main refuses newlines): Enter confirms instead.
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void confirm();
    }
  };

  const titleId = `${ids}-title`;
  const fieldId = `${ids}-reason`;
  const hintId = `${ids}-hint`;
  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className="reason-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{t('reason.title', { name: target.name })}</h2>
        <p className="reason-target">{t('reason.target', { name: target.name, login: target.login })}</p>
        <label htmlFor={fieldId}>{t('reason.label')}</label>
        <textarea
          ref={fieldRef}
          id={fieldId}
          rows={3}
          value={reason}
          aria-describedby={hintId}
          aria-invalid={hint !== null && reason.length > 0}
          onChange={(event) => setReason(event.target.value)}
          onKeyDown={onFieldKeyDown}
        />
        <p id={hintId} className={hint ? 'reason-hint reason-hint-invalid' : 'reason-hint'}>
          {hint ? t(hint.key, hint.params) : t('reason.hint.ok')}{' '}
          <span className="reason-count">{t('reason.count', { length: reasonLength(reason), max: REASON_MAX })}</span>
        </p>
        <p className="reason-attempts">
          {remaining === null ? t('reason.attemptsLimit', { limit: RATE_LIMIT_ATTEMPTS }) : t('reason.attemptsLeft', { remaining })}
        </p>
        {result && !result.allowed && result.refusal && (
          <p className="reason-refusal" role="alert">
            {t(result.refusal.key, result.refusal.params)}
          </p>
        )}
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('reason.cancel')}
          </button>
          <button type="button" className="primary" disabled={!canConfirm} onClick={() => void confirm()}>
            {checking ? t('reason.checking') : t('reason.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
