// A reason being typed in one of the two reason dialogs: its text, whether the person has
// typed or tried to confirm yet (nothing is called wrong before that), the field to focus,
// and whether main's rule would take it (reason-hint.ts mirrors it; main decides).
import { useRef, useState, type RefObject } from 'react';
import { reasonFeedback } from './reason-hint';

export interface ReasonDraft {
  reason: string;
  touched: boolean;
  /** Whether main's rule would take the reason as it stands. */
  valid: boolean;
  fieldRef: RefObject<HTMLTextAreaElement | null>;
  /** A keystroke: the new text, and from now on the hints speak. */
  change(reason: string): void;
  /** A confirm was tried: the hints speak even before a keystroke. */
  touch(): void;
}

export function useReasonDraft(): ReasonDraft {
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  return {
    reason,
    touched,
    valid: reasonFeedback(reason, true).error === null,
    fieldRef,
    change: (value) => {
      setReason(value);
      setTouched(true);
    },
    touch: () => setTouched(true),
  };
}
