// The effort chart's page: its view type, title, files and the markup shown until its script
// draws. Pure, so unit tests render its shell without `vscode`.

import type { PageSpec } from './html';

export const CHART_PAGE: PageSpec = {
  viewType: 'genaiLifecycle.chart',
  title: 'Lifecycle Effort Chart',
  logName: 'Effort chart',
  // The script draws into #chart-root and clears aria-busy once it has data.
  body: '<main id="chart-root" aria-busy="true"><p class="loading">Loading the effort chart…</p></main>',
  // Bundled by esbuild.js from media/page/chart.ts.
  script: ['dist', 'webview', 'chart.js'],
  // The base every panel shares, then the chart's own.
  styles: [
    ['media', 'panel.css'],
    ['media', 'chart.css'],
  ],
  icon: ['media', 'activitybar.svg'],
};
