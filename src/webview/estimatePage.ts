// The GPU memory estimate's page: its view type, files and the markup shown until its script
// draws. Pure, so unit tests render its shell without `vscode`: the caller passes the
// translated title and loading text.

import { loadingBody, type PageSpec, type PageWords } from './html';

export function estimatePage(words: PageWords): PageSpec {
  return {
    viewType: 'genaiLifecycle.estimate',
    title: words.title,
    logName: 'GPU memory estimate',
    body: loadingBody('estimate-root', words.loading),
    // Bundled by esbuild.js from media/page/estimate.ts.
    script: ['dist', 'webview', 'estimate.js'],
    styles: [
      ['media', 'panel.css'],
      ['media', 'estimate.css'],
    ],
    icon: ['media', 'activitybar.svg'],
  };
}
