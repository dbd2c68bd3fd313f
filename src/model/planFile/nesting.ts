// A guard against absurdly deep nesting, checked on the lexer's token stream before yaml
// builds any tree. yaml composes nodes recursively: thousands of levels (`[[[[...`) exhaust
// the stack, and in tests a few hundred thousand made V8 abort the whole process, which in
// VS Code would take the extension host down. A real plan nests about five levels.

import { CST } from 'yaml';

/** Deepest nesting accepted; far above any real plan, far below what breaks yaml. */
export const MAX_NESTING_DEPTH = 64;

/**
 * Watches lexemes (from `yaml`'s `Lexer`) and estimates the nesting depth: flow depth
 * exactly, block depth from the columns of indicators and keys (nested block nodes always
 * sit at greater columns than their parents).
 */
export class NestingGuard {
  /** Offset of the token where the limit was passed, once it has been. */
  exceededAt: number | undefined;
  private flowDepth = 0;
  /** Columns of the open block nodes, strictly increasing. */
  private readonly blockColumns: number[] = [];
  private offset = 0;
  private column = 0;
  /** Column where the last node on this line began (a key, if `:` follows). */
  private nodeColumn: number | undefined;
  private nextIsScalarSource = false;

  constructor(private readonly limit: number = MAX_NESTING_DEPTH) {}

  get exceeded(): boolean {
    return this.exceededAt !== undefined;
  }

  observe(lexeme: string): void {
    if (this.exceeded) {
      return;
    }
    const start = this.offset;
    const startColumn = this.column;
    this.advance(lexeme);
    if (this.nextIsScalarSource) {
      // The source of a plain or block scalar: text, whatever characters it holds.
      this.nextIsScalarSource = false;
      this.nodeColumn ??= startColumn;
      return;
    }
    switch (CST.tokenType(lexeme)) {
      case 'scalar':
        this.nextIsScalarSource = true; // Zero-width marker: the scalar's source comes next.
        break;
      case 'flow-seq-start':
      case 'flow-map-start':
        if (this.flowDepth === 0) {
          this.nodeColumn ??= startColumn;
        }
        this.flowDepth++;
        this.check(start);
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        this.flowDepth = Math.max(0, this.flowDepth - 1);
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
        this.openBlock(startColumn, start);
        break;
      case 'map-value-ind':
        this.openBlock(this.nodeColumn ?? startColumn, start);
        break;
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'alias':
        this.nodeColumn ??= startColumn;
        break;
      case 'newline':
        this.nodeColumn = undefined;
        break;
      case 'doc-start':
      case 'doc-end':
        this.blockColumns.length = 0;
        this.flowDepth = 0;
        break;
      default:
        break;
    }
  }

  private openBlock(column: number, offset: number): void {
    if (this.flowDepth > 0) {
      return; // Inside flow collections indicators do not nest by column.
    }
    while (this.blockColumns.length > 0 && this.blockColumns[this.blockColumns.length - 1] >= column) {
      this.blockColumns.pop();
    }
    this.blockColumns.push(column);
    this.nodeColumn = undefined;
    this.check(offset);
  }

  private check(offset: number): void {
    if (this.blockColumns.length + this.flowDepth > this.limit) {
      this.exceededAt = offset;
    }
  }

  /** Moves offset and column past a lexeme (markers are zero-width, scalars may span lines). */
  private advance(lexeme: string): void {
    if (lexeme === CST.DOCUMENT || lexeme === CST.SCALAR || lexeme === CST.FLOW_END) {
      return;
    }
    this.offset += lexeme.length;
    const lastBreak = Math.max(lexeme.lastIndexOf('\n'), lexeme.lastIndexOf('\r'));
    this.column = lastBreak >= 0 ? lexeme.length - lastBreak - 1 : this.column + lexeme.length;
  }
}
