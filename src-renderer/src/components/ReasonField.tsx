// The one-line reason field of both reason dialogs (the impersonation's, and Allow
// changes'): the live hint and the count mirror main's rule (reason-hint.ts); main
// decides. Enter never adds a line break: a reason is one line.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReasonDraft } from './reason-draft';
import { REASON_MAX, reasonFeedback, reasonLength } from './reason-hint';
import { Field } from './ui';

export interface ReasonFieldProps {
  label: string;
  /** The dialog's reason as it is typed (useReasonDraft). */
  draft: ReasonDraft;
  /** What Enter does, if anything beyond not breaking the line. */
  onEnter?(): void;
}

export function ReasonField({ label, draft, onEnter }: ReasonFieldProps) {
  const { reason, touched, fieldRef } = draft;
  const { t } = useTranslation();
  const feedback = reasonFeedback(reason, touched);
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    onEnter?.();
  };
  return (
    <Field
      label={label}
      error={feedback.error && t(feedback.error.key, feedback.error.params)}
      help={
        <>
          {t(feedback.help.key, feedback.help.params)}{' '}
          <span className="reason-count">{t('reason.count', { length: reasonLength(reason), max: REASON_MAX })}</span>
        </>
      }
    >
      {(control) => <textarea {...control} ref={fieldRef} rows={3} value={reason} onChange={(event) => draft.change(event.target.value)} onKeyDown={onKeyDown} />}
    </Field>
  );
}
