import * as vscode from 'vscode';
import { CommandsFeature } from './commands';
import { LanguageFeatures } from './language';
import { configureTranslations } from './model/localization';
import type { LifecycleServices } from './services';
import { Disposable } from './util/disposable';
import { LifecycleViews } from './views';
import { ChartFeature } from './webview';
import { Advisor } from './workspace/advisor';
import { EstimateFeature } from './webview/estimate';
import { EstimateConfig } from './workspace/estimateConfig';
import { EvidenceChecker } from './workspace/evidenceChecker';
import type { StartWorker } from './worker/protocol';
import { PlanEngine } from './workspace/planEngine';
import { PlanStore } from './workspace/planStore';
import { PlanWorkerClient } from './workspace/planWorkerClient';
import { PlanWriter } from './workspace/planWriter';

/** What `activate` returns: the live objects, so integration tests can check the host's state. */
export interface LifecycleApi {
  readonly services: LifecycleServices;
  readonly views: LifecycleViews;
  readonly commands: CommandsFeature;
  readonly chart: ChartFeature;
  readonly language: LanguageFeatures;
  readonly estimate: EstimateFeature;
}

/**
 * What differs between the extension's two entries: extension.ts (Node extension host, desktop
 * and remote) and extensionWeb.ts (a browser's web worker extension host: vscode.dev, github.dev).
 */
export interface LifecycleRuntime {
  /** Starts the plan worker: a worker thread in Node, a Web Worker in a browser. */
  readonly startPlanWorker: StartWorker;
}

/** The one root object built in `activate()`; disposing it disposes every feature. */
export class LifecycleExtension extends Disposable {
  readonly api: LifecycleApi;

  constructor(context: vscode.ExtensionContext, runtime: LifecycleRuntime) {
    super();
    // The model translates through @vscode/l10n (it cannot import `vscode`); give it the bundle VS Code
    // loaded for the display language before any feature asks for a string. Without one (English)
    // every l10n.t returns its English text. Module-level tables must therefore translate when read.
    configureTranslations(vscode.l10n.bundle);
    const log = this.register(vscode.window.createOutputChannel('GenAI Lifecycle', { log: true }));
    // The plan worker starts on the first plan too large to read in this thread, never before;
    // it gets the display language's bundle, so its diagnostics are translated as ours are.
    const engine = this.register(new PlanEngine(new PlanWorkerClient(runtime.startPlanWorker, () => vscode.l10n.bundle)));
    const store = this.register(new PlanStore(engine));
    const advisor = this.register(new Advisor(context.workspaceState));
    const estimates = this.register(new EstimateConfig(log));
    const evidence = this.register(new EvidenceChecker(store));
    const services: LifecycleServices = { context, store, writer: new PlanWriter(store, engine), log, advisor, estimates, evidence };
    const views = this.register(new LifecycleViews(services));
    this.api = {
      services,
      views,
      // Commands take their stage from the sidebar selection when not given one.
      commands: this.register(new CommandsFeature(services, views)),
      chart: this.register(new ChartFeature(services)),
      language: this.register(new LanguageFeatures(services)),
      estimate: this.register(new EstimateFeature(services)),
    };
  }
}
