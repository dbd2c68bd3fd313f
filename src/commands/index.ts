import type { LifecycleServices } from '../services';
import { Disposable } from '../util/disposable';

/** Registers the stage commands (palette, tree menus, CodeLens). */
export class CommandsFeature extends Disposable {
  constructor(readonly services: LifecycleServices) {
    super();
  }
}
