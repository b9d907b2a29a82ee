/** What a key press asks the player to do. */
export type ShortcutAction = 'toggle-play' | 'toggle-mute' | 'toggle-fullscreen';

/** Elements that take typing: their keys are the viewer's text, never shortcuts. */
function takesText(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && target.type !== 'range' && target.type !== 'checkbox' && target.type !== 'radio';
}

/**
 * The player's keyboard shortcuts, as video sites have them: Space or K plays and pauses, M mutes,
 * F toggles full screen. Keys typed into a field (the chat) and keys with Ctrl/Alt/Meta are left
 * alone, and Space on a button presses that button instead.
 */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return null;
  const target = event.composedPath()[0];
  if (takesText(target)) return null;
  switch (event.key) {
    case ' ':
      return target instanceof HTMLButtonElement ? null : 'toggle-play';
    case 'k':
    case 'K':
      return 'toggle-play';
    case 'm':
    case 'M':
      return 'toggle-mute';
    case 'f':
    case 'F':
      return 'toggle-fullscreen';
    default:
      return null;
  }
}
