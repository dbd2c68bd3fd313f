// The located plan: a `Plan` together with the yaml nodes it was read from. The reader builds
// it and `edit` works on it, so both agree on exactly which nodes hold each stage and task.

import { isScalar, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { PlanStage } from '../domain/types';
import type { ParseResult } from './types';

/** Any yaml node, seen through what every parsed node has: its source range. */
export interface YamlNode {
  readonly range?: readonly [number, number, number] | null;
}

/** A stage of the plan with the yaml nodes it was read from. */
export interface StageSource {
  readonly stage: PlanStage;
  readonly node: YAMLMap;
  /** The yaml node of each task, parallel to `stage.tasks`. */
  readonly taskNodes: readonly YAMLMap[];
}

export interface PlanAnalysis extends ParseResult {
  /** True when the YAML itself is broken (the tree may be yaml's partial recovery). */
  readonly hasSyntaxErrors: boolean;
  readonly root: YAMLMap | undefined;
  readonly stagesNode: YAMLSeq | undefined;
  /** Parallel to `plan.stages`. */
  readonly stageSources: readonly StageSource[];
}

/** The node-less part of an analysis, for a plan that could not be read. */
export const NOTHING_READ = { root: undefined, stagesNode: undefined, stageSources: [] } as const;

/** The value of a pair, or undefined when it is absent or null (`key:` / `key: ~`). */
export function presentValue(pair: Pair): YamlNode | undefined {
  const value = pair.value;
  if (value === null || value === undefined) {
    return undefined;
  }
  if (isScalar(value) && (value.value === null || value.value === undefined)) {
    return undefined;
  }
  return value as YamlNode;
}

/** How many characters a node spans in the text (0 for an empty or unplaced node). */
export function nodeLength(node: YamlNode): number {
  return node.range ? node.range[1] - node.range[0] : 0;
}
