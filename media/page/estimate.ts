// The GPU memory estimate's page script: draws the table the extension posts (strings only
// through textContent), the formulas and the sources. It only ever says it is ready.

import type { EstimateRow } from '../../src/model/presentation/estimateText';
import type { EstimatePageMessage, EstimatePanelData } from '../../src/model/presentation/estimatePanel';
import type { EstimateStringKey, EstimateStrings, LocalizedEstimateMessage } from '../../src/model/presentation/pageStrings';
import { el, emptyMark, fill, isStringTable } from './dom';
import { vscodeApi } from './vscodeApi';

const vscode = vscodeApi<EstimatePageMessage, never>();
const root = document.getElementById('estimate-root') ?? document.body;
/** The host's words for this page (in the display language), from the latest message. */
let words: EstimateStrings;

/** Every word the page needs: a message without all of them as strings is not drawn. */
const ESTIMATE_STRING_KEYS = {
  heading: true, headingFor: true, model: true, hardware: true, howComputed: true, sources: true, namePrefix: true, caption: true, stageColumn: true, methodColumn: true,
  precisionColumn: true, memoryColumn: true, fitColumn: true, notesColumn: true, noEstimate: true, noMethod: true, noPrecision: true, noNotes: true, compute: true, doesNotFit: true,
} as const satisfies Record<EstimateStringKey, true>;

function cellText(text: string | undefined, spoken: string): HTMLElement {
  return text === undefined || text === '' ? emptyMark(spoken) : el('span', undefined, text);
}

function fitCell(row: EstimateRow): HTMLElement {
  const wrapper = el('span', `fit fit-${row.fit}`);
  if (row.fit === 'does-not-fit') {
    const mark = el('span', 'fit-mark', '\u2716');
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', words.doesNotFit);
    wrapper.append(mark, document.createTextNode(' '));
  }
  wrapper.append(document.createTextNode(row.fitText));
  return wrapper;
}

function notesCell(row: EstimateRow): HTMLElement {
  const notes = [row.problem, row.advice, row.compute === undefined ? undefined : fill(words.compute, row.compute)].filter((note): note is string => note !== undefined);
  if (notes.length === 0) {
    return emptyMark(words.noNotes);
  }
  const list = el('div', 'notes');
  for (const note of notes) {
    list.append(el('p', undefined, note));
  }
  return list;
}

function table(data: EstimatePanelData): HTMLTableElement {
  const tableElement = el('table', 'estimates');
  tableElement.append(el('caption', undefined, words.caption));
  const head = el('tr');
  for (const label of [words.stageColumn, words.methodColumn, words.precisionColumn, words.memoryColumn, words.fitColumn, words.notesColumn]) {
    const th = el('th', undefined, label);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const row of data.table.rows) {
    const tr = el('tr', `row-${row.fit}`);
    tr.dataset.stageId = row.stageId;
    const stage = el('th', undefined, row.title);
    stage.scope = 'row';
    const memory = el('td', 'memory');
    memory.append(cellText(row.total, words.noEstimate));
    const cells = [cellText(row.method, words.noMethod), cellText(row.precision, words.noPrecision)].map((content) => {
      const td = el('td');
      td.append(content);
      return td;
    });
    const fit = el('td');
    fit.append(fitCell(row));
    const notes = el('td');
    notes.append(notesCell(row));
    tr.append(stage, ...cells, memory, fit, notes);
    tbody.append(tr);
  }
  tableElement.append(thead, tbody);
  return tableElement;
}

function render(message: LocalizedEstimateMessage): void {
  words = message.strings;
  if (message.type === 'empty') {
    root.replaceChildren(el('h1', undefined, words.heading), el('p', 'basis', message.text));
    root.setAttribute('aria-busy', 'false');
    return;
  }
  const data = message.data;
  const header = el('header');
  header.append(el('h1', undefined, fill(words.headingFor, data.title)), el('p', 'basis', data.basis));
  const facts = [data.table.model === undefined ? undefined : fill(words.model, data.table.model), data.table.hardware === undefined ? data.table.hardwareProblem : fill(words.hardware, data.table.hardware)];
  for (const fact of facts) {
    if (fact !== undefined) {
      header.append(el('p', 'fact', fact));
    }
  }
  const formulas = el('section', 'formulas');
  formulas.append(el('h2', undefined, words.howComputed));
  const formulaList = el('ul');
  for (const entry of data.formulas) {
    const item = el('li');
    item.append(el('strong', undefined, fill(words.namePrefix, entry.name)), document.createTextNode(`${entry.formula} `), el('span', 'source', `(${entry.sources})`));
    formulaList.append(item);
  }
  formulas.append(formulaList);
  const sources = el('section', 'sources');
  sources.append(el('h2', undefined, words.sources));
  const sourceList = el('ul');
  for (const source of data.sources) {
    const item = el('li');
    item.append(el('strong', undefined, fill(words.namePrefix, source.short)), document.createTextNode(source.citation));
    sourceList.append(item);
  }
  sources.append(sourceList);
  const scroller = el('div', 'table-scroll');
  scroller.append(table(data));
  root.replaceChildren(header, scroller, formulas, sources);
  root.setAttribute('aria-busy', 'false');
}

function isHostMessage(value: unknown): value is LocalizedEstimateMessage {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const message = value as Record<string, unknown>;
  if (!isStringTable(message.strings, ESTIMATE_STRING_KEYS)) {
    return false;
  }
  if (message.type === 'empty') {
    return typeof message.text === 'string';
  }
  const data = message.data as Record<string, unknown> | null | undefined;
  return message.type === 'estimate' && typeof data === 'object' && data !== null && typeof data.table === 'object' && Array.isArray(data.formulas) && Array.isArray(data.sources);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) {
    render(event.data);
  }
});
vscode.postMessage({ type: 'ready' });
