// Tiny DOM helpers: the page has no framework, so elements are built here.

/**
 * h('li', {class: 'x', dataset: {code: 'c'}}, 'text', child) builds an element.
 * Attributes whose value is null, undefined or false are left out; `on*`
 * functions become listeners.
 */
export function h(tag, attrs = {}, ...children) {
  const node = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : String(child));
  }
}

/** replace swaps a container's children in one step, so nothing flickers. */
export function replace(container, ...children) {
  const fragment = document.createDocumentFragment();
  append(fragment, children);
  container.replaceChildren(fragment);
}

/** debounce delays fn until `ms` have passed without another call. */
export function debounce(fn, ms) {
  let timer = 0;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.flush = (...args) => {
    clearTimeout(timer);
    fn(...args);
  };
  return wrapped;
}

/**
 * setSelect chooses value in a <select>. A value the select does not offer
 * (say, from an edited link) is added as an option rather than silently
 * replaced by the first one, so the checker sees it and can say what is wrong.
 */
export function setSelect(select, value) {
  if (![...select.options].some((o) => o.value === value)) {
    select.append(new Option(value, value));
  }
  select.value = value;
}
