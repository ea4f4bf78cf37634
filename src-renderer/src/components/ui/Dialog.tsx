// A modal on the platform's own <dialog> and showModal(): the browser keeps focus inside,
// makes the rest of the page inert and turns Escape into a "cancel" the owner decides
// about. Mounted means open: the owner renders it to open it and stops rendering it to
// close it; focus then returns to where it was.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { classNames } from './class-names';

export interface DialogProps {
  labelledBy: string;
  describedBy?: string;
  /** Escape, or the owner's own Cancel: the owner unmounts the dialog. */
  onClose(): void;
  /** What gets focus when the dialog opens (the platform picks the first control otherwise). */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}

export function Dialog({ labelledBy, describedBy, onClose, initialFocus, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault(); // the owner closes it, so that its state and the DOM agree
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [initialFocus]);

  return (
    <dialog ref={ref} className={classNames('dialog', className)} aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {children}
    </dialog>
  );
}
