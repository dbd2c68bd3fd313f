// Shared by the evidence suites: evidence files made and removed the way another tool would
// (written to disk, not through a document, so only the file watchers can tell the extension),
// and the rows and marks under a stage.
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import type { StageTarget } from '../../../src/model/domain/stageTarget';
import { activateExtension, fixtureUri, workspaceFolder } from '../helpers';
import { diskText, removeFromDisk, writeDiskText } from '../files';
import { children, restorePlan, snapshotRow, stageNode, type RowSnapshot } from '../views-helpers';

/** Files and folders the suites create; each suite removes them all before and after. */
export const CREATED = ['evals/finetune-report.md', 'evals/rlhf-report.md', 'adapters'] as const;

export function planUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, 'lifecycle.yaml');
}

export function target(stageId: string): StageTarget {
  return { folderUri: workspaceFolder().uri.toString(), stageId };
}

function uriOf(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relative.split('/'));
}

export async function writeEvidence(relative: string): Promise<void> {
  await writeDiskText(uriOf(relative), `Evidence: ${relative}\n`);
}

export async function removeEvidence(relative: string): Promise<void> {
  await removeFromDisk(uriOf(relative));
}

export interface EvidenceSuite {
  readonly api: LifecycleApi;
  /** The fixture's plan text, as the repository has it. */
  readonly original: string;
}

/**
 * The one setup of the evidence suites: before each test, and after the last, the plan is the
 * fixture's again (document and disk) and no evidence a test created is left; the suite ends
 * with no editor open.
 */
export function evidenceSuite(): EvidenceSuite {
  let api: LifecycleApi | undefined;
  let original: string | undefined;
  const reset = async (): Promise<void> => {
    api ??= await activateExtension();
    original ??= await diskText(fixtureUri('evidence', 'lifecycle.yaml'));
    await restorePlan(api, workspaceFolder(), planUri(), original);
    await removeCreatedEvidence(api);
  };
  beforeEach(reset);
  after(async () => {
    await reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  return {
    get api(): LifecycleApi {
      if (!api) {
        throw new Error('the extension is activated before each test');
      }
      return api;
    },
    get original(): string {
      if (original === undefined) {
        throw new Error('the plan text is read before each test');
      }
      return original;
    },
  };
}

/** Removes whatever a suite created and waits until the checker has caught up. */
async function removeCreatedEvidence(api: LifecycleApi): Promise<void> {
  for (const relative of CREATED) {
    await removeEvidence(relative);
  }
  const folderUri = workspaceFolder().uri.toString();
  await api.services.evidence.check(workspaceFolder(), ['evals/finetune-report.md', 'evals/rlhf-report.md', 'adapters/**/*.safetensors']);
  await api.services.evidence.settled();
  if (api.services.evidence.exists(folderUri, 'evals/finetune-report.md') !== false) {
    throw new Error('the evidence created by a test is still reported');
  }
}

/** The evidence rows under a stage. */
export function evidenceRows(api: LifecycleApi, stageId: string): RowSnapshot[] {
  return children(api, stageNode(api, stageId))
    .filter((node) => node.kind === 'evidence')
    .map((node) => snapshotRow(api.views.provider.getTreeItem(node)));
}

/** The codicon of one entry's row (`check`, `close`, or the not-checked-yet circle). */
export function evidenceIcon(api: LifecycleApi, stageId: string, pattern: string): string | undefined {
  return evidenceRows(api, stageId).find((row) => row.label === pattern)?.icon;
}
