import * as vscode from 'vscode';
import type { StageTarget } from '../model/domain/stageTarget';
import type { Plan } from '../model/domain/types';
import { MAX_PLAN_BYTES, tooLargeResult } from '../model/planFile/parse';
import type { ParseResult, PlanDiagnostic } from '../model/planFile/types';
import { KeyedDebouncer } from '../util/debounce';
import { Disposable } from '../util/disposable';
import { CONFIG_SECTION, planUriFor } from './config';
import type { PlanEngine, PlanReading } from './planEngine';

const TYPING_DEBOUNCE_MS = 250;

/** What the extension knows about one workspace folder's plan file. */
export interface FolderPlan {
  readonly folder: vscode.WorkspaceFolder;
  readonly uri: vscode.Uri;
  readonly exists: boolean;
  /** The latest parse of the file (or of its open editor), undefined when there is no file. */
  readonly result: ParseResult | undefined;
  /**
   * The plan views should show: the latest one when it has no errors, otherwise the
   * last plan that had none (so a typo does not blank the sidebar).
   */
  readonly plan: Plan | undefined;
  /** Errors (not warnings) in the latest parse. */
  readonly errorCount: number;
  /** Increments on every update, so listeners can tell fresh state from stale. */
  readonly revision: number;
}

/**
 * The plan as its file reads now, problems and all, else the last good one: what a change is
 * decided on, since the writer edits the text as it is now (the views show `plan`).
 */
export function latestPlan(folderPlan: FolderPlan): Plan | undefined {
  return folderPlan.result?.plan ?? folderPlan.plan;
}

/** How commands and views name a stage of this folder's plan (see StageTarget). */
export function stageTargetIn(folderPlan: FolderPlan, stageId: string): StageTarget {
  return { folderUri: folderPlan.folder.uri.toString(), stageId };
}

/** Said wherever a command needs a plan and the workspace has none (translated when said). */
export function noPlanMessage(): string {
  return vscode.l10n.t('There is no lifecycle plan in this workspace. Run "GenAI Lifecycle: Initialize Lifecycle Plan" to create one.');
}

/**
 * The single reader of plan files. Data flows one way: file or editor text -> parse (through
 * the engine: in this thread for small plans, in the plan worker for larger ones) ->
 * `FolderPlan` -> `onDidChange` -> views. Nothing else reads the plan from disk. A read that
 * finishes after a newer one started (typing while the worker reads) is dropped.
 */
export class PlanStore extends Disposable {
  private readonly plans = new Map<string, FolderPlan>();
  /** The text each folder's plan was last parsed from (undefined: no file), to skip no-op reloads. */
  private readonly parsedTexts = new Map<string, string | undefined>();
  /** The reading behind each folder's current result: what an edit of that exact text starts from. */
  private readonly readings = new Map<string, PlanReading>();
  /** Readings of texts the writer is about to write, so the refresh after a write does not parse again. */
  private readonly primed = new Map<string, PlanReading>();
  /** The newest load per folder while it runs: a newer load supersedes older ones, whose answers are dropped. */
  private readonly latestLoads = new Map<string, Promise<void>>();
  private readonly debouncer = new KeyedDebouncer<string>(TYPING_DEBOUNCE_MS);
  private readonly watchers = new Map<string, vscode.FileSystemWatcher>();
  private readonly changeEmitter = this.register(new vscode.EventEmitter<FolderPlan>());
  private revisionCounter = 0;
  private initialLoad: Promise<void>;

  /** Fires after a folder's plan was (re)parsed, appeared or disappeared. */
  readonly onDidChange = this.changeEmitter.event;

  /** `engine` reads the texts (public for tests, which look at its worker). */
  constructor(readonly engine: PlanEngine) {
    super();
    this.register({ dispose: () => this.debouncer.dispose() });
    this.register({ dispose: () => this.disposeWatchers() });
    this.register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        const folder = this.folderOfPlan(event.document.uri);
        if (folder && event.contentChanges.length > 0) {
          this.debouncer.schedule(folder.uri.toString(), () => void this.load(folder));
        }
      }),
    );
    this.register(
      vscode.workspace.onDidOpenTextDocument((document) => {
        const folder = this.folderOfPlan(document.uri);
        if (folder) {
          void this.load(folder);
        }
      }),
    );
    this.register(
      // Closing an editor drops its unsaved text: the file on disk is the plan again.
      vscode.workspace.onDidCloseTextDocument((document) => {
        const folder = this.folderOfPlan(document.uri);
        if (folder) {
          void this.load(folder);
        }
      }),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reloadAll()));
    this.register(
      // Back from a terminal or another tool: re-read, in case a watcher event was lost.
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) {
          for (const folder of vscode.workspace.workspaceFolders ?? []) {
            void this.load(folder);
          }
        }
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${CONFIG_SECTION}.planFile`)) {
          void this.reloadAll();
        }
      }),
    );
    this.initialLoad = this.reloadAll();
  }

  /** Resolves once every folder's plan has been read at least once. */
  get ready(): Promise<void> {
    return this.initialLoad;
  }

  /** Folder plans in workspace-folder order. */
  all(): readonly FolderPlan[] {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return folders
      .map((folder) => this.plans.get(folder.uri.toString()))
      .filter((plan): plan is FolderPlan => plan !== undefined);
  }

  /** Folder plans whose file exists. */
  existing(): readonly FolderPlan[] {
    return this.all().filter((plan) => plan.exists);
  }

  get(folderUri: vscode.Uri | string): FolderPlan | undefined {
    return this.plans.get(typeof folderUri === 'string' ? folderUri : folderUri.toString());
  }

  /** The folder plan whose file is `uri`, if any. */
  forDocument(uri: vscode.Uri): FolderPlan | undefined {
    const folder = this.folderOfPlan(uri);
    return folder ? this.get(folder.uri) : undefined;
  }

  /** Re-reads every folder now (Refresh command, folder or setting changes). */
  async reloadAll(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const keep = new Set(folders.map((folder) => folder.uri.toString()));
    for (const key of [...this.plans.keys()]) {
      if (!keep.has(key)) {
        this.plans.delete(key);
        this.parsedTexts.delete(key);
        this.readings.delete(key);
        this.primed.delete(key);
      }
    }
    this.syncWatchers(folders);
    // Forced: Refresh and setting changes re-announce every plan even if its text is the same.
    this.initialLoad = Promise.all(folders.map((folder) => this.load(folder, true))).then(() => undefined);
    await this.initialLoad;
  }

  /** Re-reads one folder's plan now, skipping the typing debounce (after our own edits). */
  async reload(folder: vscode.WorkspaceFolder): Promise<FolderPlan | undefined> {
    const key = folder.uri.toString();
    this.debouncer.cancel(key);
    await this.load(folder);
    // A load that started meanwhile (a file watcher event after a save) superseded this one and
    // reports instead: wait for it, so callers see the state it fires.
    for (let latest = this.latestLoads.get(key); latest; latest = this.latestLoads.get(key)) {
      await latest;
    }
    // A reading handed over for a write that read back differently (VS Code changed its line endings, say) is of no more use.
    this.primed.delete(key);
    return this.get(folder.uri);
  }

  /** The reading behind a folder's current result (compare its text with the one you edit). */
  readingOf(folder: vscode.WorkspaceFolder): PlanReading | undefined {
    return this.readings.get(folder.uri.toString());
  }

  /**
   * The reading of a text about to be written (the check of an edit parsed it): the next load
   * that finds exactly this text takes it instead of parsing.
   */
  acceptReading(folder: vscode.WorkspaceFolder, reading: PlanReading): void {
    this.primed.set(folder.uri.toString(), reading);
  }

  private folderOfPlan(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) {
      return undefined;
    }
    return planUriFor(folder).toString() === uri.toString() ? folder : undefined;
  }

  private syncWatchers(folders: readonly vscode.WorkspaceFolder[]): void {
    this.disposeWatchers();
    for (const folder of folders) {
      const uri = planUriFor(folder);
      const relative = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
      // Catches git checkouts and other tools; no polling.
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, relative));
      const onEvent = (): void => void this.load(folder);
      watcher.onDidCreate(onEvent);
      watcher.onDidChange(onEvent);
      watcher.onDidDelete(onEvent);
      this.watchers.set(folder.uri.toString(), watcher);
    }
  }

  private disposeWatchers(): void {
    for (const watcher of this.watchers.values()) {
      watcher.dispose();
    }
    this.watchers.clear();
  }

  private load(folder: vscode.WorkspaceFolder, force = false): Promise<void> {
    const key = folder.uri.toString();
    // `isNewest` runs only after loadOnce's first await, when `loading` is assigned.
    const isNewest = (): boolean => this.latestLoads.get(key) === loading;
    const loading: Promise<void> = this.loadOnce(folder, force, isNewest).finally(() => {
      if (this.latestLoads.get(key) === loading) {
        this.latestLoads.delete(key);
      }
    });
    this.latestLoads.set(key, loading);
    return loading;
  }

  private async loadOnce(folder: vscode.WorkspaceFolder, force: boolean, isNewest: () => boolean): Promise<void> {
    const key = folder.uri.toString();
    const uri = planUriFor(folder);
    const read = await readPlanText(uri);
    // A newer load started while this one was reading: its answer wins.
    if (this.isDisposed || !isNewest()) {
      return;
    }
    const previous = this.plans.get(key);
    const samePlanFile = previous !== undefined && previous.uri.toString() === uri.toString();
    const text = read.kind === 'text' ? read.text : undefined;
    if (!force && previous && samePlanFile && previous.exists === (read.kind !== 'missing') && read.kind !== 'too-large' && this.parsedTexts.get(key) === text) {
      // Same file, same text (a focus re-read, a watcher echo of our own save): nothing to tell.
      return;
    }
    let reading: PlanReading | undefined;
    if (text !== undefined) {
      reading = this.takePrimed(key, text) ?? (await this.engine.read(key, text, fileNameOf(uri)));
      // Read in the worker, a newer text may have come meanwhile: this older one is dropped.
      if (!reading || this.isDisposed || !isNewest()) {
        return;
      }
    }
    this.parsedTexts.set(key, text);
    if (reading) {
      this.readings.set(key, reading);
    } else {
      this.readings.delete(key);
    }
    const result = reading ? reading.result : read.kind === 'too-large' ? tooLargeResult(read.bytes) : undefined;
    const errorCount = result ? result.diagnostics.filter((diagnostic: PlanDiagnostic) => diagnostic.severity === 'error').length : 0;
    const lastGood = samePlanFile ? previous.plan : undefined;
    const plan = result && errorCount === 0 ? result.plan : (lastGood ?? result?.plan);
    const next: FolderPlan = {
      folder,
      uri,
      exists: read.kind !== 'missing',
      result,
      plan: read.kind === 'missing' ? undefined : plan,
      errorCount,
      revision: ++this.revisionCounter,
    };
    this.plans.set(key, next);
    this.updateContextKeys();
    this.changeEmitter.fire(next);
  }

  /** The reading the writer handed over for `text`, if it is that text's (used once). */
  private takePrimed(key: string, text: string): PlanReading | undefined {
    const primed = this.primed.get(key);
    if (primed?.text !== text) {
      return undefined;
    }
    this.primed.delete(key);
    return primed;
  }

  private updateContextKeys(): void {
    const all = this.all();
    void vscode.commands.executeCommand('setContext', 'genaiLifecycle.hasPlan', all.some((p) => p.exists));
    void vscode.commands.executeCommand('setContext', 'genaiLifecycle.canInitPlan', all.some((p) => !p.exists));
  }
}

/** The plan file's name, as messages say it. */
export function fileNameOf(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || 'lifecycle.yaml';
}

type PlanRead =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'too-large'; readonly bytes: number }
  | { readonly kind: 'missing' };

/** The open document's text when there is one and the file exists (or it has unsaved edits), else the file on disk. */
async function readPlanText(uri: vscode.Uri): Promise<PlanRead> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  // Unsaved edits are the user's current plan, even if the file was deleted underneath them.
  if (open && !open.isClosed && open.isDirty) {
    return { kind: 'text', text: open.getText() };
  }
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (open && !open.isClosed && (stat.type & vscode.FileType.File) !== 0) {
      return { kind: 'text', text: open.getText() };
    }
    if ((stat.type & vscode.FileType.File) === 0) {
      return { kind: 'missing' };
    }
    // Not even read: a plan is a few KB, and the model would refuse it anyway.
    if (stat.size > MAX_PLAN_BYTES) {
      return { kind: 'too-large', bytes: stat.size };
    }
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes) };
  } catch {
    return { kind: 'missing' };
  }
}
