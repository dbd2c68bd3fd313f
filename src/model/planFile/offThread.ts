// Where a plan text is read: in the calling thread (the extension host's only one) or in the
// plan worker, and how long the worker may take. Pure decisions from measured figures; the
// adapters (src/workspace, src/worker) carry them out.
//
// Measured with test/bench/readCost.ts (`npm run bench:reading`): `analyzePlan` on the worst
// texts found, each a line repeated to the size; warm, the minimum of 15 runs, in ms; the 2 MB
// column is one run. Node 20, 2 shared cores (load average about 5; one figure that the load
// blew up, odd indentation at 16 KB, is an earlier run's):
//
//   text (each line repeated)            2 KB   4 KB   8 KB  16 KB  32 KB    2 MB
//   `a: b: c: d` (an error per line)      5.3   10.7   22.1   31.9   50.3   3.5 s
//   ` ]: [` (yaml's error recovery)       2.4    3.7    7.3   16.7   35.5   4.9 s
//   keys at odd indentation               3.5    6.8   13.8   28.5   52.4   1.9 s
//   unknown keys at the top level         1.5    3.1    7.5   12.9   27.8   8.9 s
//   60-deep `[[...]]` lines               2.0    3.9   14.4   21.8   48.6   9.0 s
//   flow items `{a: [1, {b: c}]}`         2.3    4.7   10.2   27.1   55.0  12.5 s
//   valid: stages with a task each        1.0    1.9    3.7    7.8   16.7   1.2 s
//   valid: one stage, many tasks          0.7    1.4    2.6    5.8   12.4   0.9 s
//
// The worst text costs 2.5-3 ms per KB. A change made in the calling thread reads its result
// once, and a change that touches one stage twice (Block with a reason) twice, and all of it
// must stay within 50 ms: two reads of the worst 8 KB text take 44 ms, of 4 KB 21 ms, which
// leaves room for a slower machine and code not yet compiled. Real plans are 1 to 4 KB (the
// fixtures 0.9-1.3 KB, five stages of ten tasks 3.9 KB), so they keep the in-thread path;
// anything longer is read in the worker, where no text can hold the extension host.

/** Texts up to this many UTF-16 code units are read in the calling thread; longer ones in the worker. */
export const IN_THREAD_MAX_CHARS = 4 * 1024;

/**
 * How long the worker may take for one read of a text before it is stopped. A valid plan at
 * the 2 MB cap reads in 0.9-1.4 s on this machine when quiet, and took up to 5.3 s in the worker
 * with the 2 cores loaded nine deep; the worst texts take 5-13 s quiet (above) and about 20 s
 * inside a busy extension host. Ten seconds leaves a valid plan about twice what it needed under
 * that load, and bounds what any text can cost.
 */
export const READ_DEADLINE_MS = 10_000;

/** Whether `text` is read in the calling thread (true) or in the plan worker. */
export function readsInThread(text: string): boolean {
  return text.length <= IN_THREAD_MAX_CHARS;
}

/**
 * The deadline of a worker request that reads `reads` texts (a read is one; an edit reads its
 * result once per round, and once more when the worker no longer holds the text it starts from).
 */
export function deadlineFor(reads: number): number {
  return READ_DEADLINE_MS * Math.max(1, reads);
}

/** The deadline in whole seconds, as messages say it. */
export function deadlineSeconds(deadlineMs: number): number {
  return Math.max(1, Math.round(deadlineMs / 1000));
}
