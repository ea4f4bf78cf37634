// A boxed message inside a screen: information, a caution (plain http, a password kept
// in memory) or an error. `role` is the caller's: status, alert or note.
import type { AriaRole, ReactNode } from 'react';
import { classNames } from './class-names';

export type NoticeTone = 'info' | 'caution' | 'error' | 'ok';

export function Notice({ tone = 'info', role, className, children, ...rest }: { tone?: NoticeTone; role?: AriaRole; className?: string; children: ReactNode; 'aria-labelledby'?: string }) {
  return (
    <div role={role} className={classNames('notice', tone !== 'info' && `notice-${tone}`, className)} {...rest}>
      {children}
    </div>
  );
}
