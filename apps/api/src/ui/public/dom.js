// Building DOM without innerHTML: every text from the API goes in as text, never as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element: h('p', { class: 'note' }, 'text', h('strong', {}, 'more')). */
export function h(tag, attributes, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** An SVG element, same signature. */
export function s(tag, attributes, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

/**
 * A table with a caption, header cells and rows; a row is its cells (text or nodes), or
 * { cells, attributes }. The first cell of each row is its header (scope=row).
 */
export function table(caption, headers, rows, attributes = {}) {
  return h(
    'table',
    attributes,
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))),
    h(
      'tbody',
      {},
      rows.map((row) => {
        const { cells, attributes: rowAttributes } = Array.isArray(row) ? { cells: row, attributes: {} } : row;
        return h('tr', rowAttributes, cells.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))));
      }),
    ),
  );
}

/** Shown in place of a hidden figure, with the same words everywhere (docs/statistics.md). */
export function suppressedCell() {
  return h('span', { class: 'suppressed', title: 'Hidden: it concerns fewer than 11 people, or would let a hidden figure be worked out' }, 'suppressed');
}

export function replaceChildren(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}
