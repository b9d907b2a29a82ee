/** What Tab can reach inside a dialog's shadow root. */
const TABBABLE =
  'button:not(:disabled), input:not(:disabled):not([type="hidden"]), textarea:not(:disabled), select:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])';

/** The controls of `root` that Tab reaches, in document order, skipping hidden ones. */
export function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((element) => {
    // A radio group is one Tab stop: only its checked radio (or the first, when none is) counts.
    if (element instanceof HTMLInputElement && element.type === 'radio' && element.name) {
      const group = [...root.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${element.name}"]:not(:disabled)`)];
      const stop = group.find((radio) => radio.checked) ?? group[0];
      if (stop !== element) return false;
    }
    return element.getClientRects().length > 0;
  });
}

/**
 * Keeps Tab inside a modal dialog rendered in `root`: from the last control to the first and back,
 * and back in when focus somehow left. Call from the dialog's `keydown` handler.
 */
export function trapTab(event: KeyboardEvent, root: ShadowRoot): void {
  if (event.key !== 'Tab') return;
  const stops = tabbables(root);
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = root.activeElement;
  const inside = active instanceof HTMLElement && stops.includes(active);
  if (!inside) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  } else if (event.shiftKey && active === first) {
    event.preventDefault();
    last.focus();
  }
}

/**
 * The keys every modal sheet here answers: Escape closes it (and stops there, so an outer dialog stays
 * open), Tab stays inside. Call from the sheet's `keydown` handler.
 */
export function handleModalKeys(event: KeyboardEvent, root: ShadowRoot, close: () => void): void {
  if (event.key === 'Escape') {
    event.stopPropagation();
    close();
    return;
  }
  trapTab(event, root);
}
