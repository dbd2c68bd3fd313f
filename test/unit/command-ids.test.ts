// The command-id module and package.json name the same commands, and no source file spells a
// command id itself: a renamed command breaks here, not silently in a menu or a link.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS, FOCUS_STAGES_COMMAND, SHOW_MORE_COMMAND } from '../../src/model/presentation/commandIds';
import { MANIFEST, ROOT } from './manifest';

const MODULE_IDS: readonly string[] = Object.values(COMMAND_IDS);
const OUR_PREFIX = 'genaiLifecycle.';

/** Every command package.json refers to outside `contributes.commands`. */
function referencedCommands(): string[] {
  const { menus, keybindings, viewsWelcome } = MANIFEST.contributes;
  const fromMenus = Object.values(menus).flatMap((entries) => entries.map((entry) => entry.command));
  const fromKeys = keybindings.map((binding) => binding.command);
  const fromWelcome = viewsWelcome.flatMap((welcome) => [...welcome.contents.matchAll(/\(command:([^)?\s]+)/g)].map((match) => match[1]));
  return [...fromMenus, ...fromKeys, ...fromWelcome];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('command ids', () => {
  it('declares in package.json exactly the commands of the module', () => {
    const declared = MANIFEST.contributes.commands.map((command) => command.command);
    assert.deepEqual([...declared].sort(), [...MODULE_IDS].sort());
    assert.equal(new Set(declared).size, declared.length, 'no command is declared twice');
  });

  it('refers in menus, keybindings and welcome views only to commands of the module', () => {
    const referenced = referencedCommands();
    assert.ok(referenced.length > 20, 'the scan sees the menus');
    const unknown = referenced.filter((command) => command.startsWith(OUR_PREFIX) && !MODULE_IDS.includes(command));
    assert.deepEqual(unknown, []);
  });

  it('leaves the spelling of command ids to the module', () => {
    const commandModule = path.join(ROOT, 'src', 'model', 'presentation', 'commandIds.ts');
    const ids = new Set([...MODULE_IDS, FOCUS_STAGES_COMMAND, SHOW_MORE_COMMAND]);
    const spelled = sourceFiles(path.join(ROOT, 'src'))
      .filter((file) => file !== commandModule)
      .flatMap((file) =>
        [...fs.readFileSync(file, 'utf8').matchAll(/['"`](genaiLifecycle\.[\w.]+)['"`]/g)]
          .filter((match) => ids.has(match[1]))
          .map((match) => `${path.relative(ROOT, file)}: ${match[1]}`),
      );
    assert.deepEqual(spelled, []);
  });
});
