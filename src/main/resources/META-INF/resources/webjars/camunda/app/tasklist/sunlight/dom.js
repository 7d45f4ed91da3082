// Sunlight: what the Tasklist tabs share — the CSRF cookie Camunda's webapps set, a small element builder (text always
// as text nodes, never as HTML, so no case data is ever parsed as markup), and a response body read as JSON (a body
// that is not JSON, a proxy's error page, becomes the message shown).

export function cookie(name) {
  const found = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : '';
}

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'style') node.style.cssText = v; else if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
    else node.setAttribute(k, v);
  });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

/** The response body as JSON; a body that is not JSON becomes {messageZh: text}. */
export async function json(response) {
  const text = await response.text();
  try { return text ? JSON.parse(text) : {}; } catch (e) { return { messageZh: text }; }
}
