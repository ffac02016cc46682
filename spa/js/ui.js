// DOM helpers. Everything is built with createElement and textContent: no HTML
// strings, so nothing an API returns can become markup (and CSP needs no inline code).

/** el("button", {class: "x", onclick: f}, "text", child) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

const SVG = "http://www.w3.org/2000/svg";
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** A readable error box: what happened, the request id to quote, and what to do. */
export function errorBox(error, what = "The request failed") {
  const box = el("div", { class: "error", role: "alert" });
  box.append(el("strong", {}, `${what}: `), error.message || String(error));
  if (error.details?.length) {
    box.append(el("ul", {}, error.details.map((d) => el("li", {}, `${d.field}: ${d.message}`))));
  }
  if (error.hint) box.append(el("p", { class: "hint" }, error.hint));
  if (error.requestId) box.append(el("p", { class: "request-id" }, "Request id: ", el("code", {}, error.requestId)));
  return box;
}

/** A progress line with elapsed seconds; `done()` stops it. */
export function progress(text) {
  const started = Date.now();
  const node = el("p", { class: "progress", role: "status" }, el("span", { class: "spinner", "aria-hidden": "true" }), el("span", {}, text));
  const label = node.lastChild;
  const timer = setInterval(() => { label.textContent = `${text} (${Math.round((Date.now() - started) / 1000)} s)`; }, 1000);
  return {
    node,
    set(next) { text = next; label.textContent = next; },
    done() { clearInterval(timer); node.remove(); },
  };
}

export function section(title, ...children) {
  return el("section", { class: "card" }, el("h2", {}, title), ...children);
}

export function table(headers, rows, attrs = {}) {
  return el("table", attrs,
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", {}, h)))),
    el("tbody", {}, rows));
}

export function notAvailable(what, why) {
  return el("p", { class: "not-available" }, el("strong", {}, `${what}: not available. `), why);
}

export function formatTime(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
