import type { LifecycleServices } from '../services';
import { Disposable } from '../util/disposable';

/** Registers hovers, diagnostics, completion, CodeLens and symbols on plan files. */
export class LanguageFeatures extends Disposable {
  constructor(readonly services: LifecycleServices) {
    super();
  }
}
