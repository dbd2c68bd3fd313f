// The one way plan text is escaped for Markdown (hovers, tooltips): every mark Markdown or HTML
// could act on is backslash-escaped, so text from the file never becomes a link, an image,
// HTML or an icon. The callers differ only in what a line break becomes.

/** Markdown and HTML syntax, entities (`&`), autolinks (`:`) and theme icons (`$`). */
const MARKDOWN_MARKS = /[\\`*_{}[\]()#+\-.!|<>~&:$]/g;

function escapeMarks(text: string): string {
  return text.replace(MARKDOWN_MARKS, '\\$&');
}

/** Plan text as a paragraph: it shows literally, and its line breaks stay, as Markdown hard breaks. */
export function escapeMarkdown(text: string): string {
  return text.split(/\r?\n/).map(escapeMarks).join('  \n');
}

/** Plan text inside one line: it shows literally, and every run of whitespace (line breaks too) is one space. */
export function escapeMarkdownLine(text: string): string {
  return escapeMarks(text.replace(/\s+/g, ' '));
}
