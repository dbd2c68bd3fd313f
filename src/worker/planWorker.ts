// The plan worker's body: answers the extension's requests (planService.ts) over whatever
// endpoint the runtime gives. It uses no Node built-in and no `vscode`, so the same module runs
// as a worker thread (main.ts, over nodeWorkers.ts's `parentPort`) and as a browser's Web Worker
// (webMain.ts, over webWorkers.ts's `self`).
import { PlanService } from './planService';
import type { MessageEndpoint, PlanResponse, ToWorker } from './protocol';

export function serve(endpoint: MessageEndpoint<ToWorker, PlanResponse>, service: PlanService = new PlanService()): void {
  endpoint.onMessage((message) => {
    if (message.kind === 'configure') {
      service.configure(message.translations);
    } else {
      endpoint.post(service.handle(message));
    }
  });
}
