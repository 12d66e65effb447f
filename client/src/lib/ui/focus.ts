import type { Attachment } from 'svelte/attachments';

/** Moves keyboard focus to the element when it appears, for keyboard-first screens. */
export const focusOnMount: Attachment<HTMLElement> = (element) => {
  element.focus();
};
