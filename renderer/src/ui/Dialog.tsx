/**
 * A modal dialog on the native <dialog> element (focus trap, Esc to close, backdrop). It opens with
 * the cursor in its first field (the browser alone would put it on "×"), or on its first safe
 * button when it has no field. × and Esc ask first when a form inside has unsaved edits.
 */
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { UnsavedContext, useUnsavedRegistry } from './unsaved';

export interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom, right-aligned. */
  footer?: ReactNode;
  wide?: boolean;
}

const FIELD = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';
const visible = (e: HTMLElement) => e.getClientRects().length > 0;

/** Where the cursor goes when the dialog opens: first field, else first non-destructive footer button. */
export function initialFocus(dialog: HTMLElement): HTMLElement | undefined {
  const fields = [...dialog.querySelectorAll<HTMLElement>(`.dialog-body :is(${FIELD})`)].filter(visible);
  if (fields[0]) return fields[0];
  const buttons = [...dialog.querySelectorAll<HTMLElement>('.dialog-footer button:not([disabled]), .dialog-body button:not([disabled])')].filter(visible);
  return buttons.find((b) => !/\bbtn-danger\b/.test(b.className)) ?? buttons[0];
}

export function Dialog({ open, title, onClose, children, footer, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const parent = useUnsavedRegistry();
  const scope = useMemo(() => parent.scope(), [parent]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      initialFocus(el)?.focus();
    }
    if (!open && el.open) el.close();
  }, [open]);
  if (!open) return null;
  const close = () => void scope.confirmLeave().then((ok) => ok && onClose());
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <header className="dialog-header">
        <h2>{title}</h2>
        <button type="button" className="btn-icon" aria-label="Đóng" title="Đóng" onClick={close}>
          ×
        </button>
      </header>
      <UnsavedContext.Provider value={scope}>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-footer">{footer}</footer>}
      </UnsavedContext.Provider>
    </dialog>
  );
}
