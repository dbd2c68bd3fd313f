// The effort chart's page script. It draws the chart data the extension posts (never
// interpolating it into HTML: every string goes in through `textContent` or an attribute),
// re-draws in place on every update, keeps its scroll position and selected stage with
// `getState`/`setState`, and asks the extension to act by posting messages the extension
// checks again. It shares the message contract with the extension by type-only imports.

import type { ChartAdvice, ChartColumn, ChartData, WebviewMessage } from '../../src/model/presentation/chart';
import type { ChartStringKey, ChartStrings, LocalizedChartMessage } from '../../src/model/presentation/pageStrings';
import { datesCell, effortPicture, legend, statusBadge, tasksCell } from './cells';
import { el, emptyMark, fill, isStringTable } from './dom';
import { memoryCell, memoryLegend, memoryMissingRow } from './memory';
import { vscodeApi } from './vscodeApi';

/** UI state that survives hiding the panel and reloading the window. */
interface UiState {
  scrollX: number;
  scrollY: number;
  tableScrollLeft: number;
  selectedStageId?: string;
}

const vscode = vscodeApi<WebviewMessage, UiState>();
const root = chartRoot();
const state = restoredState(vscode.getState());
let saveScheduled = false;
let restoringScroll = false;
/** The host's words for this page (in the display language), from the latest message. */
let words: ChartStrings;

/** Every word the page needs: a message without all of them as strings is not drawn. */
const CHART_STRING_KEYS = {
  heading: true, planPrefix: true, folderSuffix: true, chooseHint: true, introNoPlan: true, introNoFolder: true, createPlan: true, oneError: true, manyErrors: true,
  adviceRegion: true, effortAhead: true, noAdvice: true, nextStep: true, nextSteps: true, moreAdvice: true, stagePrefix: true, showStage: true, showStageInSidebar: true,
  stageButton: true, currentStageButton: true, chooseStatusTooltip: true, customTag: true, currentTag: true, actionOnStage: true, caption: true, captionWithPlan: true,
  stageColumn: true, effortRow: true, statusRow: true, ownerRow: true, datesRow: true, openTasksRow: true, memoryRow: true, notDeclared: true, noOwner: true,
  tableRegion: true, expertise: true, training: true, expertiseLevel: true, durationStep: true, notOnScale: true, notInPlan: true, noDates: true, started: true,
  completed: true, noTasks: true, allTasksDone: true, tasksOpen: true, legend: true, doesNotFit: true, doesNotFitTooltip: true, noEstimate: true,
  noEstimateSpoken: true, notInThePlan: true, memoryOf: true, memoryShare: true, memoryBars: true, memoryLegend: true,
} as const satisfies Record<ChartStringKey, true>;

function chartRoot(): HTMLElement {
  const found = document.getElementById('chart-root');
  if (!found) {
    throw new Error('the chart page has no #chart-root');
  }
  return found;
}

/** The saved state, keeping only well-typed fields: it comes from an earlier page. */
function restoredState(value: unknown): UiState {
  const fresh: UiState = { scrollX: 0, scrollY: 0, tableScrollLeft: 0 };
  if (typeof value !== 'object' || value === null) {
    return fresh;
  }
  const saved = value as Record<string, unknown>;
  for (const key of ['scrollX', 'scrollY', 'tableScrollLeft'] as const) {
    const number = saved[key];
    if (typeof number === 'number' && Number.isFinite(number) && number >= 0) {
      fresh[key] = number;
    }
  }
  if (typeof saved.selectedStageId === 'string') {
    fresh.selectedStageId = saved.selectedStageId;
  }
  return fresh;
}

function scheduleSave(): void {
  if (saveScheduled || restoringScroll) {
    return;
  }
  saveScheduled = true;
  requestAnimationFrame(() => {
    saveScheduled = false;
    state.scrollX = window.scrollX;
    state.scrollY = window.scrollY;
    const scroller = document.getElementById('chart-scroll');
    if (scroller) {
      state.tableScrollLeft = scroller.scrollLeft;
    }
    vscode.setState(state);
  });
}

function send(message: WebviewMessage): void {
  vscode.postMessage(message);
}

/** The stage's column header: a button (choose a status) when the plan has the stage. */
function stageHeader(column: ChartColumn, position: number): HTMLTableCellElement {
  const th = el('th', columnClasses(column, 'stage-header'));
  th.scope = 'col';
  th.dataset.stageId = column.id;
  const order = el('span', 'stage-order', String(position));
  order.setAttribute('aria-hidden', 'true');
  const title = el('span', 'stage-title', column.title);
  if (column.inPlan && column.status) {
    const button = el('button', 'stage-button');
    button.type = 'button';
    button.dataset.focusKey = `header:${column.id}`;
    button.setAttribute('aria-label', fill(column.current ? words.currentStageButton : words.stageButton, column.title, column.statusLabel ?? column.status));
    button.title = words.chooseStatusTooltip;
    button.append(order, title);
    button.addEventListener('click', () => {
      select(column.id);
      send({ type: 'chooseStatus', stageId: column.id });
    });
    button.addEventListener('focus', () => select(column.id));
    th.append(button);
  } else {
    th.append(order, title);
  }
  const tags = el('div', 'stage-tags');
  if (!column.builtIn) {
    tags.append(el('span', 'tag', words.customTag));
  }
  if (column.current) {
    tags.append(el('span', 'tag tag-current', words.currentTag));
  }
  if (tags.childElementCount > 0) {
    th.append(tags);
  }
  return th;
}

function columnClasses(column: ChartColumn, extra?: string): string {
  const classes = extra ? [extra] : [];
  if (column.current) {
    classes.push('is-current');
  }
  if (column.skipped) {
    classes.push('is-skipped');
  }
  if (!column.inPlan) {
    classes.push('is-absent');
  }
  if (column.id === state.selectedStageId) {
    classes.push('is-selected');
  }
  return classes.join(' ');
}

function select(stageId: string): void {
  if (state.selectedStageId === stageId) {
    return;
  }
  state.selectedStageId = stageId;
  for (const cell of document.querySelectorAll('[data-stage-id]')) {
    cell.classList.toggle('is-selected', cell.getAttribute('data-stage-id') === stageId);
  }
  vscode.setState(state);
}

/** One body row: a row header and a cell per stage made by `cell`. */
function row(label: string, columns: readonly ChartColumn[], cell: (column: ChartColumn) => Node, rowClass?: string): HTMLTableRowElement {
  const tr = el('tr', rowClass);
  const th = el('th', 'row-header', label);
  th.scope = 'row';
  tr.append(th);
  for (const column of columns) {
    const td = el('td', columnClasses(column));
    td.dataset.stageId = column.id;
    td.append(cell(column));
    tr.append(td);
  }
  return tr;
}

function statusCell(column: ChartColumn): HTMLDivElement {
  const wrapper = el('div', 'status');
  wrapper.append(statusBadge(column, words));
  if (column.note) {
    wrapper.append(el('p', 'note', column.note));
  }
  // The status table (statusActions.ts) picks the button; the host checks it again on arrival.
  const next = column.inPlan ? column.primaryAction : undefined;
  if (next) {
    const button = el('button', 'action', next.label);
    button.type = 'button';
    button.dataset.focusKey = `action:${column.id}`;
    button.setAttribute('aria-label', fill(words.actionOnStage, next.label, column.title));
    button.addEventListener('click', () => {
      select(column.id);
      send({ type: 'setStatus', stageId: column.id, status: next.status });
    });
    wrapper.append(button);
  }
  return wrapper;
}

function heading(chart: ChartData): HTMLElement {
  const header = el('header', 'chart-header');
  header.append(el('h1', undefined, words.heading));
  if (chart.hasPlan) {
    const where = el('p', 'subtitle');
    where.append(document.createTextNode(words.planPrefix));
    where.append(el('strong', undefined, chart.project ?? chart.folderName ?? 'lifecycle.yaml'));
    if (chart.project && chart.folderName) {
      where.append(document.createTextNode(fill(words.folderSuffix, chart.folderName)));
    }
    header.append(where);
    header.append(el('p', 'hint', words.chooseHint));
    header.append(adviceSection(chart));
  } else {
    header.append(el('p', 'subtitle', chart.folderName ? words.introNoPlan : words.introNoFolder));
    if (chart.folderName) {
      const create = el('button', 'primary', words.createPlan);
      create.type = 'button';
      create.dataset.focusKey = 'create-plan';
      create.addEventListener('click', () => send({ type: 'createPlan' }));
      header.append(create);
    }
  }
  if (chart.errorCount > 0) {
    const notice = el('p', 'notice', chart.errorCount === 1 ? words.oneError : fill(words.manyErrors, chart.errorCount));
    notice.setAttribute('role', 'status');
    header.append(notice);
  }
  return header;
}

/** The advisor's first few next steps and the effort roll-up; every string goes in as text. */
function adviceSection(chart: ChartData): HTMLElement {
  const section = el('section', 'advice');
  section.setAttribute('aria-label', words.adviceRegion);
  if (chart.effortSummary) {
    const effort = el('p', 'effort-summary');
    effort.append(el('strong', undefined, words.effortAhead), document.createTextNode(chart.effortSummary));
    section.append(effort);
  }
  const advice = Array.isArray(chart.advice) ? chart.advice : [];
  if (advice.length === 0) {
    section.append(el('p', 'advice-none', words.noAdvice));
    return section;
  }
  section.append(el('h2', 'advice-title', advice.length === 1 ? words.nextStep : words.nextSteps));
  const list = el('ul', 'advice-list');
  for (const entry of advice) {
    list.append(adviceItem(entry));
  }
  section.append(list);
  const more = chart.adviceCount - advice.length;
  if (more > 0) {
    section.append(el('p', 'hint', fill(words.moreAdvice, more)));
  }
  return section;
}

function adviceItem(entry: ChartAdvice): HTMLLIElement {
  const item = el('li', 'advice-item');
  item.dataset.adviceKey = entry.key;
  const text = el('span', 'advice-message');
  text.append(el('span', 'advice-stage', fill(words.stagePrefix, entry.stageTitle)), document.createTextNode(entry.message));
  const button = el('button', 'action advice-action', entry.actionLabel ?? words.showStage);
  button.type = 'button';
  button.dataset.focusKey = `advice:${entry.key}`;
  button.setAttribute('aria-label', entry.actionLabel ?? fill(words.showStageInSidebar, entry.stageTitle));
  button.addEventListener('click', () => {
    select(entry.stageId);
    send({ type: 'runAdvice', key: entry.key });
  });
  item.append(text, button);
  return item;
}

function table(chart: ChartData): HTMLDivElement {
  const columns = chart.columns;
  const tableElement = el('table', 'chart');
  const caption = el('caption', undefined, words.caption);
  if (chart.hasPlan) {
    caption.append(document.createTextNode(words.captionWithPlan));
  }
  tableElement.append(caption);
  const thead = el('thead');
  const headRow = el('tr');
  const corner = el('th', 'corner', words.stageColumn);
  corner.scope = 'col';
  headRow.append(corner);
  columns.forEach((column, index) => headRow.append(stageHeader(column, index + 1)));
  thead.append(headRow);
  tableElement.append(thead);

  const tbody = el('tbody');
  tbody.append(row(words.effortRow, columns, (column) => effortPicture(column, chart, words), 'row-effort'));
  for (const { key, label } of chart.rows) {
    tbody.append(
      row(label, columns, (column) => {
        const text = column.cells[key];
        return text ? el('span', 'cell-text', text) : emptyMark(words.notDeclared);
      }),
    );
  }
  if (chart.hasPlan) {
    tbody.append(row(words.statusRow, columns, statusCell, 'row-status'));
    tbody.append(row(words.ownerRow, columns, (column) => (column.owner ? el('span', 'owner', column.owner) : emptyMark(words.noOwner))));
    tbody.append(row(words.datesRow, columns, (column) => datesCell(column, words)));
    tbody.append(row(words.openTasksRow, columns, (column) => tasksCell(column, words)));
  }
  const memory = chart.memory;
  if (memory && Array.isArray(memory.cells)) {
    tbody.append(memory.missing === undefined ? row(words.memoryRow, columns, (column) => memoryCell(column, memory, words), 'row-memory') : memoryMissingRow(memory, columns.length, words));
  }
  tableElement.append(tbody);

  const scroller = el('div', 'chart-scroll');
  scroller.id = 'chart-scroll';
  // Focusable so keyboard users can scroll it sideways at narrow widths.
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', words.tableRegion);
  scroller.dataset.focusKey = 'scroller';
  scroller.addEventListener('scroll', scheduleSave, { passive: true });
  scroller.append(tableElement);
  return scroller;
}

/** Draws `chart`, replacing the previous drawing; keeps scroll positions and focus. */
function render(chart: ChartData): void {
  const active = document.activeElement;
  const focusKey = active instanceof HTMLElement && root.contains(active) ? active.dataset.focusKey : undefined;
  // An update keeps the live positions; the first drawing takes the saved ones.
  const previous = document.getElementById('chart-scroll');
  const scrollX = previous ? window.scrollX : state.scrollX;
  const scrollY = previous ? window.scrollY : state.scrollY;
  const tableScrollLeft = previous ? previous.scrollLeft : state.tableScrollLeft;
  restoringScroll = true;
  const footer = legend(chart, words);
  if (chart.memory && chart.memory.missing === undefined) {
    footer.append(memoryLegend(chart.memory, words));
  }
  root.replaceChildren(heading(chart), table(chart), footer);
  root.setAttribute('aria-busy', 'false');
  const scroller = document.getElementById('chart-scroll');
  if (scroller) {
    scroller.scrollLeft = tableScrollLeft;
  }
  window.scrollTo(scrollX, scrollY);
  if (focusKey) {
    // Compared, not put into a selector: the key holds a stage id from the plan.
    for (const candidate of root.querySelectorAll('[data-focus-key]')) {
      if (candidate instanceof HTMLElement && candidate.dataset.focusKey === focusKey) {
        candidate.focus({ preventScroll: true });
        break;
      }
    }
  }
  requestAnimationFrame(() => {
    restoringScroll = false;
  });
}

/** Only the extension posts to this page; still, draw nothing that is not chart data with its words. */
function isHostMessage(value: unknown): value is LocalizedChartMessage {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const message = value as Record<string, unknown>;
  if (message.type !== 'chart' || typeof message.chart !== 'object' || message.chart === null) {
    return false;
  }
  if (!isStringTable(message.strings, CHART_STRING_KEYS)) {
    return false;
  }
  const chart = message.chart as Record<string, unknown>;
  return Array.isArray(chart.columns) && Array.isArray(chart.rows) && Array.isArray(chart.expertiseScale) && Array.isArray(chart.durationScale);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) {
    words = event.data.strings;
    render(event.data.chart);
  }
});
window.addEventListener('scroll', scheduleSave, { passive: true });
send({ type: 'ready' });
