// Runs inside the real extension host as the window's extensionTestsPath (see activation.mjs):
// activates the reference extension and this one, in the order the round asks for, and writes
// how long each `activate()` took, module loading included. Nothing else in the window
// activates either: the folder has no plan and the reference declares no activation events.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

const EXTENSIONS = { extension: 'genai-lifecycle-tools.genai-lifecycle', reference: 'genai-lifecycle-bench.activation-reference' } as const;
type Which = keyof typeof EXTENSIONS;

async function timeActivation(which: Which): Promise<number> {
  const extension = vscode.extensions.getExtension(EXTENSIONS[which]);
  if (!extension) {
    throw new Error(`${EXTENSIONS[which]} is not loaded in this host`);
  }
  if (extension.isActive) {
    throw new Error(`${EXTENSIONS[which]} was already active: the measurement would be empty`);
  }
  const started = performance.now();
  await extension.activate();
  return performance.now() - started;
}

export async function run(): Promise<void> {
  const resultsFile = process.env.GENAI_LIFECYCLE_BENCH_RESULTS;
  if (!resultsFile) {
    throw new Error('GENAI_LIFECYCLE_BENCH_RESULTS is not set: run through `npm run bench`');
  }
  const round = Number(process.env.GENAI_LIFECYCLE_BENCH_ROUND_FILE ? fs.readFileSync(process.env.GENAI_LIFECYCLE_BENCH_ROUND_FILE, 'utf8') : 0);
  // Alternate who goes first, so neither always pays for warming the host up.
  const order: Which[] = round % 2 === 0 ? ['reference', 'extension'] : ['extension', 'reference'];
  const result: Partial<Record<Which, number>> = {};
  for (const which of order) {
    result[which] = await timeActivation(which);
  }
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.appendFileSync(resultsFile, `${JSON.stringify({ round, ...result })}\n`);
}
