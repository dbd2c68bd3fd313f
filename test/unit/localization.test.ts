// The model's strings are translated when they are used, not when the model loads: the bundle
// is configured at activation, after every module has been imported. Each test configures a
// small bundle of markers, reads through the model's ordinary functions, and resets to English.
// The Simplified Chinese bundle is checked against the source: every l10n.t literal of the
// model has a translation, each translation keeps its key's placeholders, and keys are sorted.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { adviseOn } from '../../src/model/domain/advice';
import { CATALOG, catalogStage, EFFORT_COLUMNS } from '../../src/model/domain/catalog';
import { STAGE_ACTION_SPECS } from '../../src/model/domain/statusActions';
import { STATUS_LABELS } from '../../src/model/domain/statuses';
import { configureTranslations } from '../../src/model/localization';
import { parse } from '../../src/model/planFile/parse';
import { buildChart } from '../../src/model/presentation/chart';
import { lookupTerm } from '../../src/model/presentation/glossary';
import { hoverCard } from '../../src/model/presentation/hoverContent';
import { stageDescription } from '../../src/model/presentation/treeLabels';
import { lines } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');

const PLAN_TEXT = lines('version: 1', 'stages:', '  - id: pre-training', '    status: not-started', '  - id: fine-tuning', '    status: finished');

describe('localization', () => {
  afterEach(() => configureTranslations(undefined));

  it('translates catalog, status and action texts when they are read, after the model has loaded', () => {
    configureTranslations({
      'Pre-training': '<pre-training>',
      'Not started': '<not started>',
      current: '<current>',
      Skip: '<skip>',
      Expertise: '<expertise>',
      'The foundation model the plan builds on: `base` (its name), `parameters` (`8B`, `70M`, `1.5T`) and `precision` (fp32, fp16, bf16, int8, int4). Naming a base model tells the advisor pre-training can most likely be skipped; size and precision drive the GPU memory estimates.':
        '<model doc>',
    });
    assert.equal(catalogStage('pre-training')?.title, '<pre-training>');
    assert.equal(STATUS_LABELS['not-started'], '<not started>');
    assert.equal(STAGE_ACTION_SPECS.skip.label, '<skip>');
    assert.equal(EFFORT_COLUMNS.find((column) => column.key === 'expertise')?.label, '<expertise>');
    const plan = parse(PLAN_TEXT).plan;
    assert.ok(plan);
    // The reader names a built-in stage by its (translated) catalog title.
    assert.equal(plan.stages[0].title, '<pre-training>');
    assert.equal(stageDescription(plan.stages[0], true), '<not started> · <current>');
    // The chart's data is plain JSON: a translated label survives the trip to the page.
    const chart = JSON.parse(JSON.stringify(buildChart({ plan }))) as ReturnType<typeof buildChart>;
    assert.ok(chart.rows.some((row) => row.label === '<expertise>'));
    assert.equal(chart.columns[0].title, '<pre-training>');
  });

  it('translates hovers, diagnostics and advice, with their placeholders filled', () => {
    configureTranslations({
      '**{0}**: lifecycle stage {1} of {2}': '<stage {0}, {1}/{2}>',
      'Unknown status "{0}": use one of {1}.': '<unknown status {0}>',
      'Most teams skip pre-training and build on an existing foundation model: name it as the base under model: in the plan.': '<skip it>',
      'Training a model from scratch on a very large unlabelled corpus so it picks up general language patterns.': '<pre-training explained>',
    });
    const hover = hoverCard({ stageId: 'pre-training', hasPlan: false });
    assert.ok(hover?.startsWith('<stage Pre-training, 1/5>'), hover);
    const result = parse(PLAN_TEXT);
    assert.deepEqual(
      result.diagnostics.map((diagnostic) => diagnostic.message),
      ['<unknown status finished>'],
    );
    assert.ok(result.plan);
    const advice = adviseOn(result.plan, { today: '2026-01-01', blockedTooLongDays: 14 });
    assert.equal(advice[0]?.message, '<skip it>');
    assert.equal(lookupTerm('pre-training')?.explanation, '<pre-training explained>');
    // The glossary still finds the English terms and stage names (it was compiled in English at load).
    assert.equal(lookupTerm('pre-trained')?.term, 'Pre-training');
  });

  it('goes back to English when the bundle is reset', () => {
    configureTranslations({ 'Pre-training': '<pre-training>' });
    assert.equal(CATALOG[0].title, '<pre-training>');
    configureTranslations(undefined);
    assert.equal(CATALOG[0].title, 'Pre-training');
    configureTranslations({});
    assert.equal(STATUS_LABELS.done, 'Done');
  });

  describe('the Simplified Chinese bundle', () => {
    const bundlePath = path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json');
    const bundle = JSON.parse(fs.readFileSync(bundlePath, 'utf8')) as Record<string, unknown>;

    it('is a flat object of strings with sorted keys', () => {
      const keys = Object.keys(bundle);
      assert.deepEqual(keys, [...keys].sort());
      for (const [key, value] of Object.entries(bundle)) {
        assert.equal(typeof value, 'string', key);
      }
    });

    it('translates every string the model passes to l10n.t', () => {
      const missing = modelMessages().filter(({ key }) => !(key in bundle));
      assert.deepEqual(missing, []);
    });

    it('keeps each message’s placeholders in its translation', () => {
      const placeholders = (text: string): string[] => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
      for (const { key, message } of modelMessages()) {
        const translated = bundle[key];
        if (typeof translated === 'string') {
          assert.deepEqual(placeholders(translated), placeholders(message), key);
        }
      }
    });
  });
});

/**
 * The keys of the model's l10n.t calls, read from the source as the extractor reads them: a
 * literal first argument, or the `message` of an options object (whose key then ends in
 * `/` and its comment).
 */
function modelMessages(): { readonly key: string; readonly message: string }[] {
  const found = new Map<string, string>();
  const literal = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"`;
  const plain = new RegExp(String.raw`l10n\.t\(\s*(${literal})`, 'g');
  const withComment = new RegExp(String.raw`l10n\.t\(\{\s*message:\s*(${literal}),[\s\S]*?comment:\s*\[\s*(${literal})\s*\]`, 'g');
  for (const file of sourceFiles(path.join(ROOT, 'src', 'model'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(plain)) {
      found.set(unquote(match[1]), unquote(match[1]));
    }
    for (const match of text.matchAll(withComment)) {
      found.set(`${unquote(match[1])}/${unquote(match[2])}`, unquote(match[1]));
    }
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, message]) => ({ key, message }));
}

function unquote(source: string): string {
  const body = source.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_all, escaped: string) => (escaped.startsWith('u') && escaped.length === 5 ? String.fromCharCode(parseInt(escaped.slice(1), 16)) : escaped));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}
