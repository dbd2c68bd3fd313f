// The sidebar's stage menus (package.json `view/item/context`) offer what the status table
// allows: the inline button is each status's primary action, the context menu its allowed
// actions in the table's order. A stage row's contextValue is `stage.<status>`.
import * as assert from 'node:assert/strict';
import { allowedActions, primaryAction, STAGE_ACTIONS } from '../../src/model/domain/statusActions';
import { STAGE_STATUSES, type StageStatus } from '../../src/model/domain/statuses';
import { ACTION_COMMANDS } from '../../src/model/presentation/commandIds';
import { MANIFEST, type MenuEntry } from './manifest';

const STAGE_MENU: readonly MenuEntry[] = MANIFEST.contributes.menus['view/item/context'];
const ACTION_COMMAND_IDS: readonly string[] = [...new Set(STAGE_ACTIONS.map((action) => ACTION_COMMANDS[action]))];

/** Whether the entry's `when` clause shows it on a stage row of this status in the stages view. */
function showsOn(entry: MenuEntry, status: StageStatus): boolean {
  const when = entry.when ?? '';
  assert.match(when, /(^|&& )view == genaiLifecycle\.stages( &&|$)/, `${entry.command} is scoped to the stages view`);
  const contextValue = `stage.${status}`;
  const regex = /viewItem =~ \/(.+?)\/(?: |$)/.exec(when);
  if (regex) {
    return new RegExp(regex[1]).test(contextValue);
  }
  const equal = /viewItem == (\S+)/.exec(when);
  assert.ok(equal, `${entry.command} tests viewItem: ${when}`);
  return equal[1] === contextValue;
}

function entriesIn(group: 'inline' | '1_status'): MenuEntry[] {
  return STAGE_MENU.filter((entry) => entry.group?.split('@')[0] === group);
}

/** For each action command, the statuses on which the group shows it. */
function statusesShowing(entries: readonly MenuEntry[]): Record<string, StageStatus[]> {
  return Object.fromEntries(
    ACTION_COMMAND_IDS.map((command) => [command, STAGE_STATUSES.filter((status) => entries.some((entry) => entry.command === command && showsOn(entry, status)))]),
  );
}

/** For each action command, the statuses whose actions (by `actionsOf`) it takes. */
function statusesExpected(actionsOf: (status: StageStatus) => readonly string[]): Record<string, StageStatus[]> {
  return Object.fromEntries(ACTION_COMMAND_IDS.map((command) => [command, STAGE_STATUSES.filter((status) => actionsOf(status).includes(command))]));
}

describe('tree menus follow the status table', () => {
  it('shows each status its primary action as the inline button', () => {
    const expected = statusesExpected((status) => [ACTION_COMMANDS[primaryAction(status)]]);
    assert.deepEqual(statusesShowing(entriesIn('inline')), expected);
  });

  it('shows each status exactly its allowed actions in the context menu (Start Stage also resumes)', () => {
    const expected = statusesExpected((status) => allowedActions(status).map((action) => ACTION_COMMANDS[action]));
    assert.deepEqual(statusesShowing(entriesIn('1_status')), expected);
  });

  it('orders the context menu of each status as the table does', () => {
    const order = (entry: MenuEntry): number => Number(entry.group?.split('@')[1]);
    for (const status of STAGE_STATUSES) {
      const shown = entriesIn('1_status')
        .filter((entry) => ACTION_COMMAND_IDS.includes(entry.command) && showsOn(entry, status))
        .sort((a, b) => order(a) - order(b))
        .map((entry) => entry.command);
      assert.deepEqual(shown, allowedActions(status).map((action) => ACTION_COMMANDS[action]), status);
    }
  });

  it('reads the when clauses it checks', () => {
    assert.equal(showsOn({ command: 'x', when: 'view == genaiLifecycle.stages && viewItem =~ /^stage\\.(done|skipped)$/' }, 'done'), true);
    assert.equal(showsOn({ command: 'x', when: 'view == genaiLifecycle.stages && viewItem =~ /^stage\\.(done|skipped)$/' }, 'blocked'), false);
    assert.equal(showsOn({ command: 'x', when: 'view == genaiLifecycle.stages && viewItem == stage.in-progress' }, 'in-progress'), true);
    assert.equal(showsOn({ command: 'x', when: 'view == genaiLifecycle.stages && viewItem == stage.in-progress' }, 'not-started'), false);
  });
});
