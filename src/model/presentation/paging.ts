// Long lists in the sidebar, a page at a time. A plan may hold thousands of stages, or
// thousands of tasks under one stage; a tree view given them all at once builds a row for each
// and freezes. A list shows a page, then a "Show more" row that adds the next page.

import * as l10n from '@vscode/l10n';

/** Rows a long list shows first, and adds each time "Show more" is chosen. */
export const PAGE_SIZE = 200;

/** How a list of `total` rows shows when `requested` rows were asked for. */
export interface ListPage {
  /** Rows shown, from the top. */
  readonly shown: number;
  /** The "Show more" row, when rows remain hidden. */
  readonly more: MoreRow | undefined;
}

export interface MoreRow {
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  /** What `requested` becomes when the row is chosen. */
  readonly nextRequested: number;
}

/**
 * The page of a list: at least one page (or all when fewer), at most everything. `requested`
 * is what the list was opened to (undefined at first); it is kept as the plan changes, so a
 * list that was opened further stays open as far.
 */
export function listPage(total: number, requested: number | undefined, pageSize: number = PAGE_SIZE): ListPage {
  const count = Math.max(0, Math.floor(total));
  const page = Math.max(1, Math.floor(pageSize));
  const shown = Math.min(count, Math.max(page, wholeOrZero(requested)));
  if (shown >= count) {
    return { shown: count, more: undefined };
  }
  const remaining = count - shown;
  const next = Math.min(remaining, page);
  const format = (value: number): string => value.toLocaleString('en-US');
  return {
    shown,
    more: {
      label: l10n.t('Show {0} more', format(next)),
      description: l10n.t('{0} of {1} shown', format(shown), format(count)),
      tooltip: next === remaining ? l10n.t('Show the remaining {0}', format(remaining)) : l10n.t('Show the next {0} of the {1} not shown yet', format(next), format(remaining)),
      nextRequested: shown + next,
    },
  };
}

/** What `requested` must become for the row at `index` to show (revealing a row beyond the page). */
export function requestedToShow(index: number, requested: number | undefined, pageSize: number = PAGE_SIZE): number {
  const page = Math.max(1, Math.floor(pageSize));
  const current = Math.max(page, wholeOrZero(requested));
  if (index < current) {
    return current;
  }
  // Whole pages, so the list grows as "Show more" would have grown it.
  return (Math.floor(index / page) + 1) * page;
}

function wholeOrZero(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? Math.floor(value) : 0;
}
