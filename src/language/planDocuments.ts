import * as vscode from 'vscode';
import { compilePlanFilePatterns, DEFAULT_PLAN_FILE_PATTERNS, type PlanFileMatcher } from '../model/planFile/planFiles';
import { Disposable } from '../util/disposable';
import { CONFIG_SECTION } from '../workspace/config';
import type { FolderPlan, PlanStore } from '../workspace/planStore';

/** How long a provider waits for the store to parse the latest keystrokes before answering anyway. */
const SETTLE_TIMEOUT_MS = 2000;

/** Compiled pattern lists kept per distinct setting value; settings rarely take more than a couple. */
const MAX_CACHED_PATTERN_SETS = 8;

/**
 * Tells the language features which documents are plans (the plan file of a folder, or a
 * markdown plan by the `hover.planFilePatterns` setting), and lets them wait until the store
 * has parsed what was just typed, so positions they return match the text. The store stays
 * the only parser: this only watches its events.
 */
export class PlanDocuments extends Disposable {
  /** Plan files edited since the store last reported them, keyed by URI; resolved on its next report. */
  private readonly pending = new Map<string, { readonly settled: Promise<void>; readonly resolve: () => void }>();
  private readonly planFileMatchers = new Map<string, PlanFileMatcher>();

  constructor(private readonly store: PlanStore) {
    super();
    this.register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.store.forDocument(event.document.uri)) {
          this.markPending(event.document.uri.toString());
        }
      }),
    );
    this.register(store.onDidChange((folderPlan) => this.resolvePending(folderPlan.uri.toString())));
    this.register({ dispose: () => [...this.pending.keys()].forEach((key) => this.resolvePending(key)) });
  }

  /** The folder plan whose plan file this document is. */
  /** Resolves once the store has read every folder's plan at least once. */
  get ready(): Promise<void> {
    return this.store.ready;
  }

  planOf(document: vscode.TextDocument): FolderPlan | undefined {
    return this.store.forDocument(document.uri);
  }

  /** Like `planOf`, after the store has caught up with the document's latest edits (or a timeout). */
  async settledPlanOf(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<FolderPlan | undefined> {
    const pending = this.pending.get(document.uri.toString());
    if (pending) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let cancelListener: vscode.Disposable | undefined;
      await Promise.race([
        pending.settled,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, SETTLE_TIMEOUT_MS);
          cancelListener = token.onCancellationRequested(() => resolve());
        }),
      ]);
      clearTimeout(timer);
      cancelListener?.dispose();
    }
    return token.isCancellationRequested ? undefined : this.planOf(document);
  }

  /** Whether hovers are turned on for this document's folder. */
  hoverEnabled(document: vscode.TextDocument): boolean {
    return vscode.workspace.getConfiguration(CONFIG_SECTION, document.uri).get<boolean>('hover.enabled', true) !== false;
  }

  /**
   * Whether a markdown document is a plan: its workspace-relative path matches the
   * `hover.planFilePatterns` globs (case-insensitively, `!` ones excluding), or a stage's `plan:` names it.
   */
  isMarkdownPlan(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'markdown') {
      return false;
    }
    const relative = vscode.workspace.asRelativePath(document.uri, false);
    if (this.planFileMatcherFor(document.uri)(relative)) {
      return true;
    }
    const stages = this.planForMarkdown(document)?.plan?.stages ?? [];
    const normalized = relative.replace(/\\/g, '/').replace(/^\.\//, '').toLowerCase();
    return stages.some((stage) => stage.plan !== undefined && stage.plan.replace(/\\/g, '/').replace(/^\.\//, '').toLowerCase() === normalized);
  }

  /** The plan of the workspace folder a markdown document lives in. */
  planForMarkdown(document: vscode.TextDocument): FolderPlan | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    return folder ? this.store.get(folder.uri) : undefined;
  }

  private planFileMatcherFor(uri: vscode.Uri): PlanFileMatcher {
    const setting = vscode.workspace.getConfiguration(CONFIG_SECTION, uri).get<unknown>('hover.planFilePatterns');
    const patterns = Array.isArray(setting) ? (setting as unknown[]) : DEFAULT_PLAN_FILE_PATTERNS;
    const key = JSON.stringify(patterns);
    let matcher = this.planFileMatchers.get(key);
    if (!matcher) {
      if (this.planFileMatchers.size >= MAX_CACHED_PATTERN_SETS) {
        this.planFileMatchers.clear();
      }
      matcher = compilePlanFilePatterns(patterns);
      this.planFileMatchers.set(key, matcher);
    }
    return matcher;
  }

  private markPending(key: string): void {
    if (this.pending.has(key)) {
      return;
    }
    let resolve: () => void = () => undefined;
    const settled = new Promise<void>((done) => (resolve = done));
    this.pending.set(key, { settled, resolve });
  }

  private resolvePending(key: string): void {
    const pending = this.pending.get(key);
    if (pending) {
      this.pending.delete(key);
      pending.resolve();
    }
  }
}
