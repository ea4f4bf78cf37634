// The console's one button. Variants: primary (the screen's main action, at most one in
// view), secondary (everything else), danger (destroys or ends something), quiet (a
// link-like action inside text or a panel). A busy button shows a spinner and cannot be
// pressed twice.
import type { ButtonHTMLAttributes, Ref } from 'react';
import { classNames } from './class-names';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({ variant = 'secondary', size = 'md', busy = false, className, type = 'button', disabled, children, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={classNames('button', `button-${variant}`, size === 'sm' && 'button-sm', className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
