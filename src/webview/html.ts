// The chart webview's HTML shell. Pure (no `vscode`): the panel passes in its webview's CSP
// source and resource URIs. The shell carries no plan data; that arrives by `postMessage`
// once the script says it is ready, so no plan string is ever parsed as HTML.

import { randomBytes } from 'node:crypto';

export interface ChartHtmlOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** `asWebviewUri` of media/chart.js and media/chart.css, as strings. */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** A fresh `newNonce()` per load. */
  readonly nonce: string;
}

export const CHART_TITLE = 'Lifecycle Effort Chart';

/** 128 random bits from the OS's CSPRNG, base64: the script nonce of one page load. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource}`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function chartHtml(options: ChartHtmlOptions): string {
  const csp = contentSecurityPolicy(options.cspSource, options.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}">
<title>${CHART_TITLE}</title>
</head>
<body>
<main id="chart-root" aria-busy="true"><p class="loading">Loading the effort chart…</p></main>
<script nonce="${escapeAttribute(options.nonce)}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
