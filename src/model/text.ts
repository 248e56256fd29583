/**
 * Every user-facing text exists in both languages, in one shape everywhere:
 * metric and parameter tables, playbook thresholds, validation problems,
 * notices and the UI's own messages.
 */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export const bilingual = (en: string, zh: string): Bilingual => ({ en, zh });
