// The chart's cells that draw from the data alone (no page state, no messages).

import type { ChartColumn, ChartData } from '../../src/model/presentation/chart';
import type { ChartStrings } from '../../src/model/presentation/pageStrings';
import { el, emptyMark, fill, hiddenText, svg } from './dom';

/** Expertise as rising bars, filled up to the level (1..steps). */
function expertiseBars(level: number, steps: number): SVGElement {
  const width = steps * 9 - 3;
  const picture = svg('svg', { class: 'meter meter-expertise', width, height: 20, viewBox: `0 0 ${width} 20`, 'aria-hidden': 'true', focusable: 'false' });
  for (let i = 0; i < steps; i++) {
    const height = 5 + (i * 15) / Math.max(1, steps - 1);
    picture.append(svg('rect', { class: i < level ? 'on' : 'off', x: i * 9, y: 20 - height, width: 6, height, rx: 1 }));
  }
  return picture;
}

/** Training duration as a segmented track, one segment per step above "not required" (level 0..steps). */
function durationTrack(level: number, steps: number): SVGElement {
  const width = steps * 16 - 2;
  const picture = svg('svg', { class: 'meter meter-duration', width, height: 20, viewBox: `0 0 ${width} 20`, 'aria-hidden': 'true', focusable: 'false' });
  for (let i = 0; i < steps; i++) {
    picture.append(svg('rect', { class: i < level ? 'on' : 'off', x: i * 16, y: 7, width: 14, height: 6, rx: 1 }));
  }
  return picture;
}

/** Both meters of a stage, each labelled, with the level in words for screen readers. */
export function effortPicture(column: ChartColumn, chart: ChartData, words: ChartStrings): HTMLDivElement {
  const picture = el('div', 'effort');
  const expertiseSteps = chart.expertiseScale.length;
  const durationSteps = chart.durationScale.length - 1;
  const expertise = el('div', 'effort-line');
  expertise.append(el('span', 'effort-name', words.expertise));
  if (column.expertiseLevel !== undefined) {
    expertise.append(expertiseBars(column.expertiseLevel, expertiseSteps));
    const label = chart.expertiseScale[column.expertiseLevel - 1] ?? '';
    expertise.append(el('span', 'effort-value', label));
    expertise.append(hiddenText(fill(words.expertiseLevel, column.expertiseLevel, expertiseSteps)));
  } else {
    expertise.append(emptyMark(words.notOnScale));
  }
  const duration = el('div', 'effort-line');
  duration.append(el('span', 'effort-name', words.training));
  if (column.durationLevel !== undefined) {
    duration.append(durationTrack(column.durationLevel, durationSteps));
    duration.append(el('span', 'effort-value', chart.durationScale[column.durationLevel] ?? ''));
    duration.append(hiddenText(fill(words.durationStep, column.durationLevel, durationSteps)));
  } else {
    duration.append(emptyMark(words.notOnScale));
  }
  picture.append(expertise, duration);
  return picture;
}

export function statusBadge(column: ChartColumn, words: ChartStrings): HTMLSpanElement {
  if (!column.status) {
    return el('span', 'badge badge-absent', words.notInPlan);
  }
  const badge = el('span', `badge badge-${column.status}`);
  const dot = el('span', 'badge-dot');
  dot.setAttribute('aria-hidden', 'true');
  badge.append(dot, el('span', 'badge-label', column.statusLabel ?? column.status));
  return badge;
}

export function datesCell(column: ChartColumn, words: ChartStrings): HTMLElement {
  if (!column.started && !column.completed) {
    return emptyMark(words.noDates);
  }
  const list = el('div', 'dates');
  if (column.started) {
    list.append(dateLine(words.started, column.started));
  }
  if (column.completed) {
    list.append(dateLine(words.completed, column.completed));
  }
  return list;
}

function dateLine(label: string, date: string): HTMLDivElement {
  const line = el('div', 'date');
  const time = el('time', undefined, date);
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    time.dateTime = date;
  }
  line.append(el('span', 'date-label', `${label} `), time);
  return line;
}

export function tasksCell(column: ChartColumn, words: ChartStrings): HTMLSpanElement {
  if (column.totalTasks === 0) {
    return emptyMark(words.noTasks);
  }
  const text = column.openTasks === 0 ? fill(words.allTasksDone, column.totalTasks) : fill(words.tasksOpen, column.openTasks, column.totalTasks);
  return el('span', column.openTasks > 0 ? 'tasks tasks-open' : 'tasks', text);
}

/** The chart's footer: the scales the meters draw. */
export function legend(chart: ChartData, words: ChartStrings): HTMLElement {
  const footer = el('footer', 'legend');
  const scale = chart.expertiseScale.join(', ');
  const steps = chart.durationScale.join(', ');
  footer.append(el('p', undefined, fill(words.legend, scale, steps)));
  return footer;
}
