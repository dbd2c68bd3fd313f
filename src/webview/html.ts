// The HTML shell of the extension's webview pages. Pure (no `vscode`, and no Node built-ins,
// so it also runs where the extension host is a browser's web worker): the panel passes in
// its webview's CSP source and resource URIs. The shell carries no data; that arrives by
// `postMessage` once the page's script says it is ready, so no plan string is parsed as HTML.

/** What a kind of page is made of. Paths are path segments under the extension's root. */
export interface PageSpec {
  /** The webview panel's view type; also the key its serializer is registered under. */
  readonly viewType: string;
  /** The tab's title and the document's `<title>`. */
  readonly title: string;
  /** Who speaks in the log ("Effort chart: …"); logs stay in English. */
  readonly logName: string;
  /** Markup shown until the script draws: `loadingBody`'s, never built from plan data. */
  readonly body: string;
  /** The page's bundled script and its stylesheets, in link order; their folders are all the webview may read. */
  readonly script: readonly string[];
  readonly styles: readonly (readonly string[])[];
  /** The tab's icon. */
  readonly icon?: readonly string[];
}

/** A page's words that are in its HTML shell, translated by the caller. */
export interface PageWords {
  readonly title: string;
  /** Shown until the script draws. */
  readonly loading: string;
}

/** The shell's body: the page's root, busy, saying it is loading (the text escaped). */
export function loadingBody(rootId: string, loading: string): string {
  return `<main id="${escapeHtml(rootId)}" aria-busy="true"><p class="loading">${escapeHtml(loading)}</p></main>`;
}

export interface ShellOptions {
  readonly title: string;
  readonly body: string;
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** `asWebviewUri` of the script and the stylesheets, as strings. */
  readonly scriptUri: string;
  readonly styleUris: readonly string[];
  /** A fresh `newNonce()` per load. */
  readonly nonce: string;
  /** The display language (`vscode.env.language`), for the document's `lang`. */
  readonly language: string;
}

/**
 * 128 random bits, base64: the script nonce of one page load. Web Crypto and `btoa` exist in
 * Node and in browser workers alike, unlike `node:crypto`.
 */
export function newNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
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

export function pageHtml(options: ShellOptions): string {
  const csp = contentSecurityPolicy(options.cspSource, options.nonce);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${options.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">\n`).join('')}<title>${escapeHtml(options.title)}</title>
</head>
<body>
${options.body}
<script nonce="${escapeHtml(options.nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
