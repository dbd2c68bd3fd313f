// The import rules that keep the model pure and the rooms apart, checked on the source:
// the model imports nothing outside src/model but its allowed packages: `yaml`, picomatch's
// posix entry and `@vscode/l10n` (pure and browser-safe; it translates the model's prose), so
// no `vscode`; the domain depends on neither the plan-file engine nor presentation, and the
// editor adapters (views, commands, language, webview) do not reach into one another.
// src/webview uses no Node built-in, so the panels also work where the extension host is a
// browser's web worker.
// The webview pages (media/page, bundled for the browser) take only types from the extension,
// and only from the model: the message contract they share with it. The plan worker (src/worker)
// is the model behind a message interface: no `vscode`, no adapter, and no Node built-in outside
// its one Node binding, so the same body can run as a browser's Web Worker.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'src');
const MODEL = path.join(SRC, 'model');
const DOMAIN = path.join(MODEL, 'domain');
const MODEL_ROOMS_DOMAIN_MUST_NOT_USE = [path.join(MODEL, 'planFile'), path.join(MODEL, 'presentation')];
const ADAPTERS = ['views', 'commands', 'language', 'webview'].map((name) => path.join(SRC, name));
/** Runs where the extension host may be a browser's web worker: no Node built-ins. */
const WEBVIEW = path.join(SRC, 'webview');
const PAGES = path.join(ROOT, 'media', 'page');
const WORKER = path.join(SRC, 'worker');
/** The worker's only file that may use Node built-ins (worker_threads). */
const WORKER_NODE_BINDING = path.join(WORKER, 'nodeWorkers.ts');
/** Packages the model may import (everything else it uses lives in src/model). */
const MODEL_PACKAGES: readonly string[] = ['yaml', 'picomatch/posix', '@vscode/l10n'];

interface Import {
  /** The importing file, absolute. */
  readonly file: string;
  readonly specifier: string;
  /** Absolute path (without extension) for relative specifiers; undefined for packages. */
  readonly resolved: string | undefined;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...sourceFiles(full));
    } else if (entry.isFile() && entry.name.endsWith('.ts')) {
      files.push(full);
    }
  }
  return files;
}

/** Static imports and re-exports (`import ... from`, `import '...'`, `export ... from`), `import()` and `require()`. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

function specifiersIn(text: string): string[] {
  const code = withoutComments(text);
  const patterns = [/\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]));
}

function importsOf(file: string): Import[] {
  return specifiersIn(fs.readFileSync(file, 'utf8')).map((specifier) => ({
    file,
    specifier,
    resolved: specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : undefined,
  }));
}

function isWithin(target: string, dir: string): boolean {
  return target === dir || target.startsWith(dir + path.sep);
}

function describeImport(entry: Import): string {
  return `${path.relative(ROOT, entry.file)} imports '${entry.specifier}'`;
}

/** Specifiers of whole-statement type-only imports and re-exports (`import type … from`): erased from the bundle. */
function typeOnlySpecifiersIn(text: string): string[] {
  return [...withoutComments(text).matchAll(/\b(?:import|export)\s+type\s+[^'";]*?\s+from\s+['"]([^'"]+)['"]/g)].map((match) => match[1]);
}

const ALL_IMPORTS: readonly Import[] = sourceFiles(SRC).flatMap(importsOf);
const PAGE_FILES = sourceFiles(PAGES);

describe('architecture: import rules', () => {
  it('sees the imports it checks (the scan is not vacuous)', () => {
    assert.ok(ALL_IMPORTS.some((entry) => isWithin(entry.file, MODEL) && entry.specifier === 'yaml'));
    assert.ok(ALL_IMPORTS.some((entry) => isWithin(entry.file, path.join(SRC, 'views')) && entry.specifier === 'vscode'));
    assert.ok(ALL_IMPORTS.some((entry) => isWithin(entry.file, DOMAIN) && entry.resolved !== undefined));
  });

  it('src/model imports nothing outside src/model but its allowed packages (no vscode)', () => {
    const violations = ALL_IMPORTS.filter((entry) => isWithin(entry.file, MODEL))
      .filter((entry) => (entry.resolved === undefined ? !MODEL_PACKAGES.includes(entry.specifier) : !isWithin(entry.resolved, MODEL)))
      .map(describeImport);
    assert.deepEqual(violations, []);
  });

  it('src/model/domain imports nothing from the plan-file engine or presentation', () => {
    const violations = ALL_IMPORTS.filter((entry) => isWithin(entry.file, DOMAIN))
      .filter((entry) => entry.resolved !== undefined && MODEL_ROOMS_DOMAIN_MUST_NOT_USE.some((room) => isWithin(entry.resolved as string, room)))
      .map(describeImport);
    assert.deepEqual(violations, []);
  });

  it('src/webview imports no Node built-in (web extension hosts have none)', () => {
    const isBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);
    const violations = ALL_IMPORTS.filter((entry) => isWithin(entry.file, WEBVIEW) && entry.resolved === undefined && isBuiltin(entry.specifier)).map(describeImport);
    assert.deepEqual(violations, []);
  });

  it('src/worker imports only the model and itself, and Node built-ins only in its Node binding', () => {
    const isBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);
    const workerImports = ALL_IMPORTS.filter((entry) => isWithin(entry.file, WORKER));
    assert.ok(workerImports.some((entry) => entry.specifier === 'node:worker_threads'), 'the scan sees the binding');
    const violations = workerImports
      .filter((entry) =>
        entry.resolved === undefined
          ? !(isBuiltin(entry.specifier) && entry.file === WORKER_NODE_BINDING)
          : !isWithin(entry.resolved, MODEL) && !isWithin(entry.resolved, WORKER),
      )
      .map(describeImport);
    assert.deepEqual(violations, []);
  });

  it('the browser entry reaches no Node built-in and not the Node binding of the worker, through any import', () => {
    const isBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);
    const entries = [path.join(SRC, 'extensionWeb'), path.join(WORKER, 'webMain')];
    const seen = new Set<string>();
    const violations: string[] = [];
    const visit = (moduleWithoutExtension: string): void => {
      const file = [`${moduleWithoutExtension}.ts`, path.join(moduleWithoutExtension, 'index.ts')].find((candidate) => fs.existsSync(candidate));
      if (file === undefined || seen.has(file)) {
        return;
      }
      seen.add(file);
      const typeOnly = typeOnlySpecifiersIn(fs.readFileSync(file, 'utf8'));
      for (const entry of importsOf(file)) {
        if (entry.resolved === undefined) {
          if (isBuiltin(entry.specifier)) {
            violations.push(describeImport(entry));
          }
        } else if (!typeOnly.includes(entry.specifier)) {
          visit(entry.resolved);
        }
      }
    };
    entries.forEach(visit);
    assert.ok(seen.size > 50, `the walk sees the extension's graph (${seen.size} files)`);
    assert.ok(!seen.has(WORKER_NODE_BINDING), 'the browser entry imports nodeWorkers.ts');
    assert.deepEqual(violations, []);
  });

  it('the webview pages import from outside media/page only types, and only from src/model', () => {
    const outside = PAGE_FILES.flatMap(importsOf).filter((entry) => entry.resolved === undefined || !isWithin(entry.resolved, PAGES));
    assert.ok(outside.length > 0, 'the pages import the message contract (the scan is not vacuous)');
    const violations = outside
      .filter((entry) => {
        const typeOnly = typeOnlySpecifiersIn(fs.readFileSync(entry.file, 'utf8'));
        const all = specifiersIn(fs.readFileSync(entry.file, 'utf8'));
        const count = (list: readonly string[]): number => list.filter((specifier) => specifier === entry.specifier).length;
        return entry.resolved === undefined || !isWithin(entry.resolved, MODEL) || count(typeOnly) !== count(all);
      })
      .map(describeImport);
    assert.deepEqual(violations, []);
  });

  it('no adapter folder (views, commands, language, webview) imports from another', () => {
    const violations: string[] = [];
    for (const entry of ALL_IMPORTS) {
      const from = ADAPTERS.find((adapter) => isWithin(entry.file, adapter));
      const to = entry.resolved === undefined ? undefined : ADAPTERS.find((adapter) => isWithin(entry.resolved as string, adapter));
      if (from !== undefined && to !== undefined && from !== to) {
        violations.push(describeImport(entry));
      }
    }
    assert.deepEqual(violations, []);
  });
});
