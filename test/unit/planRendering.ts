// Renders a generated plan spec (planArbitraries.ts) to the text of a lifecycle.yaml. Comments
// are `#@N@` and anchors `&aN`, numbered in writing order so each is unique.

import { FIELD_NAMES, Head, PlanSpec, ScalarSpec, StageSpec, TaskSpec, TasksSpec } from './planArbitraries';

const BLOCK_STYLES = new Set(['|', '|-', '|+', '>', '>-', '>+']);

/** A field as written: the text after `key:` on its line, and the lines below it. */
interface Rendered {
  readonly head: string;
  readonly below: readonly string[];
}

class Writer {
  readonly lines: string[] = [];
  private comments = 0;
  private anchors = 0;

  comment(): string {
    return `#@${++this.comments}@`;
  }

  anchor(): string {
    return `&a${++this.anchors}`;
  }

  /** A scalar in block context; block scalars put their content at `indent` plus two. */
  scalar(spec: ScalarSpec, indent: string, eolComment: string): Rendered {
    const anchor = spec.anchor ? `${this.anchor()} ` : '';
    if (BLOCK_STYLES.has(spec.style)) {
      const content = spec.words.map((word) => `${indent}  ${word}`);
      return { head: `${anchor}${spec.style}${eolComment}`, below: [...content, ...Array<string>(spec.trailingBlankLines).fill('')] };
    }
    return { head: `${anchor}${inlineScalar(spec)}${eolComment}`, below: [] };
  }

  /** A scalar inside a flow collection: block styles become double-quoted. */
  flowScalar(spec: ScalarSpec): string {
    return `${spec.anchor ? `${this.anchor()} ` : ''}${inlineScalar(spec)}`;
  }
}

function inlineScalar(spec: ScalarSpec): string {
  const text = spec.words.join(' ');
  if (spec.style === 'plain') {
    return text;
  }
  if (spec.style === 'single') {
    return `'${text.replace(/'/g, "''")}'`;
  }
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function quoted(value: string, quote: 'plain' | 'single' | 'double'): string {
  return quote === 'plain' ? value : quote === 'single' ? `'${value}'` : `"${value}"`;
}

/** The fields of a stage as [key, block rendering, flow rendering], in written order. */
function stageFields(writer: Writer, stage: StageSpec, indent: string, flow: boolean): [string, (eol: string) => Rendered, () => string][] {
  const fields: [string, (eol: string) => Rendered, () => string][] = [];
  const line = (text: string) => (eol: string) => ({ head: text + eol, below: [] });
  const add = (key: string, block: (eol: string) => Rendered, inFlow: () => string): void => {
    fields.push([key, block, inFlow]);
  };
  const addScalar = (key: string, spec: ScalarSpec | undefined): void => {
    if (spec) {
      add(key, (eol) => writer.scalar(spec, indent, eol), () => writer.flowScalar(spec));
    }
  };
  for (const index of stage.order) {
    const key = FIELD_NAMES[index];
    if (key === 'id') {
      add(key, line(stage.id), () => stage.id);
    } else if (key === 'title' || key === 'note' || key === 'owner') {
      addScalar(key, stage[key]);
    } else if (key === 'status' && stage.status) {
      const status = stage.status;
      const text = (): string => `${status.anchor ? `${writer.anchor()} ` : ''}${quoted(status.value, status.quote)}`;
      add(key, (eol) => ({ head: text() + eol, below: [] }), text);
    } else if ((key === 'started' || key === 'completed') && stage[key] !== undefined) {
      const value = stage[key] ?? '';
      const text = value === '' || value === '~' ? value : quoted(value, stage.datesQuoted ? 'single' : 'plain');
      add(key, line(text), () => text);
    } else if (key === 'plan' && stage.plan) {
      add(key, line(`docs/${stage.id}.md`), () => `docs/${stage.id}.md`);
    } else if (key === 'tasks' && stage.tasks) {
      const spec = stage.tasks;
      add(key, (eol) => blockTasks(writer, spec, indent, eol), () => flowTasks(writer, spec));
    } else if (key === 'effort' && stage.effort) {
      const effort = stage.effort;
      const cells = (): string => `{${effort.cells.map(([cell, spec]) => `${cell}: ${writer.flowScalar(spec)}`).join(', ')}}`;
      add(
        key,
        (eol) => {
          if (effort.flow || flow) {
            return { head: cells() + eol, below: [] };
          }
          const below: string[] = [];
          for (const [cell, spec] of effort.cells) {
            const rendered = writer.scalar(spec, `${indent}  `, '');
            below.push(`${indent}  ${cell}: ${rendered.head}`, ...rendered.below);
          }
          return { head: eol, below };
        },
        cells,
      );
    }
  }
  return fields;
}

const EMPTY_TASKS = { empty: '', null: '~', 'flow-empty': '[]' } as const;

function flowTasks(writer: Writer, spec: TasksSpec): string {
  if (spec.kind === 'flow' || spec.kind === 'block') {
    return `[${spec.tasks.map((task) => flowTask(writer, task)).join(', ')}]`;
  }
  return EMPTY_TASKS[spec.kind];
}

function flowTask(writer: Writer, task: TaskSpec): string {
  const fields = taskFields(task).map(([key, spec]) => `${key}: ${typeof spec === 'string' ? spec : writer.flowScalar(spec)}`);
  return `{${fields.join(', ')}}`;
}

function taskFields(task: TaskSpec): [string, ScalarSpec | string][] {
  const all: [string, ScalarSpec | string | undefined][] = [
    ['title', task.title],
    ['done', task.done === undefined ? undefined : String(task.done)],
    ['owner', task.owner],
  ];
  return task.order.map((index) => all[index]).filter((field): field is [string, ScalarSpec | string] => field[1] !== undefined);
}

function blockTasks(writer: Writer, spec: TasksSpec, indent: string, eol: string): Rendered {
  if (spec.kind !== 'block') {
    return { head: flowTasks(writer, spec) + eol, below: [] };
  }
  const dash = indent + ' '.repeat(spec.indent);
  const below: string[] = [];
  for (const task of spec.tasks) {
    if (task.flow) {
      below.push(`${dash}- ${flowTask(writer, task)}`);
      continue;
    }
    const fields = taskFields(task).map(([key, value]): [string, (eolComment: string) => Rendered] => [
      key,
      (eolComment) => (typeof value === 'string' ? { head: value + eolComment, below: [] } : writer.scalar(value, `${dash}  `, eolComment)),
    ]);
    item(writer, below, dash, 1, task.head, fields, task.comments.map((comment) => [false, comment] as const));
  }
  return { head: eol, below };
}

/** Writes one block item: its `-` line per `head`, then its fields at the key column. */
function item(
  writer: Writer,
  out: string[],
  dash: string,
  gap: number,
  head: Head,
  fields: readonly [string, (eolComment: string) => Rendered][],
  comments: readonly (readonly [boolean, boolean])[],
  keyQuote = '',
): void {
  const marker = `${dash}-${' '.repeat(gap)}`;
  const keyIndent = ' '.repeat(marker.length);
  let pending: string | undefined = marker;
  if (head === 'anchor-line') {
    out.push(`${marker}${writer.anchor()}`);
    pending = undefined;
  } else if (head === 'comment-line') {
    out.push(`${marker}${writer.comment()}`);
    pending = undefined;
  } else if (head === 'inline-anchor') {
    // Keys after `- &a key:` line up under the anchor: the anchor starts the mapping.
    pending = `${marker}${writer.anchor()} `;
  }
  fields.forEach(([key, render], at) => {
    const [before, after] = comments[at] ?? [false, false];
    if (before && pending === undefined) {
      out.push(`${keyIndent}${writer.comment()}`);
    }
    const rendered = render(after ? ` ${writer.comment()}` : '');
    const separator = rendered.head === '' || rendered.head.startsWith(' ') ? '' : ' ';
    out.push(`${pending ?? keyIndent}${keyQuote}${key}${keyQuote}:${separator}${rendered.head}`, ...rendered.below);
    pending = undefined;
  });
}

export function renderPlan(spec: PlanSpec): string {
  const writer = new Writer();
  const out = writer.lines;
  if (spec.headerComment) {
    out.push(writer.comment());
  }
  if (spec.documentMarkers[0]) {
    out.push('---');
  }
  out.push('version: 1');
  if (spec.project) {
    out.push(`project: ${writer.scalar(spec.project, '', '').head}`);
  }
  const flowStage = (stage: StageSpec): string => `{${stageFields(writer, stage, '', true).map(([key, , inFlow]) => `${key}: ${inFlow()}`).join(', ')}}`;
  if (spec.style === 'flow-line') {
    out.push(`stages: [${spec.stages.map(flowStage).join(', ')}]`);
  } else if (spec.style === 'flow-lines') {
    out.push('stages: [');
    spec.stages.forEach((stage, at) => out.push(`  ${flowStage(stage)}${at < spec.stages.length - 1 ? ',' : ''} ${writer.comment()}`));
    out.push(']');
  } else {
    out.push('stages:');
    const dash = ' '.repeat(spec.dashIndent);
    spec.stages.forEach((stage, at) => {
      if (at > 0 && spec.blankLineBetweenStages) {
        out.push('');
      }
      if (stage.commentAbove) {
        out.push(`${dash}${writer.comment()}`);
      }
      if (spec.style === 'flow-items') {
        out.push(`${dash}- ${flowStage(stage)}`);
        return;
      }
      const keyIndent = ' '.repeat(spec.dashIndent + 1 + spec.dashGap);
      const fields = stageFields(writer, stage, keyIndent, false).map(([key, block]): [string, (eol: string) => Rendered] => [key, block]);
      const comments = stage.order.filter((field) => fields.some(([key]) => key === FIELD_NAMES[field])).map((field) => stage.comments[field]);
      item(writer, out, dash, spec.dashGap, stage.head, fields, comments, stage.quotedKeys ? '"' : '');
    });
  }
  if (spec.trailingComment) {
    out.push(writer.comment());
  }
  if (spec.documentMarkers[1]) {
    out.push('...');
  }
  return join(spec, out);
}

function join(spec: PlanSpec, lines: readonly string[]): string {
  let text = spec.bom ? '\uFEFF' : '';
  lines.forEach((line, at) => {
    const eol = spec.eol === 'mixed' ? (spec.mixedBits[at % spec.mixedBits.length] ? '\r\n' : '\n') : spec.eol;
    text += line + (at < lines.length - 1 || spec.finalNewline ? eol : '');
  });
  return text;
}
