// The JSON schema shipped for the YAML extension agrees with the parser: it accepts valid plans,
// rejects the problems the parser reports as errors, and lists the same statuses, ids and keys.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BUILT_IN_STAGE_IDS } from '../../src/model/domain/catalog';
import { STAGE_STATUSES } from '../../src/model/domain/statuses';
import { STAGE_KEYS } from '../../src/model/planFile/planLines';
import { scaffold } from '../../src/model/planFile/scaffold';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minLength?: number;
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
  if (schema.type === 'object' && !isObject) {
    return [`${at}: not an object`];
  }
  if (schema.type === 'array' && !Array.isArray(value)) {
    return [`${at}: not an array`];
  }
  if (schema.type === 'string' && typeof value !== 'string') {
    return [`${at}: not a string`];
  }
  if (schema.type === 'boolean' && typeof value !== 'boolean') {
    return [`${at}: not a boolean`];
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
  });

  it('accepts the plans the extension writes and the example fixture', () => {
    assert.deepEqual(validateYaml(scaffold({ project: 'demo' })), []);
    assert.deepEqual(validateYaml(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'basic', 'lifecycle.yaml'), 'utf8')), []);
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
});
