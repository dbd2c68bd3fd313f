// Small DOM builders for the pages. Strings only ever go in as text or attribute values,
// never as markup, so nothing from a plan can become an element or a script.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An element with a class and optional text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

export function svg(tag: string, attributes: Readonly<Record<string, string | number>>): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  return element;
}

/** Text only screen readers get. */
export function hiddenText(text: string): HTMLSpanElement {
  return el('span', 'visually-hidden', text);
}

/** The mark of an empty cell: a dash for the eye, words for the ear. */
export function emptyMark(spoken: string): HTMLSpanElement {
  const wrapper = el('span', 'empty');
  const dash = el('span', undefined, '—');
  dash.setAttribute('aria-hidden', 'true');
  wrapper.append(dash, hiddenText(spoken));
  return wrapper;
}

/** A host-translated template with `{0}`, `{1}`… filled in (a placeholder without an argument stays). */
export function fill(template: string, ...args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? placeholder : String(value);
  });
}

/** Whether `value` is an object holding a string under each of `keys` (the words a page needs). */
export function isStringTable(value: unknown, keys: Readonly<Record<string, true>>): boolean {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const table = value as Record<string, unknown>;
  return Object.keys(keys).every((key) => typeof table[key] === 'string');
}
