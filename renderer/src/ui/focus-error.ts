/**
 * Brings the first error of a form into view and puts the cursor on it: the first invalid field
 * (`aria-invalid`, or an input inside a Field showing an error), else the first error box. Saving a
 * long form with an error far below the fold otherwise looks like nothing happened.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const INVALID_FIELD = [
  '[aria-invalid="true"]',
  '.field-invalid input:not([type="hidden"])',
  '.field-invalid select',
  '.field-invalid textarea',
].join(', ');
const ERROR_BOX = '.error-box, [data-error-anchor]';

/** Focuses and scrolls to the first error inside `container`; false when there is none. */
export function focusFirstError(container: ParentNode | null | undefined): boolean {
  if (!container) return false;
  const target = container.querySelector<HTMLElement>(INVALID_FIELD) ?? container.querySelector<HTMLElement>(ERROR_BOX);
  if (!target) return false;
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center', inline: 'nearest' });
  return true;
}

/**
 * `ref` goes on the form's root element; `request()` after showing errors focuses the first one
 * once React has rendered them.
 */
export function useErrorFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (tick) focusFirstError(ref.current);
  }, [tick]);
  const request = useCallback(() => setTick((n) => n + 1), []);
  return { ref, request };
}
