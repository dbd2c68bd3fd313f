// The JSON schema shipped for the YAML extension agrees with the parser: it accepts valid plans,
// rejects the problems the parser reports as errors, and lists the same statuses, ids and keys.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BUILT_IN_STAGE_IDS } from '../../src/model/domain/catalog';
import { STAGE_STATUSES } from '../../src/model/domain/statuses';
import { PRECISIONS, TUNING_METHODS } from '../../src/model/domain/types';
import { parse } from '../../src/model/planFile/parse';
import { METHOD_DOCS, PRECISION_DOCS, REWARD_MODEL_WORDS, STAGE_KEYS } from '../../src/model/planFile/planLines';
import { HARDWARE_KEYS, MODEL_KEYS } from '../../src/model/planFile/planSpecReader';
import { scaffold } from '../../src/model/planFile/scaffold';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Schema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly markdownEnumDescriptions?: readonly string[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly anyOf?: readonly Schema[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: boolean;
  readonly items?: Schema;
  readonly not?: Schema;
  readonly if?: Schema;
  readonly then?: Schema;
  readonly definitions?: Readonly<Record<string, Schema>>;
}

const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'lifecycle.schema.json'), 'utf8')) as Schema & { $schema: string };

/** A validator for the draft-07 keywords this schema uses; returns the failing paths. */
function validate(value: unknown, schema: Schema, at = '$'): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    const target = SCHEMA.definitions?.[name];
    assert.ok(target, `definition ${name}`);
    return validate(value, target, at);
  }
  const errors: string[] = [];
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const types = schema.type === undefined ? undefined : typeof schema.type === 'string' ? [schema.type] : schema.type;
  if (types && !types.some((type) => hasType(value, type))) {
    return [`${at}: not ${types.join(' or ')}`];
  }
  if (schema.anyOf && schema.anyOf.every((option) => validate(value, option, at).length > 0)) {
    errors.push(`${at}: matches none of anyOf`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) {
      errors.push(`${at}: below ${schema.minimum}`);
    }
    if ((schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) || (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum)) {
      errors.push(`${at}: out of range`);
    }
  }
  if ('const' in schema && value !== schema.const) {
    errors.push(`${at}: not ${String(schema.const)}`);
  }
  if (schema.enum && !schema.enum.includes(value)) {
    errors.push(`${at}: not in enum`);
  }
  if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) {
    errors.push(`${at}: does not match ${schema.pattern}`);
  }
  if (schema.minLength !== undefined && typeof value === 'string' && value.length < schema.minLength) {
    errors.push(`${at}: too short`);
  }
  if (schema.not && validate(value, schema.not, at).length === 0) {
    errors.push(`${at}: matches a forbidden schema`);
  }
  if (schema.if && validate(value, schema.if, at).length === 0 && schema.then) {
    errors.push(...validate(value, schema.then, at));
  }
  if (isObject) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!(key in record)) {
        errors.push(`${at}: missing ${key}`);
      }
    }
    for (const [key, child] of Object.entries(record)) {
      const childSchema = schema.properties?.[key];
      if (childSchema) {
        errors.push(...validate(child, childSchema, `${at}.${key}`));
      } else if (schema.additionalProperties === false) {
        errors.push(`${at}: unknown key ${key}`);
      }
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => errors.push(...validate(item, schema.items as Schema, `${at}[${index}]`)));
  }
  return errors;
}

/** The draft-07 types this schema uses. */
function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function validateYaml(text: string): string[] {
  return validate(parseYaml(text), SCHEMA);
}

describe('lifecycle.schema.json', () => {
  it('is draft-07 and lists the parser\'s statuses, built-in ids and stage keys', () => {
    assert.equal(SCHEMA.$schema, 'http://json-schema.org/draft-07/schema#');
    const stage = SCHEMA.definitions?.stage;
    assert.deepEqual(stage?.properties?.status?.enum, [...STAGE_STATUSES]);
    assert.deepEqual(SCHEMA.definitions?.builtInStageId?.enum, [...BUILT_IN_STAGE_IDS]);
    assert.deepEqual(Object.keys(stage?.properties ?? {}), [...STAGE_KEYS]);
    assert.deepEqual(Object.keys(SCHEMA.properties?.model?.properties ?? {}), [...MODEL_KEYS]);
    assert.deepEqual(Object.keys(SCHEMA.properties?.hardware?.properties ?? {}), [...HARDWARE_KEYS]);
    assert.deepEqual(SCHEMA.definitions?.precision?.enum, [...PRECISIONS]);
    assert.deepEqual(stage?.properties?.method?.enum, [...TUNING_METHODS]);
    assert.deepEqual(stage?.properties?.['reward-model']?.anyOf?.[0].enum, [...REWARD_MODEL_WORDS]);
    // The YAML extension's hovers say what completion says.
    assert.deepEqual(SCHEMA.definitions?.precision?.markdownEnumDescriptions, PRECISIONS.map((precision) => PRECISION_DOCS[precision]));
    assert.deepEqual(stage?.properties?.method?.markdownEnumDescriptions, TUNING_METHODS.map((method) => METHOD_DOCS[method]));
  });

  it('accepts the plans the extension writes and the example fixture', () => {
    assert.deepEqual(validateYaml(scaffold({ project: 'demo' })), []);
    assert.deepEqual(validateYaml(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'basic', 'lifecycle.yaml'), 'utf8')), []);
    assert.deepEqual(validateYaml(fs.readFileSync(path.join(ROOT, 'examples', 'support-assistant', 'lifecycle.yaml'), 'utf8')), []);
  });

  it('accepts the model, hardware and stage keys in every form the parser reads', () => {
    const text = [
      'version: 1',
      'model: {base: meta-llama/Llama-3.1-8B, parameters: 8B, precision: bf16}',
      'hardware: {gpu: A100-80GB, memory: 24 GiB, count: 2}',
      'stages:',
      '  - id: fine-tuning',
      '    blocked: 2026-02-01',
      '    evidence: [evals/report.md, "docs/**/*.md", ./model-card.md]',
      '    method: qlora',
      '    precision: int4',
      '    trainable: 0.5%',
      '  - {id: rlhf, trainable: 0.01, reward-model: train}',
      '  - {id: rlhf, reward-model: existing}',
      '  - {id: rlhf, reward-model: {existing: org/rm}}',
      '  - {id: rlhf, reward-model: {existing: }}',
      'project: p',
      '',
    ].join('\n');
    assert.deepEqual(parse(text).diagnostics.map((diagnostic) => diagnostic.code), ['duplicate-id', 'duplicate-id', 'duplicate-id']);
    assert.deepEqual(validateYaml(text), []);
    for (const parameters of ['70M', '1.5T', '7000000000', '7e9']) {
      assert.deepEqual(validateYaml(`version: 1\nmodel: {parameters: ${parameters}}\nstages: []\n`), [], parameters);
    }
  });

  it('rejects what the parser reports as errors', () => {
    const errors = validateYaml(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'lang-plan', 'lifecycle.yaml'), 'utf8'));
    assert.deepEqual(errors, ['$.stages[3].status: not in enum', '$.stages[5]: missing title', '$.stages[5]: unknown key ownr']);
    assert.deepEqual(validateYaml('version: 2\nstages:\n  - id: rlhf\n    started: 2026-1-1\n    tasks:\n      - done: true\n'), [
      '$.version: not 1',
      '$.stages[0].started: does not match ^\\d{4}-\\d{2}-\\d{2}$',
      '$.stages[0].tasks[0]: missing title',
    ]);
  });

  it('rejects the model, hardware and stage values the parser refuses', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['model: [8B]', '$.model: not object'],
      ['model: {parameters: 8b}', '$.model.parameters: matches none of anyOf'],
      ['model: {parameters: 8 billion}', '$.model.parameters: matches none of anyOf'],
      ['model: {parameters: 0}', '$.model.parameters: matches none of anyOf'],
      ['model: {precision: BF16}', '$.model.precision: not in enum'],
      ['model: {size: 8B}', '$.model: unknown key size'],
      ['hardware: {memory: 80G}', '$.hardware.memory: does not match ^\\d+(\\.\\d+)?\\s*(MB|GB|TB|MiB|GiB|TiB)$'],
      ['hardware: {memory: 80}', '$.hardware.memory: not string'],
      ['hardware: {count: 0}', '$.hardware.count: below 1'],
      ['hardware: {count: 1.5}', '$.hardware.count: not integer'],
      ['stages: [{id: rlhf, blocked: soon}]', '$.stages[0].blocked: does not match ^\\d{4}-\\d{2}-\\d{2}$'],
      ['stages: [{id: rlhf, evidence: evals/report.md}]', '$.stages[0].evidence: not array'],
      ['stages: [{id: rlhf, method: LoRA}]', '$.stages[0].method: not in enum'],
      ['stages: [{id: rlhf, trainable: 1}]', '$.stages[0].trainable: matches none of anyOf'],
      ['stages: [{id: rlhf, trainable: 1 percent}]', '$.stages[0].trainable: matches none of anyOf'],
      ['stages: [{id: rlhf, reward-model: reuse}]', '$.stages[0].reward-model: matches none of anyOf'],
      ['stages: [{id: rlhf, reward-model: {name: org/rm}}]', '$.stages[0].reward-model: matches none of anyOf'],
    ];
    for (const [line, error] of cases) {
      const text = line.startsWith('stages:') ? `version: 1\n${line}\n` : `version: 1\n${line}\nstages: []\n`;
      assert.deepEqual(validateYaml(text), [error], line);
      assert.ok(parse(text).diagnostics.length > 0, `the parser reports ${line} too`);
    }
    for (const entry of ['/etc/passwd', '~/notes.md', 'evals\\report.md', 'C:/report.md', 'https://example.com/x', '../outside.md', '']) {
      const text = `version: 1\nstages: [{id: rlhf, evidence: [${JSON.stringify(entry)}]}]\n`;
      const errors = validateYaml(text);
      assert.ok(errors.length > 0 && errors.every((error) => error.startsWith('$.stages[0].evidence[0]: ')), `${entry}: ${errors.join('; ')}`);
      assert.ok(parse(text).diagnostics.some((diagnostic) => diagnostic.code === 'invalid-evidence'), entry);
    }
  });
});
