// A test-only file system provider under its own scheme: files live in memory, as a repository
// does in github.dev. `announce: false` writes change a file without telling VS Code, as a file
// system that cannot watch does.
import * as vscode from 'vscode';

export const MEMORY_SCHEME = 'genai-memfs';

type Entry = { readonly kind: 'file'; data: Uint8Array; mtime: number } | { readonly kind: 'folder'; mtime: number };

export class MemoryFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly entries = new Map<string, Entry>([['/', { kind: 'folder', mtime: Date.now() }]]);
  private readonly changeEmitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changeEmitter.event;
  /** How many times VS Code asked to watch something here, and wrote through the provider. */
  watchCalls = 0;
  writes = 0;

  uri(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: MEMORY_SCHEME, path });
  }

  /** Puts a file (and its folders) in place; `announce` fires the change event watchers get. */
  put(path: string, text: string, { announce = true }: { readonly announce?: boolean } = {}): void {
    const segments = path.split('/').filter(Boolean);
    for (let depth = 1; depth < segments.length; depth++) {
      const folder = `/${segments.slice(0, depth).join('/')}`;
      if (!this.entries.has(folder)) {
        this.entries.set(folder, { kind: 'folder', mtime: Date.now() });
      }
    }
    const existed = this.entries.has(path);
    this.entries.set(path, { kind: 'file', data: new TextEncoder().encode(text), mtime: this.nextMtime(path) });
    if (announce) {
      this.changeEmitter.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri: this.uri(path) }]);
    }
  }

  text(path: string): string {
    const entry = this.entries.get(path);
    if (entry?.kind !== 'file') {
      throw new Error(`no file ${path} in ${MEMORY_SCHEME}`);
    }
    return new TextDecoder().decode(entry.data);
  }

  watch(): vscode.Disposable {
    this.watchCalls++;
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const entry = this.lookup(uri);
    return {
      type: entry.kind === 'file' ? vscode.FileType.File : vscode.FileType.Directory,
      ctime: 0,
      mtime: entry.mtime,
      size: entry.kind === 'file' ? entry.data.byteLength : 0,
    };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    this.lookup(uri);
    const prefix = uri.path === '/' ? '/' : `${uri.path}/`;
    return [...this.entries]
      .filter(([path]) => path !== '/' && path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
      .map(([path, entry]) => [path.slice(prefix.length), entry.kind === 'file' ? vscode.FileType.File : vscode.FileType.Directory]);
  }

  createDirectory(uri: vscode.Uri): void {
    this.entries.set(uri.path, { kind: 'folder', mtime: Date.now() });
    this.changeEmitter.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const entry = this.lookup(uri);
    if (entry.kind !== 'file') {
      throw vscode.FileSystemError.FileIsADirectory(uri);
    }
    return entry.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }): void {
    const existing = this.entries.get(uri.path);
    if (!existing && !options.create) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    if (existing && !options.overwrite) {
      throw vscode.FileSystemError.FileExists(uri);
    }
    this.writes++;
    this.entries.set(uri.path, { kind: 'file', data: content, mtime: this.nextMtime(uri.path) });
    this.changeEmitter.fire([{ type: existing ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.lookup(uri);
    for (const path of [...this.entries.keys()]) {
      if (path === uri.path || path.startsWith(`${uri.path}/`)) {
        this.entries.delete(path);
      }
    }
    this.changeEmitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const entry = this.lookup(oldUri);
    this.entries.delete(oldUri.path);
    this.entries.set(newUri.path, entry);
    this.changeEmitter.fire([
      { type: vscode.FileChangeType.Deleted, uri: oldUri },
      { type: vscode.FileChangeType.Created, uri: newUri },
    ]);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  private lookup(uri: vscode.Uri): Entry {
    const entry = this.entries.get(uri.path === '' ? '/' : uri.path);
    if (!entry) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return entry;
  }

  /** A strictly newer mtime each write, so VS Code never takes a changed file for the same one. */
  private nextMtime(path: string): number {
    const previous = this.entries.get(path)?.mtime ?? 0;
    return Math.max(Date.now(), previous + 1);
  }
}
