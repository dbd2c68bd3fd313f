// The effort roll-up as one line, for the status bar, the report and the advisor's views:
// "3 stages open · up to Medium-High expertise · longest: minutes to hours".

import * as l10n from '@vscode/l10n';
import type { EffortRollup } from '../domain/effortRollup';

/** Parts the roll-up could not rank are left out rather than guessed. */
export function effortSummary(rollup: EffortRollup): string {
  const open = rollup.open.length;
  if (open === 0) {
    return l10n.t('All stages finished');
  }
  const parts = [open === 1 ? l10n.t('1 stage open') : l10n.t('{0} stages open', open)];
  if (rollup.expertise) {
    parts.push(l10n.t('up to {0} expertise', rollup.expertise.label));
  }
  if (rollup.longest) {
    parts.push(l10n.t('longest: {0}', rollup.longest.label.toLowerCase()));
  }
  return parts.join(' · ');
}
