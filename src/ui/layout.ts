/**
 * The lab's one layout break: at this width and below the results stack under
 * the editor (not beside it), so the editor's sections start closed and a
 * result bar stays at the top of the screen.
 */
export const STACKED = '(max-width: 60rem)';
