/** The library's questions to the user (names, notes, overwriting), as the browser's prompts in the reader's language. */
import type { Scenario } from '../model/scenario.ts';
import { scenarioText } from '../model/text.ts';
import { langOf, type Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import type { LibraryNames } from './controllers/library-controller.ts';

export function libraryPrompts(locale: () => Locale, current: () => Scenario): LibraryNames {
  return {
    copyOf: (name) => t(locale(), 'copyOf', { name }),
    keptBeforeOpening: (name) => t(locale(), 'keptBeforeOpening', { name }),
    shownName: (draft) => scenarioText(draft, langOf(locale())).name || scenarioText(current(), langOf(locale())).name,
    askNewName: (name) => prompt(t(locale(), 'renamePrompt'), name),
    askSaveAsName: (suggested) => prompt(t(locale(), 'saveAsPrompt'), suggested),
    askFreeName: (taken, suggested) => prompt(t(locale(), 'nameTaken', { name: taken }), suggested),
    askNotes: (notes) => prompt(t(locale(), 'notesPrompt'), notes),
    confirmOverwrite: (name) => confirm(t(locale(), 'confirmOverwrite', { name })),
  };
}
