// The page's scripts select HTML elements only (no SVG is queried: the charts are canvases
// drawn by Rust), so a selector's result is typed as an HTMLElement rather than a bare Element.
// Merged overloads declared later come first, so these win over the DOM library's.
interface ParentNode {
  querySelector<E extends HTMLElement = HTMLElement>(selectors: string): E | null;
  querySelectorAll<E extends HTMLElement = HTMLElement>(selectors: string): NodeListOf<E>;
}
interface Document {
  querySelector<E extends HTMLElement = HTMLElement>(selectors: string): E | null;
  querySelectorAll<E extends HTMLElement = HTMLElement>(selectors: string): NodeListOf<E>;
}
interface Element {
  querySelector<E extends HTMLElement = HTMLElement>(selectors: string): E | null;
  querySelectorAll<E extends HTMLElement = HTMLElement>(selectors: string): NodeListOf<E>;
  closest<E extends HTMLElement = HTMLElement>(selectors: string): E | null;
}
