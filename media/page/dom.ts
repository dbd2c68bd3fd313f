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
