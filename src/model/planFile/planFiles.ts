// Which markdown files count as plans, decided by the `genaiLifecycle.hover.planFilePatterns`
// globs. Matched here rather than with VS Code's glob support because that is case-sensitive
// on Linux, and `PLAN.md`, `Plan.md` and `plan.md` should all count. The globs are picomatch's,
// through its posix entry: `/`-separated paths, no platform sniffing and no Node built-in, so
// the model still bundles for a browser.
import picomatch from 'picomatch/posix';

export const DEFAULT_PLAN_FILE_PATTERNS: readonly string[] = ['**/PLAN.md', '**/*plan*.md', '**/docs/plans/**/*.md'];

/** Whether a workspace-relative path (either separator) is a plan file by the compiled patterns. */
export type PlanFileMatcher = (relativePath: string) => boolean;

const GLOB_OPTIONS: picomatch.PicomatchOptions = {
  nocase: true,
  // `*` and `**` also match names that start with a dot, so `.github/PLAN.md` is a plan.
  dot: true,
  // Bash's bracket syntax: `[!ab]` negates a set, and `[[:digit:]]`-style classes work.
  posix: true,
};

/**
 * Compiles patterns once. A pattern starting with `!` (not an extglob's `!(...)`) excludes what
 * the others match. Backslashes count as `/` and a leading `./` is dropped, as in the paths.
 * Entries that are not strings, empty or rejected by picomatch are skipped, not fatal.
 */
export function compilePlanFilePatterns(patterns: readonly unknown[]): PlanFileMatcher {
  const included: picomatch.Matcher[] = [];
  const excluded: picomatch.Matcher[] = [];
  for (const entry of patterns) {
    if (typeof entry !== 'string') {
      continue;
    }
    const trimmed = entry.trim();
    const excludes = trimmed.startsWith('!') && !trimmed.startsWith('!(');
    const glob = normalized(excludes ? trimmed.slice(1) : trimmed);
    if (glob === '') {
      continue;
    }
    try {
      (excludes ? excluded : included).push(picomatch(glob, GLOB_OPTIONS));
    } catch {
      // Picomatch refuses a pattern over its length limit: ignore this one.
    }
  }
  return (relativePath) => {
    const path = normalized(relativePath);
    return included.some((matches) => matches(path)) && !excluded.some((matches) => matches(path));
  };
}

/** `/` separators, no leading `/` or `./`. */
function normalized(pathOrGlob: string): string {
  return pathOrGlob.replace(/\\/g, '/').replace(/^(?:\.?\/)+/, '');
}
