// The chart's "GPU memory" row: per stage the estimate, a bar against the plan's total GPU
// memory, and a mark where it does not fit. Text goes in as text, sizes as SVG attributes.

import type { ChartColumn } from '../../src/model/presentation/chart';
import type { ChartMemory, ChartMemoryCell } from '../../src/model/presentation/chartMemory';
import type { ChartStrings } from '../../src/model/presentation/pageStrings';
import { el, emptyMark, fill, hiddenText, svg } from './dom';

const BAR_WIDTH = 100;

/** The share of the GPUs' memory as a bar; a bar past the end is clipped, the mark says the rest. */
function memoryBar(fraction: number, fits: boolean): SVGElement {
  const bar = svg('svg', { class: `memory-bar ${fits ? 'fits' : 'does-not-fit'}`, width: '100%', height: 8, viewBox: `0 0 ${BAR_WIDTH} 8`, preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' });
  bar.append(svg('rect', { class: 'track', x: 0, y: 0, width: BAR_WIDTH, height: 8, rx: 1 }));
  const filled = Math.max(0.5, Math.min(1, fraction) * BAR_WIDTH);
  bar.append(svg('rect', { class: 'fill', x: 0, y: 0, width: Number(filled.toFixed(2)), height: 8, rx: 1 }));
  return bar;
}

/** Not fitting: a mark for the eye, its meaning for the ear. */
function notFitMark(words: ChartStrings): HTMLSpanElement {
  const mark = el('span', 'memory-mark', '\u2716');
  mark.setAttribute('role', 'img');
  mark.setAttribute('aria-label', words.doesNotFit);
  mark.title = words.doesNotFitTooltip;
  return mark;
}

function percent(fraction: number): string {
  return `${String(Math.round(fraction * 100))}%`;
}

function drawCell(cell: ChartMemoryCell, memory: ChartMemory, words: ChartStrings): HTMLElement {
  if (cell.label === undefined) {
    return el('span', 'memory-problem', cell.problem ?? words.noEstimate);
  }
  const wrapper = el('div', `memory memory-${cell.fit}`);
  const figure = el('div', 'memory-figure');
  if (cell.fits === false) {
    figure.append(notFitMark(words));
  }
  figure.append(el('span', 'memory-total', cell.label));
  if (memory.hardwareTotal !== undefined && cell.fraction !== undefined) {
    figure.append(el('span', 'memory-of', fill(words.memoryOf, memory.hardwareTotal)));
  }
  wrapper.append(figure);
  if (cell.fraction !== undefined && cell.fits !== undefined) {
    wrapper.append(memoryBar(cell.fraction, cell.fits));
    wrapper.append(hiddenText(fill(words.memoryShare, percent(cell.fraction))));
  }
  const detail = [cell.method, cell.precision].filter((part): part is string => part !== undefined).join(', ');
  if (detail !== '') {
    wrapper.append(el('div', 'memory-detail', detail));
  }
  wrapper.append(el('div', 'memory-fit', cell.fitText));
  return wrapper;
}

/** A stage's cell: its estimate, or a dash when the plan does not list the stage. */
export function memoryCell(column: ChartColumn, memory: ChartMemory, words: ChartStrings): Node {
  const cell = memory.cells.find((candidate) => candidate.stageId === column.id);
  return cell ? drawCell(cell, memory, words) : emptyMark(column.inPlan ? words.noEstimateSpoken : words.notInThePlan);
}

/** The row when the plan gives no model size: one cell across the stages saying what to add. */
export function memoryMissingRow(memory: ChartMemory, span: number, words: ChartStrings): HTMLTableRowElement {
  const tr = el('tr', 'row-memory');
  const th = el('th', 'row-header', words.memoryRow);
  th.scope = 'row';
  const td = el('td', 'memory-missing', memory.missing ?? '');
  td.colSpan = span;
  tr.append(th, td);
  return tr;
}

/** The legend's line for the row: what the bar is measured against. */
export function memoryLegend(memory: ChartMemory, words: ChartStrings): HTMLParagraphElement {
  const against = memory.hardware === undefined ? (memory.hardwareProblem ?? '') : fill(words.memoryBars, memory.hardware);
  return el('p', 'memory-legend', fill(words.memoryLegend, against).trim());
}
