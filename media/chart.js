// @ts-check
// The effort chart's page script. It draws the chart data the extension posts (never
// interpolating it into HTML: every string goes in through `textContent` or an attribute),
// re-draws in place on every update, keeps its scroll position and selected stage with
// `getState`/`setState`, and asks the extension to act by posting checked messages.

/** @typedef {import('../src/model/chart').ChartData} ChartData */
/** @typedef {import('../src/model/chart').ChartColumn} ChartColumn */
/** @typedef {import('../src/model/chart').WebviewMessage} WebviewMessage */
/** @typedef {import('../src/model/types').StageStatus} StageStatus */
/**
 * UI state that survives hiding the panel and reloading the window.
 * @typedef {{ scrollX: number, scrollY: number, tableScrollLeft: number, selectedStageId?: string }} UiState
 */
/**
 * @typedef {{ postMessage(message: WebviewMessage): void, getState(): unknown, setState(state: UiState): void }} VsCodeApi
 */

(function () {
  'use strict';

  const SVG_NS = 'http://www.w3.org/2000/svg';

  /** @type {VsCodeApi} */
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('chart-root'));
  /** @type {UiState} */
  const state = restoredState(vscode.getState());
  let saveScheduled = false;
  let restoringScroll = false;

  /**
   * @param {unknown} value
   * @returns {UiState}
   */
  function restoredState(value) {
    /** @type {UiState} */
    const fresh = { scrollX: 0, scrollY: 0, tableScrollLeft: 0 };
    if (typeof value !== 'object' || value === null) {
      return fresh;
    }
    const saved = /** @type {Record<string, unknown>} */ (value);
    for (const key of /** @type {const} */ (['scrollX', 'scrollY', 'tableScrollLeft'])) {
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

  function scheduleSave() {
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

  /**
   * An element with a class and optional text (always as text, never markup).
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {string} [className]
   * @param {string} [text]
   * @returns {HTMLElementTagNameMap[K]}
   */
  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) {
      element.className = className;
    }
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  /**
   * @param {string} tag
   * @param {Record<string, string | number>} attributes
   * @returns {SVGElement}
   */
  function svg(tag, attributes) {
    const element = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes)) {
      element.setAttribute(name, String(value));
    }
    return element;
  }

  /** Text only screen readers get. */
  function hiddenText(/** @type {string} */ text) {
    return el('span', 'visually-hidden', text);
  }

  /** The mark of an empty cell: a dash for the eye, words for the ear. */
  function emptyMark(/** @type {string} */ spoken) {
    const wrapper = el('span', 'empty');
    const dash = el('span', undefined, '—');
    dash.setAttribute('aria-hidden', 'true');
    wrapper.append(dash, hiddenText(spoken));
    return wrapper;
  }

  /**
   * @param {WebviewMessage} message
   */
  function send(message) {
    vscode.postMessage(message);
  }

  /**
   * Expertise as four rising bars, filled up to the level (1..4).
   * @param {number} level
   * @param {number} steps
   */
  function expertiseBars(level, steps) {
    const width = steps * 9 - 3;
    const picture = svg('svg', { class: 'meter meter-expertise', width, height: 20, viewBox: `0 0 ${width} 20`, 'aria-hidden': 'true', focusable: 'false' });
    for (let i = 0; i < steps; i++) {
      const height = 5 + (i * 15) / Math.max(1, steps - 1);
      picture.append(svg('rect', { class: i < level ? 'on' : 'off', x: i * 9, y: 20 - height, width: 6, height, rx: 1 }));
    }
    return picture;
  }

  /**
   * Training duration as a segmented track, one segment per step above "not required".
   * @param {number} level 0..steps
   * @param {number} steps
   */
  function durationTrack(level, steps) {
    const width = steps * 16 - 2;
    const picture = svg('svg', { class: 'meter meter-duration', width, height: 20, viewBox: `0 0 ${width} 20`, 'aria-hidden': 'true', focusable: 'false' });
    for (let i = 0; i < steps; i++) {
      picture.append(svg('rect', { class: i < level ? 'on' : 'off', x: i * 16, y: 7, width: 14, height: 6, rx: 1 }));
    }
    return picture;
  }

  /**
   * The effort picture of one stage: expertise bars and the duration track, each labelled.
   * @param {ChartColumn} column
   * @param {ChartData} chart
   */
  function effortPicture(column, chart) {
    const picture = el('div', 'effort');
    const expertiseSteps = chart.expertiseScale.length;
    const durationSteps = chart.durationScale.length - 1;
    const expertise = el('div', 'effort-line');
    expertise.append(el('span', 'effort-name', 'Expertise'));
    if (column.expertiseLevel !== undefined) {
      expertise.append(expertiseBars(column.expertiseLevel, expertiseSteps));
      const label = chart.expertiseScale[column.expertiseLevel - 1] ?? '';
      expertise.append(el('span', 'effort-value', label));
      expertise.append(hiddenText(`, level ${column.expertiseLevel} of ${expertiseSteps}`));
    } else {
      expertise.append(emptyMark('not on the scale'));
    }
    const duration = el('div', 'effort-line');
    duration.append(el('span', 'effort-name', 'Training'));
    if (column.durationLevel !== undefined) {
      duration.append(durationTrack(column.durationLevel, durationSteps));
      duration.append(el('span', 'effort-value', chart.durationScale[column.durationLevel] ?? ''));
      duration.append(hiddenText(`, step ${column.durationLevel} of ${durationSteps}`));
    } else {
      duration.append(emptyMark('not on the scale'));
    }
    picture.append(expertise, duration);
    return picture;
  }

  /**
   * @param {ChartColumn} column
   */
  function statusBadge(column) {
    if (!column.status) {
      return el('span', 'badge badge-absent', 'Not in plan');
    }
    const badge = el('span', `badge badge-${column.status}`);
    const dot = el('span', 'badge-dot');
    dot.setAttribute('aria-hidden', 'true');
    badge.append(dot, el('span', 'badge-label', column.statusLabel ?? column.status));
    return badge;
  }

  /**
   * The stage's column header: a button (choose a status) when the plan has the stage.
   * @param {ChartColumn} column
   * @param {number} position
   */
  function stageHeader(column, position) {
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
      button.setAttribute('aria-label', `${column.title}: ${column.statusLabel ?? column.status}${column.current ? ', current stage' : ''}. Choose a status…`);
      button.title = 'Choose a status for this stage';
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
      tags.append(el('span', 'tag', 'Custom'));
    }
    if (column.current) {
      tags.append(el('span', 'tag tag-current', 'Current'));
    }
    if (tags.childElementCount > 0) {
      th.append(tags);
    }
    return th;
  }

  /**
   * @param {ChartColumn} column
   * @param {string} [extra]
   */
  function columnClasses(column, extra) {
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

  /** @param {string} stageId */
  function select(stageId) {
    if (state.selectedStageId === stageId) {
      return;
    }
    state.selectedStageId = stageId;
    for (const cell of document.querySelectorAll('[data-stage-id]')) {
      cell.classList.toggle('is-selected', cell.getAttribute('data-stage-id') === stageId);
    }
    vscode.setState(state);
  }

  /**
   * One body row: a row header and a cell per stage made by `cell`.
   * @param {string} label
   * @param {readonly ChartColumn[]} columns
   * @param {(column: ChartColumn) => Node} cell
   * @param {string} [rowClass]
   */
  function row(label, columns, cell, rowClass) {
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

  /** @param {ChartColumn} column */
  function statusCell(column) {
    const wrapper = el('div', 'status');
    wrapper.append(statusBadge(column));
    if (column.note) {
      wrapper.append(el('p', 'note', column.note));
    }
    // The status table (statusActions.ts) picks the button; the host checks it again on arrival.
    const next = column.inPlan ? column.primaryAction : undefined;
    if (next) {
      const button = el('button', 'action', next.label);
      button.type = 'button';
      button.dataset.focusKey = `action:${column.id}`;
      button.setAttribute('aria-label', `${next.label} ${column.title}`);
      const target = next.status;
      button.addEventListener('click', () => {
        select(column.id);
        send({ type: 'setStatus', stageId: column.id, status: target });
      });
      wrapper.append(button);
    }
    return wrapper;
  }

  /** @param {ChartColumn} column */
  function datesCell(column) {
    if (!column.started && !column.completed) {
      return emptyMark('no dates');
    }
    const list = el('div', 'dates');
    if (column.started) {
      list.append(dateLine('Started', column.started));
    }
    if (column.completed) {
      list.append(dateLine('Completed', column.completed));
    }
    return list;
  }

  /**
   * @param {string} label
   * @param {string} date
   */
  function dateLine(label, date) {
    const line = el('div', 'date');
    const time = el('time', undefined, date);
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      time.dateTime = date;
    }
    line.append(el('span', 'date-label', `${label} `), time);
    return line;
  }

  /** @param {ChartColumn} column */
  function tasksCell(column) {
    if (column.totalTasks === 0) {
      return emptyMark('no tasks');
    }
    const text = column.openTasks === 0 ? `All ${column.totalTasks} done` : `${column.openTasks} of ${column.totalTasks} open`;
    return el('span', column.openTasks > 0 ? 'tasks tasks-open' : 'tasks', text);
  }

  /** @param {ChartData} chart */
  function heading(chart) {
    const header = el('header', 'chart-header');
    header.append(el('h1', undefined, 'GenAI lifecycle effort chart'));
    if (chart.hasPlan) {
      const where = el('p', 'subtitle');
      where.append(document.createTextNode('Plan: '));
      where.append(el('strong', undefined, chart.project ?? chart.folderName ?? 'lifecycle.yaml'));
      if (chart.project && chart.folderName) {
        where.append(document.createTextNode(` (folder ${chart.folderName})`));
      }
      header.append(where);
      header.append(el('p', 'hint', 'Choose a stage heading to set its status, or use the button under its status.'));
    } else {
      header.append(
        el(
          'p',
          'subtitle',
          chart.folderName
            ? 'The effort each stage of a generative AI project usually takes. This folder has no lifecycle plan yet: create one to track your project on this chart.'
            : 'The effort each stage of a generative AI project usually takes. Open a folder to track a project on this chart.',
        ),
      );
      if (chart.folderName) {
        const create = el('button', 'primary', 'Create lifecycle.yaml');
        create.type = 'button';
        create.dataset.focusKey = 'create-plan';
        create.addEventListener('click', () => send({ type: 'createPlan' }));
        header.append(create);
      }
    }
    if (chart.errorCount > 0) {
      const notice = el(
        'p',
        'notice',
        `lifecycle.yaml has ${chart.errorCount} ${chart.errorCount === 1 ? 'error' : 'errors'}: the chart shows the last version without errors. See the Problems panel.`,
      );
      notice.setAttribute('role', 'status');
      header.append(notice);
    }
    return header;
  }

  /** @param {ChartData} chart */
  function table(chart) {
    const columns = chart.columns;
    const tableElement = el('table', 'chart');
    const caption = el('caption', undefined, 'Effort per lifecycle stage: training duration, customization, objective and expertise');
    if (chart.hasPlan) {
      caption.append(document.createTextNode(', with the plan’s status, owners, dates and open tasks'));
    }
    tableElement.append(caption);
    const thead = el('thead');
    const headRow = el('tr');
    const corner = el('th', 'corner', 'Stage');
    corner.scope = 'col';
    headRow.append(corner);
    columns.forEach((column, index) => headRow.append(stageHeader(column, index + 1)));
    thead.append(headRow);
    tableElement.append(thead);

    const tbody = el('tbody');
    tbody.append(row('Effort', columns, (column) => effortPicture(column, chart), 'row-effort'));
    for (const { key, label } of chart.rows) {
      tbody.append(
        row(label, columns, (column) => {
          const text = column.cells[key];
          return text ? el('span', 'cell-text', text) : emptyMark('not declared');
        }),
      );
    }
    if (chart.hasPlan) {
      tbody.append(row('Status', columns, statusCell, 'row-status'));
      tbody.append(row('Owner', columns, (column) => (column.owner ? el('span', 'owner', column.owner) : emptyMark('no owner'))));
      tbody.append(row('Dates', columns, datesCell));
      tbody.append(row('Open tasks', columns, tasksCell));
    }
    tableElement.append(tbody);

    const scroller = el('div', 'chart-scroll');
    scroller.id = 'chart-scroll';
    // Focusable so keyboard users can scroll it sideways at narrow widths.
    scroller.tabIndex = 0;
    scroller.setAttribute('role', 'region');
    scroller.setAttribute('aria-label', 'Effort chart table');
    scroller.dataset.focusKey = 'scroller';
    scroller.addEventListener('scroll', scheduleSave, { passive: true });
    scroller.append(tableElement);
    return scroller;
  }

  /** @param {ChartData} chart */
  function legend(chart) {
    const footer = el('footer', 'legend');
    const scale = chart.expertiseScale.join(', ');
    const steps = chart.durationScale.join(', ');
    footer.append(el('p', undefined, `Expertise bars: ${scale}. Training track: ${steps}.`));
    return footer;
  }

  /**
   * Draws `chart`, replacing the previous drawing; keeps scroll positions and focus.
   * @param {ChartData} chart
   */
  function render(chart) {
    const active = document.activeElement;
    const focusKey = active instanceof HTMLElement && root.contains(active) ? active.dataset.focusKey : undefined;
    // An update keeps the live positions; the first drawing takes the saved ones.
    const previous = document.getElementById('chart-scroll');
    const scrollX = previous ? window.scrollX : state.scrollX;
    const scrollY = previous ? window.scrollY : state.scrollY;
    const tableScrollLeft = previous ? previous.scrollLeft : state.tableScrollLeft;
    restoringScroll = true;
    root.replaceChildren(heading(chart), table(chart), legend(chart));
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

  /**
   * Only the extension posts to this page; still, draw nothing that is not chart data.
   * @param {unknown} value
   * @returns {value is ChartData}
   */
  function isChartData(value) {
    if (typeof value !== 'object' || value === null) {
      return false;
    }
    const chart = /** @type {Record<string, unknown>} */ (value);
    return Array.isArray(chart.columns) && Array.isArray(chart.rows) && Array.isArray(chart.expertiseScale) && Array.isArray(chart.durationScale);
  }

  window.addEventListener('message', (/** @type {MessageEvent} */ event) => {
    const message = event.data;
    if (typeof message === 'object' && message !== null && message.type === 'chart' && isChartData(message.chart)) {
      render(message.chart);
    }
  });
  window.addEventListener('scroll', scheduleSave, { passive: true });
  send({ type: 'ready' });
})();
