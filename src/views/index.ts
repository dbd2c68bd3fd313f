import type { LifecycleServices } from '../services';
import { Disposable } from '../util/disposable';

/** Registers the sidebar tree, its badge and the status bar item. */
export class LifecycleViews extends Disposable {
  constructor(readonly services: LifecycleServices) {
    super();
  }
}
