import type { LifecycleServices } from '../services';
import { Disposable } from '../util/disposable';

/** Registers the effort chart panel. */
export class ChartFeature extends Disposable {
  constructor(readonly services: LifecycleServices) {
    super();
  }
}
