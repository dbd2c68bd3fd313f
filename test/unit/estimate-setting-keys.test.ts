// The estimate settings in package.json are exactly the figures of EstimateSettings, with the
// course's figures as defaults; unusable values fall back to the default and are named.
import * as assert from 'node:assert/strict';
import { DEFAULT_ESTIMATE_SETTINGS } from '../../src/model/domain/estimateSettings';
import { ESTIMATE_SETTING_KEYS, estimateSettingsFrom, settingValue } from '../../src/model/domain/estimateSettingKeys';
import { MANIFEST } from './manifest';

const PREFIX = 'genaiLifecycle.estimates.';

interface SettingSchema {
  readonly default?: unknown;
  readonly type?: string;
  readonly enum?: readonly string[];
  readonly markdownDescription?: string;
}

const PROPERTIES = (MANIFEST as unknown as { contributes: { configuration: { properties: Record<string, SettingSchema> } } }).contributes.configuration.properties;

describe('estimate settings', () => {
  it('package.json declares one setting per figure, in order, each defaulting to the course figure', () => {
    const declared = Object.keys(PROPERTIES).filter((key) => key.startsWith(PREFIX));
    assert.deepEqual(declared, ESTIMATE_SETTING_KEYS.map((key) => PREFIX + key));
    for (const key of ESTIMATE_SETTING_KEYS) {
      const schema = PROPERTIES[PREFIX + key];
      assert.equal(schema.default, settingValue(DEFAULT_ESTIMATE_SETTINGS, key), key);
      assert.ok(schema.markdownDescription && /Default/.test(schema.markdownDescription), `${key} says its default and where it comes from`);
    }
    // Every figure of EstimateSettings has its setting.
    const figures = Object.keys(DEFAULT_ESTIMATE_SETTINGS).flatMap((field) =>
      field === 'bytesPerParameter' ? Object.keys(DEFAULT_ESTIMATE_SETTINGS.bytesPerParameter).map((precision) => `bytesPerParameter.${precision}`) : [field],
    );
    assert.deepEqual([...figures].sort(), [...ESTIMATE_SETTING_KEYS].sort());
  });

  it('nothing set reads as the defaults', () => {
    assert.deepEqual(estimateSettingsFrom(() => undefined), { settings: DEFAULT_ESTIMATE_SETTINGS, problems: [] });
  });

  it('takes usable values and names the unusable ones by their setting, keeping the default', () => {
    const values: Record<string, unknown> = {
      'bytesPerParameter.int4': 0.55,
      'bytesPerParameter.fp32': 'four',
      loraTrainableShare: 2,
      mixedPrecisionTrainingBytes: 18,
      defaultPrecision: 'fp8',
      qloraBasePrecision: 'int8',
      tokensPerParameter: null,
    };
    const { settings, problems } = estimateSettingsFrom((key) => values[key]);
    assert.equal(settings.bytesPerParameter.int4, 0.55);
    assert.equal(settings.bytesPerParameter.fp32, 4);
    assert.equal(settings.loraTrainableShare, 0.01);
    assert.equal(settings.mixedPrecisionTrainingBytes, 18);
    assert.equal(settings.defaultPrecision, 'bf16');
    assert.equal(settings.qloraBasePrecision, 'int8');
    assert.equal(settings.tokensPerParameter, 20);
    assert.deepEqual(problems, [
      'The setting genaiLifecycle.estimates.bytesPerParameter.fp32 = "four" is not a number; the default is used.',
      'The setting genaiLifecycle.estimates.loraTrainableShare = 2 is not a share above 0 and at most 1; the default 0.01 is used.',
      'The setting genaiLifecycle.estimates.defaultPrecision = fp8 is not one of fp32, fp16, bf16, int8, int4; the default bf16 is used.',
    ]);
  });
});
