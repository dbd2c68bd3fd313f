// A fixture's report: mocha's reporter output and the figures suites measure, kept for the
// harness to print (an extension host's console does not reach it) and shown on the console.
// Plain JS, so it works in the Node extension host and in the web worker one.

let collected: string[] | undefined;

/** Adds a line to the report, with console.log's placeholders (%s, %d, %j...) as mocha uses them. */
export function report(...args: unknown[]): void {
  const line = formatLogArguments(args);
  collected?.push(line);
  console.log(line);
}

/** Starts a report; the returned function ends it and gives its lines. */
export function startReport(): () => string[] {
  const lines: string[] = [];
  collected = lines;
  return () => {
    collected = undefined;
    return lines;
  };
}

/** What console.log would print for these arguments (the subset of util.format mocha's reporters use). */
export function formatLogArguments(args: readonly unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string') {
    return args.map(String).join(' ');
  }
  const remaining = [...rest];
  const formatted = first.replace(/%([sdifjoO%])/g, (placeholder: string, letter: string) => {
    if (letter === '%') {
      return '%';
    }
    if (remaining.length === 0) {
      return placeholder;
    }
    const value = remaining.shift();
    switch (letter) {
      case 'd':
      case 'i':
        return String(letter === 'i' ? Math.trunc(Number(value)) : Number(value));
      case 'f':
        return String(Number(value));
      case 'j':
      case 'o':
      case 'O':
        return JSON.stringify(value);
      default:
        return String(value);
    }
  });
  return [formatted, ...remaining.map(String)].join(' ');
}
