// The effort roll-up as one line, for the status bar, the report and the advisor's views:
// "3 stages open · up to Medium-High expertise · longest: minutes to hours".

import type { EffortRollup } from '../domain/effortRollup';

/** Parts the roll-up could not rank are left out rather than guessed. */
export function effortSummary(rollup: EffortRollup): string {
  const open = rollup.open.length;
  if (open === 0) {
    return 'All stages finished';
  }
  const parts = [`${open} ${open === 1 ? 'stage' : 'stages'} open`];
  if (rollup.expertise) {
    parts.push(`up to ${rollup.expertise.label} expertise`);
  }
  if (rollup.longest) {
    parts.push(`longest: ${rollup.longest.label.toLowerCase()}`);
  }
  return parts.join(' · ');
}
