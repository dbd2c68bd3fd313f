// The GPU memory estimate's page: its view type, title, files and the markup shown until its
// script draws. Pure, so unit tests render its shell without `vscode`.

import type { PageSpec } from './html';

export const ESTIMATE_PAGE: PageSpec = {
  viewType: 'genaiLifecycle.estimate',
  title: 'GPU Memory Estimate',
  logName: 'GPU memory estimate',
  body: '<main id="estimate-root" aria-busy="true"><p class="loading">Loading the estimate…</p></main>',
  // Bundled by esbuild.js from media/page/estimate.ts.
  script: ['dist', 'webview', 'estimate.js'],
  styles: [
    ['media', 'panel.css'],
    ['media', 'estimate.css'],
  ],
  icon: ['media', 'activitybar.svg'],
};
