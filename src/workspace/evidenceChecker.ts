// Whether each `evidence:` entry of each folder's plan names something that exists: a plain path
// is looked up with `workspace.fs.stat`, a glob with `workspace.findFiles` (one match is enough),
// or, on a virtual file system (which may have no search), by walking its folders.
// Results are cached per folder and entry, checked again when the entries change and when a
// watcher on an entry's own pattern, or on one of the folders it names, sees something appear
// or go (never a watcher on the whole folder, which is too much for a big repository), and on
// returning to the window.
//
// Nothing outside the folder is ever looked at: only entries the plan reader accepted reach this
// file (it refuses `..`, absolute paths, drive letters...), each is checked again with the
// model's rule, and every URI is checked to lie under the folder before it is used. Files are
// only stat'ed or listed, never read.

import * as vscode from 'vscode';
import { checkEvidenceEntry, evidenceGlobBase, evidenceGlobMatcher, type EvidenceResult } from '../model/domain/evidence';
import { KeyedDebouncer } from '../util/debounce';
import { Disposable } from '../util/disposable';
import { latestPlan, type FolderPlan, type PlanStore } from './planStore';

/** File events come in bursts (a checkout, an unzip): one check a folder per pause. */
const FILE_EVENTS_DEBOUNCE_MS = 200;
/** Watchers a folder gets at most; entries beyond are checked on plan changes and window focus only. */
const MAX_WATCHERS = 100;

/** What was found for an entry: a file, a folder (plain paths), a glob's match, or nothing. */
export type EvidenceFound = 'file' | 'folder' | 'match' | 'missing';

/** What the views and hovers ask; the checker answers from its cache, so lookups are instant. */
export interface EvidenceLookup {
  /** What the last check found for an entry of this folder's plan; undefined until its first check ends. */
  found(folderUri: string, pattern: string): EvidenceFound | undefined;
  /** Whether something was found for the entry; undefined until its first check ends. */
  exists(folderUri: string, pattern: string): boolean | undefined;
  /** Fires when any answer changed. */
  readonly onDidChange: vscode.Event<void>;
}

interface FolderEvidence {
  readonly folder: vscode.WorkspaceFolder;
  /** The folder's entries (both the shown plan's and the latest text's), sorted, no repeats. */
  readonly patterns: readonly string[];
  readonly watchers: readonly vscode.Disposable[];
  results: ReadonlyMap<string, EvidenceFound>;
  /** Increments on every check, so an older check's answer is dropped. */
  generation: number;
}

export class EvidenceChecker extends Disposable implements EvidenceLookup {
  private readonly folders = new Map<string, FolderEvidence>();
  private readonly debouncer = new KeyedDebouncer<string>(FILE_EVENTS_DEBOUNCE_MS);
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  private readonly running = new Set<Promise<void>>();

  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly store: PlanStore) {
    super();
    this.register({
      dispose: () => {
        this.debouncer.dispose();
        for (const entry of this.folders.values()) {
          disposeAll(entry.watchers);
        }
        this.folders.clear();
      },
    });
    this.register(store.onDidChange(() => this.sync()));
    this.register(
      // Watchers skip excluded folders and can lose events: look again on coming back.
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) {
          for (const key of this.folders.keys()) {
            this.schedule(key);
          }
        }
      }),
    );
    this.sync();
  }

  found(folderUri: string, pattern: string): EvidenceFound | undefined {
    return this.folders.get(folderUri)?.results.get(pattern);
  }

  exists(folderUri: string, pattern: string): boolean | undefined {
    const found = this.found(folderUri, pattern);
    return found === undefined ? undefined : found !== 'missing';
  }

  /** Resolves when no check is running (for tests and callers that want settled answers). */
  async settled(): Promise<void> {
    while (this.running.size > 0 || this.debouncer.pending) {
      await Promise.all([...this.running]);
      if (this.debouncer.pending) {
        await new Promise((resolve) => setTimeout(resolve, FILE_EVENTS_DEBOUNCE_MS));
      }
    }
  }

  /**
   * Looks the entries up now rather than trusting the cache: for decisions (Complete Stage asks
   * when some is missing) and the status report. Updates the cache with what it finds.
   */
  async check(folder: vscode.WorkspaceFolder, patterns: readonly string[]): Promise<EvidenceResult[]> {
    const key = folder.uri.toString();
    const started = this.folders.get(key);
    // A check already running may have looked before a file changed: its answer is dropped.
    const generation = started ? ++started.generation : 0;
    const founds = await Promise.all(patterns.map((pattern) => lookUp(folder, pattern)));
    const entry = this.folders.get(key);
    if (entry && entry === started && entry.generation === generation) {
      const results = new Map(entry.results);
      patterns.forEach((pattern, index) => {
        if (entry.patterns.includes(pattern)) {
          results.set(pattern, founds[index]);
        }
      });
      this.update(entry, results);
      // The dropped check's other entries are looked up again.
      if (entry.patterns.some((pattern) => !patterns.includes(pattern))) {
        this.track(this.recheck(key));
      }
    }
    return patterns.map((pattern, index) => ({ pattern, found: founds[index] !== 'missing' }));
  }

  /** Follows the store: new entries get watchers and a check, gone folders are forgotten. */
  private sync(): void {
    const live = new Set<string>();
    for (const folderPlan of this.store.existing()) {
      const key = folderPlan.folder.uri.toString();
      live.add(key);
      const patterns = patternsOf(folderPlan);
      const previous = this.folders.get(key);
      if (previous && samePatterns(previous.patterns, patterns)) {
        continue;
      }
      if (previous) {
        disposeAll(previous.watchers);
      }
      // Answers for entries that stay are kept until the new check ends: no flicker while typing.
      const kept = new Map([...(previous?.results ?? [])].filter(([pattern]) => patterns.includes(pattern)));
      const watchers = watchedPatterns(patterns).map((pattern) => this.watch(folderPlan.folder, pattern, key));
      this.folders.set(key, { folder: folderPlan.folder, patterns, watchers, results: kept, generation: previous?.generation ?? 0 });
      if (previous && kept.size !== previous.results.size) {
        this.changeEmitter.fire();
      }
      this.track(this.recheck(key));
    }
    for (const [key, entry] of this.folders) {
      if (!live.has(key)) {
        disposeAll(entry.watchers);
        this.folders.delete(key);
        this.debouncer.cancel(key);
        this.changeEmitter.fire();
      }
    }
  }

  private watch(folder: vscode.WorkspaceFolder, pattern: string, key: string): vscode.Disposable {
    // Created and deleted only: a changed file's existence does not change.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern), false, true, false);
    watcher.onDidCreate(() => this.schedule(key));
    watcher.onDidDelete(() => this.schedule(key));
    return watcher;
  }

  private schedule(key: string): void {
    this.debouncer.schedule(key, () => this.track(this.recheck(key)));
  }

  private track(promise: Promise<void>): void {
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise));
  }

  private async recheck(key: string): Promise<void> {
    const entry = this.folders.get(key);
    if (!entry) {
      return;
    }
    const generation = ++entry.generation;
    const founds = await Promise.all(entry.patterns.map((pattern) => lookUp(entry.folder, pattern)));
    // The entries changed or a newer check started meanwhile: its answer wins.
    if (this.isDisposed || this.folders.get(key) !== entry || entry.generation !== generation) {
      return;
    }
    this.update(entry, new Map(entry.patterns.map((pattern, index) => [pattern, founds[index]])));
  }

  private update(entry: FolderEvidence, results: ReadonlyMap<string, EvidenceFound>): void {
    const same = results.size === entry.results.size && [...results].every(([pattern, found]) => entry.results.get(pattern) === found);
    entry.results = results;
    if (!same) {
      this.changeEmitter.fire();
    }
  }
}

/** The entries of the plan the views show and of the latest text (hovers and commands read that one). */
function patternsOf(folderPlan: FolderPlan): string[] {
  const plans = [folderPlan.plan, latestPlan(folderPlan)];
  const patterns = new Set(plans.flatMap((plan) => plan?.stages.flatMap((stage) => stage.evidence ?? []) ?? []));
  return [...patterns].sort();
}

/**
 * What to watch for a folder's entries: each entry, and the folders its path names before any
 * glob character. Deleting or moving in a whole folder is one event for the folder only, which
 * a watcher on `evals/report.md` alone would not see.
 */
function watchedPatterns(patterns: readonly string[]): string[] {
  const watched = new Set<string>();
  for (const pattern of patterns) {
    const base = evidenceGlobBase(pattern);
    const folders = base === '' ? [] : base.split('/');
    for (let count = 1; count <= folders.length; count++) {
      watched.add(folders.slice(0, count).join('/'));
    }
    watched.add(pattern);
  }
  return [...watched].slice(0, MAX_WATCHERS);
}

function samePatterns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((pattern, index) => pattern === b[index]);
}

/** What exists for one entry; refused entries and anything outside the folder count as missing, unread. */
async function lookUp(folder: vscode.WorkspaceFolder, pattern: string): Promise<EvidenceFound> {
  const check = checkEvidenceEntry(pattern);
  if (!check.ok) {
    return 'missing';
  }
  try {
    if (check.glob) {
      if (!SEARCHED_SCHEMES.has(folder.uri.scheme)) {
        return (await walkFinds(folder.uri, check.path)) ? 'match' : 'missing';
      }
      const matches = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, check.path), null, 1);
      return matches.some((uri) => isInside(folder.uri, uri)) ? 'match' : 'missing';
    }
    const uri = evidenceUri(folder, check.path);
    if (!uri) {
      return 'missing';
    }
    const stat = await vscode.workspace.fs.stat(uri);
    return (stat.type & vscode.FileType.Directory) !== 0 ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/**
 * Where VS Code's file search surely answers: disk, and a remote host's disk. On another file
 * system it answers only if the provider's extension also registered a search provider, and
 * otherwise never returns (measured: a findFiles on a plain FileSystemProvider's folder still
 * pending after 2 minutes), so those folders are walked instead.
 */
const SEARCHED_SCHEMES: ReadonlySet<string> = new Set(['file', 'vscode-remote']);

/** How many directory entries a walk reads at most before it gives up (a huge tree stays cheap). */
const MAX_WALKED_ENTRIES = 5000;

/** Whether a file under `folder` matches the glob, by reading directories from the glob's base down. */
async function walkFinds(folder: vscode.Uri, globPath: string): Promise<boolean> {
  const matches = evidenceGlobMatcher(globPath);
  const base = evidenceGlobBase(globPath);
  const pending = [base];
  let read = 0;
  for (let relative = pending.shift(); relative !== undefined && read < MAX_WALKED_ENTRIES; relative = pending.shift()) {
    const entries = await vscode.workspace.fs.readDirectory(relative === '' ? folder : vscode.Uri.joinPath(folder, relative)).then(
      (found) => found,
      () => [] as [string, vscode.FileType][],
    );
    for (const [name, type] of entries) {
      read++;
      const path = relative === '' ? name : `${relative}/${name}`;
      if ((type & vscode.FileType.Directory) !== 0) {
        pending.push(path);
      } else if (matches(path)) {
        return true;
      }
    }
  }
  return false;
}

/** The URI of a plain-path entry, only when it lies inside the folder (else undefined). */
export function evidenceUri(folder: vscode.WorkspaceFolder, path: string): vscode.Uri | undefined {
  // One joined path, not one argument per segment: an entry could have more segments than a call takes.
  const uri = vscode.Uri.joinPath(folder.uri, path.split('/').filter((segment) => segment !== '').join('/'));
  return isInside(folder.uri, uri) ? uri : undefined;
}

function isInside(folder: vscode.Uri, uri: vscode.Uri): boolean {
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.scheme === folder.scheme && uri.authority === folder.authority && uri.path.startsWith(base) && uri.path.length > base.length;
}

function disposeAll(disposables: readonly vscode.Disposable[]): void {
  for (const disposable of disposables) {
    disposable.dispose();
  }
}
