// Which translations the model's strings use. The model's prose goes through l10n.t, keyed by
// its English text, which is also what it returns with no bundle configured. The extension configures the bundle
// VS Code loaded for its display language at activation, and sends the same bundle to every
// plan worker it starts (a worker thread or Web Worker is a separate module instance, where
// nothing is configured until it is told).

import * as l10n from '@vscode/l10n';

/** A translation bundle: English text (the key) to its translation; what `vscode.l10n.bundle` holds. */
export type TranslationBundle = Readonly<Record<string, string>>;

/** Uses `bundle` for every later translation; undefined or empty goes back to the English text. */
export function configureTranslations(bundle: TranslationBundle | undefined): void {
  l10n.config({ contents: { ...bundle } });
}
