// One form field: its label, the control, a help line and an error. The control is
// rendered by the caller with the ids and ARIA links this component hands it, so any
// input, select, textarea or custom control gets the same labelling.
import { useId, type ReactNode } from 'react';
import { classNames } from './class-names';

export interface FieldControl {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  label: ReactNode;
  help?: ReactNode;
  /** Shown, and the control marked invalid, only when there is one. */
  error?: ReactNode;
  /** For a label that would repeat what the screen already shows (kept for screen readers). */
  labelHidden?: boolean;
  /** Help that the placeholder already shows (a date's pattern): said, not shown twice. */
  helpHidden?: boolean;
  id?: string;
  className?: string;
  children(control: FieldControl): ReactNode;
}

export function Field({ label, help, error, labelHidden = false, helpHidden = false, id, className, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const helpId = help ? `${controlId}-help` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={classNames('field', className)}>
      <label htmlFor={controlId} className={labelHidden ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      {children({ id: controlId, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {help && (
        <p id={helpId} className={helpHidden ? 'visually-hidden' : 'help'}>
          {help}
        </p>
      )}
    </div>
  );
}

/** A checkbox with its label beside it. */
export function Checkbox({ label, checked, onChange, help }: { label: ReactNode; checked: boolean; onChange(checked: boolean): void; help?: ReactNode }) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <label className="checkbox" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} aria-describedby={help ? `${id}-help` : undefined} onChange={(event) => onChange(event.target.checked)} />
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
    </div>
  );
}
