// The effort chart's page: its view type, files and the markup shown until its script draws.
// Pure, so unit tests render its shell without `vscode`: the caller passes the translated title
// and loading text.

import { loadingBody, type PageSpec, type PageWords } from './html';

export function chartPage(words: PageWords): PageSpec {
  return {
    viewType: 'genaiLifecycle.chart',
    title: words.title,
    logName: 'Effort chart',
    // The script draws into #chart-root and clears aria-busy once it has data.
    body: loadingBody('chart-root', words.loading),
    // Bundled by esbuild.js from media/page/chart.ts.
    script: ['dist', 'webview', 'chart.js'],
    // The base every panel shares, then the chart's own.
    styles: [
      ['media', 'panel.css'],
      ['media', 'chart.css'],
    ],
    icon: ['media', 'activitybar.svg'],
  };
}
