// The diagnostics of one plan, collected while the reader walks it: yaml offsets become
// ranges, yaml's own problems are capped, a pathological file cannot flood the Problems panel,
// and the result reads in document order.

import * as l10n from '@vscode/l10n';
import { Document, isAlias, Pair } from 'yaml';
import type { Position, Range } from '../domain/types';
import { nodeLength, YamlNode } from './analysis';
import { LineIndex, trimEndWhitespace } from './text';
import { DiagnosticSeverity, PlanDiagnostic, PlanDiagnosticCode } from './types';

/** yaml problems listed before the rest are summarized in one diagnostic. */
export const MAX_YAML_PROBLEMS = 50;
/** Diagnostics listed in all; more are counted in one closing diagnostic. */
const MAX_DIAGNOSTICS = 1000;

export class DiagnosticCollector {
  private readonly diagnostics: PlanDiagnostic[] = [];
  /** Problems over the cap: how many, the earliest one's start and the worst severity among them. */
  private unlisted: { count: number; firstStart: Position; severity: DiagnosticSeverity } | undefined;
  /**
   * Set by the reader when the YAML itself is broken: then only `yaml-syntax` problems are
   * kept (the tree is yaml's best guess, and complaints about a guess mislead).
   */
  schemaProblemsMuted = false;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  /** yaml's own errors and warnings; a broken file can yield thousands, so they are capped. */
  reportYamlProblems(document: Document): void {
    const problems = [
      ...document.errors.map((problem) => ({ problem, severity: 'error' as const })),
      ...document.warnings.map((problem) => ({ problem, severity: 'warning' as const })),
    ];
    for (const { problem, severity } of problems.slice(0, MAX_YAML_PROBLEMS)) {
      this.report('yaml-syntax', severity, problem.message, problem.pos[0], problem.pos[1]);
    }
    const firstUnlisted = problems[MAX_YAML_PROBLEMS]?.problem;
    if (firstUnlisted) {
      this.reportUnlisted(problems.length - MAX_YAML_PROBLEMS, 'yaml-problems', firstUnlisted.pos[0]);
    }
  }

  /**
   * One `more-problems` diagnostic for `count` problems of a kind that were not listed, at the
   * start of the first of them (its own code, so no quick fix of a listed problem repeats on it).
   */
  reportUnlisted(count: number, what: 'yaml-problems' | 'duplicate-keys', offset: number): void {
    const at = this.lines.positionAt(offset);
    const message =
      what === 'yaml-problems'
        ? l10n.t('{0} more YAML problems are not listed; fix the ones above first.', count)
        : l10n.t('{0} more duplicate keys are not listed; fix the ones above first.', count);
    this.diagnostics.push({ code: 'more-problems', severity: 'error', message, range: { start: at, end: at } });
  }

  /** Diagnostics in document order (stable), so the Problems panel and tests read top-down. */
  sorted(): PlanDiagnostic[] {
    const sorted = this.diagnostics
      .map((diagnostic, order) => ({ diagnostic, order }))
      .sort((a, b) => comparePositions(a.diagnostic.range.start, b.diagnostic.range.start) || a.order - b.order)
      .map(({ diagnostic }) => diagnostic);
    const unlisted = this.unlisted;
    if (unlisted) {
      // Last, after the listed ones it refers to ("the ones above"), where the first unlisted one starts.
      const message = l10n.t('{0} more problems are not listed; fix the ones above first.', unlisted.count);
      const at = unlisted.firstStart;
      sorted.push({ code: 'more-problems', severity: unlisted.severity, message, range: { start: at, end: at } });
    }
    return sorted;
  }

  reportNotMapping(item: unknown, message: string): void {
    const target = (item as YamlNode | null) ?? undefined;
    const full = isAlias(item) ? l10n.t('{0} Aliases (`*name`) are not supported in a plan: write the stage out.', message) : message;
    this.reportAt('wrong-type', 'error', full, target);
  }

  reportWrongType(pair: Pair, name: string, expected: string): void {
    const value = pair.value as YamlNode | null;
    const target = value && nodeLength(value) > 0 ? value : (pair.key as YamlNode);
    const message = isAlias(value)
      ? l10n.t('`{0}` must be {1}. Aliases (`*name`) are not supported in a plan: write the value out.', name, expected)
      : l10n.t('`{0}` must be {1}.', name, expected);
    this.reportAt('wrong-type', 'error', message, target, { key: name });
  }

  reportAt(
    code: PlanDiagnosticCode,
    severity: DiagnosticSeverity,
    message: string,
    node: YamlNode | null | undefined,
    data?: Record<string, string>,
  ): void {
    const range = node?.range;
    if (range) {
      this.report(code, severity, message, range[0], trimEndWhitespace(this.text, range[0], range[1]), data);
    } else {
      this.report(code, severity, message, 0, 0, data);
    }
  }

  report(code: PlanDiagnosticCode, severity: DiagnosticSeverity, message: string, start: number, end: number, data?: Record<string, string>): void {
    this.reportRange(code, severity, message, this.lines.rangeOf(start, end), data);
  }

  reportRange(code: PlanDiagnosticCode, severity: DiagnosticSeverity, message: string, range: Range, data?: Record<string, string>): void {
    if (this.schemaProblemsMuted && code !== 'yaml-syntax') {
      return;
    }
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) {
      this.countUnlisted(range.start, severity); // A pathological file must not flood the Problems panel.
      return;
    }
    this.diagnostics.push({ code, severity, message, range, ...(data && { data }) });
  }

  private countUnlisted(start: Position, severity: DiagnosticSeverity): void {
    const unlisted = this.unlisted;
    if (!unlisted) {
      this.unlisted = { count: 1, firstStart: start, severity };
      return;
    }
    unlisted.count++;
    if (comparePositions(start, unlisted.firstStart) < 0) {
      unlisted.firstStart = start;
    }
    if (SEVERITY_RANK[severity] > SEVERITY_RANK[unlisted.severity]) {
      unlisted.severity = severity;
    }
  }
}

const SEVERITY_RANK: Readonly<Record<DiagnosticSeverity, number>> = { information: 0, warning: 1, error: 2 };

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
