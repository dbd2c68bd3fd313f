// Which markdown files count as plans, decided by the `genaiLifecycle.hover.planFilePatterns`
// globs. Matched here rather than with VS Code's glob support because that is case-sensitive
// on Linux, and `PLAN.md`, `Plan.md` and `plan.md` should all count.

export const DEFAULT_PLAN_FILE_PATTERNS: readonly string[] = ['**/PLAN.md', '**/*plan*.md', '**/docs/plans/**/*.md'];

/**
 * A case-insensitive regex for a glob over `/`-separated relative paths. Supports `**` (any
 * number of folders), `*` and `?` within one path segment, `{a,b}` alternatives and `[...]`
 * character sets.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braceDepth = 0;
  const pattern = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '*') {
      if (pattern[index + 1] === '*') {
        const atSegmentStart = index === 0 || pattern[index - 1] === '/';
        const slashAfter = pattern[index + 2] === '/';
        if (atSegmentStart && slashAfter) {
          source += '(?:[^/]*/)*'; // `**/`: zero or more folders.
          index += 2;
        } else {
          source += '.*';
          index += 1;
        }
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      braceDepth++;
      source += '(?:';
    } else if (char === '}' && braceDepth > 0) {
      braceDepth--;
      source += ')';
    } else if (char === ',' && braceDepth > 0) {
      source += '|';
    } else if (char === '[') {
      const close = pattern.indexOf(']', index + 2);
      if (close < 0) {
        source += '\\[';
      } else {
        const body = pattern.slice(index + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        index = close;
      }
    } else {
      source += char.replace(/[.+^$()|\]\\]/g, '\\$&');
    }
  }
  source += ')'.repeat(braceDepth); // Forgive an unclosed brace.
  return new RegExp(`^${source}$`, 'i');
}

/** Compiles patterns once; invalid ones are skipped rather than breaking the rest. */
export function compileGlobs(patterns: readonly unknown[]): readonly RegExp[] {
  const compiled: RegExp[] = [];
  for (const pattern of patterns) {
    if (typeof pattern !== 'string' || pattern.trim() === '') {
      continue;
    }
    try {
      compiled.push(globToRegExp(pattern));
    } catch {
      // A malformed character set: ignore this pattern.
    }
  }
  return compiled;
}

/** Whether a workspace-relative path (either separator) matches any compiled glob. */
export function matchesAnyGlob(relativePath: string, globs: readonly RegExp[]): boolean {
  const path = relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
  return globs.some((glob) => glob.test(path));
}
