// Where a plan text is read: in the calling thread (the extension host's only one) or in the
// plan worker, and how long the worker may take. Pure decisions from measured figures; the
// adapters (src/workspace, src/worker) carry them out.
//
// Measured with test/bench/readCost.ts (`npm run bench:reading`): the time `analyzePlan` takes
// on the worst texts found per size, warm (the minimum of 15 runs), Node 20 on 2 shared cores:
//
//   text (each line repeated)             2 KB     4 KB     8 KB    16 KB    32 KB     2 MB
//   `a: b: c: d` (an error per line)       5.7     16.6     25.5     41.9     59.1     3.2 s
//   ` ]: [` (yaml's error recovery)        1.8      3.6      8.0     19.7     41.1     6.6 s
//   keys at odd indentation                3.6      7.0     16.5     28.5     40.7     0.9 s
//   flow collections `{a: [1, {b: c}]}`    2.3      5.6     13.3     22.5     46.7     3.8 s
//   60-deep `[[[...]]]` lines              2.4      4.2      9.2     24.0     46.9     3.8 s
//   valid stages with tasks                1.0      2.1      4.3      8.6     19.8     1.5 s
//   (milliseconds unless marked; the 2 MB column is one cold run)
//
// The worst text costs about 4 ms per KB at these sizes. A status change in the calling thread
// reads its result once, and a change that touches one stage twice (Block with a reason) twice;
// two reads of 4 KB stay within 50 ms with room for a slower machine. Real plans are 1 to 3 KB
// (the fixtures are 0.9-1.3 KB), so they keep the in-thread path; anything longer is read in the
// worker, where no text can hold the extension host.

/** Texts up to this many UTF-16 code units are read in the calling thread; longer ones in the worker. */
export const IN_THREAD_MAX_CHARS = 4 * 1024;

/**
 * How long the worker may take for one read of a text before it is stopped. A valid plan at
 * the 2 MB cap reads in 1.1-1.5 s on a quiet machine and took up to 5.3 s in the worker with
 * the 2 cores loaded nine deep; the worst texts take 3-7 s quiet and about 20 s inside a busy
 * extension host. Ten seconds leaves a valid plan twice what it needed under that load, and
 * bounds what any text can cost.
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
