// The mandatory reason, asked in a modal before an impersonation. Confirm hands the
// reason to `onConfirm`, which starts the session: main validates the reason, counts the
// attempt and applies every rule there, reading the target once (issue 13: no separate
// impersonation.check first, which cost a round trip and a second read of the target).
// A refusal stays in the dialog, translated; while rate limited, Confirm waits.
//
// While the dialog is open, main warms the fresh server session the start will switch
// (issue 13: the password hash is paid while the reason is typed); closing the dialog
// without a start tells main to destroy it. Main decides everything about it.
//
// The live hints (reason-hint.ts) mirror main's reason rule only as a convenience: main
// decides. Nothing is called wrong before the first keystroke.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleCallError } from '../../../src-preload/renderer-invokers';
import { RATE_LIMIT_ATTEMPTS } from '../../../src-preload/limits';
import { consoleApi } from '../api';
import { ErrorMessage } from './ErrorMessage';
import { useReasonDraft } from './reason-draft';
import { ReasonField } from './ReasonField';
import { Button, Dialog } from './ui';

export interface ReasonTarget {
  id: number;
  name: string;
  login: string;
}

export interface ReasonDialogProps {
  target: ReasonTarget;
  onClose(): void;
  /** Starts the session with this (trimmed) reason; rejects with main's refusal or error. */
  onConfirm(reason: string): Promise<void>;
  /** Attempts left this minute, when a recent answer told; null before any. */
  remainingAttempts?: number | null;
}

export function ReasonDialog({ target, onClose, onConfirm, remainingAttempts = null }: ReasonDialogProps) {
  const { t } = useTranslation();
  const ids = useId();
  const draft = useReasonDraft();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const confirmedRef = useRef(false);

  // Warm while the reason is typed; a dialog closed without a start gives it back.
  useEffect(() => {
    confirmedRef.current = false;
    void consoleApi().impersonation.prewarm({ targetId: target.id }).catch(() => undefined);
    return () => {
      if (!confirmedRef.current) void consoleApi().impersonation.cancelPrewarm().catch(() => undefined);
    };
  }, [target.id]);

  // While rate limited, another try would only count against the limit: wait first.
  useEffect(() => {
    if (waitUntil === null) return;
    const timer = setTimeout(() => setWaitUntil(null), Math.max(0, waitUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [waitUntil]);

  const canConfirm = draft.valid && !starting && waitUntil === null;
  const remaining = remainingAttempts;

  const confirm = async () => {
    draft.touch();
    if (!canConfirm) return;
    setStarting(true);
    setError(null);
    // From here the start owns the warm session (it takes it, or main destroys it): the
    // dialog, unmounted once the session is active, must not ask main to give it back.
    confirmedRef.current = true;
    try {
      await onConfirm(draft.reason.trim());
    } catch (failure) {
      // Refused or failed: the dialog stays, and a cancel gives back what main may still hold.
      confirmedRef.current = false;
      setError(failure);
      const wait = rateLimitWait(failure);
      if (wait !== null) setWaitUntil(Date.now() + wait * 1000);
    } finally {
      setStarting(false);
    }
  };

  const titleId = `${ids}-title`;
  const targetId = `${ids}-target`;
  return (
    <Dialog labelledBy={titleId} describedBy={targetId} onClose={onClose} initialFocus={draft.fieldRef} className="reason-dialog">
      <h2 id={titleId}>{t('reason.title', { name: target.name })}</h2>
      <p id={targetId} className="help">
        {t('reason.target', { name: target.name, login: target.login })}
      </p>
      <ReasonField
        label={t('reason.label')}
        draft={draft}
        onEnter={() => void confirm()}
      />
      <p className="help">
        {remaining === null ? t('reason.attemptsLimit', { limit: RATE_LIMIT_ATTEMPTS }) : t('reason.attemptsLeft', { remaining })}
      </p>
      <ErrorMessage error={error} />
      <div className="actions">
        <Button onClick={onClose}>{t('reason.cancel')}</Button>
        <Button variant="primary" disabled={!canConfirm} busy={starting} onClick={() => void confirm()}>
          {starting ? t('reason.starting') : t('reason.confirm')}
        </Button>
      </div>
    </Dialog>
  );
}

/** Seconds to wait when main refused for the rate limit, else null. */
function rateLimitWait(failure: unknown): number | null {
  if (!(failure instanceof ConsoleCallError) || failure.key !== 'rules.rateLimited') return null;
  const seconds = Number(failure.params?.seconds);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 60;
}
