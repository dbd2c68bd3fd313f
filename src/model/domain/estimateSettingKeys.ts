// How the estimate settings are named in VS Code's settings (`genaiLifecycle.estimates.*`, one
// per figure of `EstimateSettings`, named after it) and how their values become overrides.
// Pure: the adapter passes a reader of its configuration; a unit test holds package.json to
// these keys and to `DEFAULT_ESTIMATE_SETTINGS`.

import * as l10n from '@vscode/l10n';
import { estimateSettings, type EstimateSettings, type EstimateSettingsOverrides } from './estimateSettings';
import { PRECISIONS, type Precision } from './types';

/** The settings' section under `genaiLifecycle`. */
export const ESTIMATE_SETTINGS_SECTION = 'estimates';

type NumberKey = 'fp32TrainingExtraBytes' | 'mixedPrecisionTrainingBytes' | 'activationWeightMultiple' | 'inferenceAllowanceShare' | 'loraTrainableShare' | 'tokensPerParameter' | 'flopsPerParameterToken';
type PrecisionKey = 'qloraBasePrecision' | 'defaultPrecision';

const NUMBER_KEYS: readonly NumberKey[] = [
  'fp32TrainingExtraBytes',
  'mixedPrecisionTrainingBytes',
  'activationWeightMultiple',
  'inferenceAllowanceShare',
  'loraTrainableShare',
  'tokensPerParameter',
  'flopsPerParameterToken',
];
const PRECISION_KEYS: readonly PrecisionKey[] = ['qloraBasePrecision', 'defaultPrecision'];

/** Every setting key under `genaiLifecycle.estimates.`, in the order of `EstimateSettings` (and package.json). */
export const ESTIMATE_SETTING_KEYS: readonly string[] = [
  ...PRECISIONS.map((precision) => `bytesPerParameter.${precision}`),
  'fp32TrainingExtraBytes',
  'mixedPrecisionTrainingBytes',
  'activationWeightMultiple',
  'inferenceAllowanceShare',
  'loraTrainableShare',
  'qloraBasePrecision',
  'defaultPrecision',
  'tokensPerParameter',
  'flopsPerParameterToken',
];

/** The setting's value in `settings` (what package.json's default must be for the defaults). */
export function settingValue(settings: EstimateSettings, key: string): number | string | undefined {
  const precision = /^bytesPerParameter\.(.+)$/.exec(key)?.[1];
  if (precision !== undefined) {
    return settings.bytesPerParameter[precision as Precision];
  }
  return (NUMBER_KEYS as readonly string[]).includes(key) || (PRECISION_KEYS as readonly string[]).includes(key) ? settings[key as NumberKey | PrecisionKey] : undefined;
}

/**
 * The settings from what `read` returns for each key (relative to `genaiLifecycle.estimates`;
 * undefined when not set). A value of the wrong type is named in `problems` and left out, as
 * `estimateSettings` does with a number out of range: the default is used instead.
 */
export function estimateSettingsFrom(read: (key: string) => unknown): { readonly settings: EstimateSettings; readonly problems: readonly string[] } {
  const problems: string[] = [];
  const name = (key: string): string => `genaiLifecycle.${ESTIMATE_SETTINGS_SECTION}.${key}`;
  const numberAt = (key: string): number | undefined => {
    const value = read(key);
    if (value === undefined || value === null || typeof value === 'number') {
      return value ?? undefined;
    }
    problems.push(l10n.t('The setting {0} = {1} is not a number; the default is used.', name(key), JSON.stringify(value)));
    return undefined;
  };
  const bytes: Partial<Record<Precision, number>> = {};
  for (const precision of PRECISIONS) {
    const value = numberAt(`bytesPerParameter.${precision}`);
    if (value !== undefined) {
      bytes[precision] = value;
    }
  }
  const overrides: { -readonly [K in keyof EstimateSettingsOverrides]: EstimateSettingsOverrides[K] } = { bytesPerParameter: bytes };
  for (const key of NUMBER_KEYS) {
    const value = numberAt(key);
    if (value !== undefined) {
      overrides[key] = value;
    }
  }
  for (const key of PRECISION_KEYS) {
    const value = read(key);
    if (typeof value === 'string') {
      overrides[key] = value as Precision;
    } else if (value !== undefined && value !== null) {
      problems.push(l10n.t('The setting {0} = {1} is not one of {2}; the default is used.', name(key), JSON.stringify(value), PRECISIONS.join(', ')));
    }
  }
  // Problems name the full setting, not the field.
  const result = estimateSettings(overrides, name);
  return { settings: result.settings, problems: [...problems, ...result.problems] };
}
