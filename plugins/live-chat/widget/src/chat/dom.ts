/** Tiny DOM helpers: every text goes in through textContent, never through HTML parsing. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

/** An SVG icon from a path (constant data of this bundle). */
export function icon(path: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const p = document.createElementNS(ns, 'path');
  p.setAttribute('d', path);
  svg.appendChild(p);
  return svg;
}

export const CLOSE_PATH = 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z';
export const SEND_PATH = 'M3 20.5 21 12 3 3.5v6.6l12 1.9-12 1.9z';
/** G4: a paperclip, drawn as a line (styled with stroke, not fill). */
export const ATTACH_PATH = 'M15.5 7.5v9a3.5 3.5 0 0 1-7 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V7.5';
