import * as vscode from 'vscode';
import { DEFAULT_ESTIMATE_SETTINGS, type EstimateSettings } from '../model/domain/estimateSettings';
import { ESTIMATE_SETTINGS_SECTION, estimateSettingsFrom } from '../model/domain/estimateSettingKeys';
import { Disposable } from '../util/disposable';
import { CONFIG_SECTION } from './config';

/**
 * The estimate settings (`genaiLifecycle.estimates.*`): read when first asked for after a
 * change, with every unusable value logged once as a warning and replaced by its default.
 * Features re-draw on `onDidChange`.
 */
export class EstimateConfig extends Disposable {
  private cached: EstimateSettings | undefined;
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${CONFIG_SECTION}.${ESTIMATE_SETTINGS_SECTION}`)) {
          this.cached = undefined;
          this.changeEmitter.fire();
        }
      }),
    );
  }

  /** The settings now: the course's figures, with the user's where they are usable. */
  get settings(): EstimateSettings {
    if (this.cached === undefined) {
      try {
        const configuration = vscode.workspace.getConfiguration(`${CONFIG_SECTION}.${ESTIMATE_SETTINGS_SECTION}`);
        const { settings, problems } = estimateSettingsFrom((key) => configuration.get<unknown>(key));
        for (const problem of problems) {
          this.log.warn(problem);
        }
        this.cached = settings;
      } catch (error) {
        this.log.warn(`The estimate settings could not be read (${error instanceof Error ? error.message : String(error)}); the defaults are used.`);
        this.cached = DEFAULT_ESTIMATE_SETTINGS;
      }
    }
    return this.cached;
  }
}
