import * as vscode from 'vscode';
import type { Range } from '../model/domain/types';
import type { DiagnosticSeverity } from '../model/planFile/types';

/** `source` of our diagnostics in the Problems panel; quick fixes only act on these. */
export const DIAGNOSTIC_SOURCE = 'GenAI Lifecycle';

export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function fromVsRange(range: vscode.Range): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

const SEVERITIES: Readonly<Record<DiagnosticSeverity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export function toVsSeverity(severity: DiagnosticSeverity): vscode.DiagnosticSeverity {
  return SEVERITIES[severity];
}
