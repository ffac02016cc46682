// The caller's recent sessions and invocations from this console tab.
import { el, table, notAvailable, formatTime } from "../ui.js";

export function render(view, { store }) {
  view.append(notAvailable("A server-side list of your sessions",
    "the API has no route that lists a user's sessions yet, so this page shows the sessions and invocations of this console tab (they are not kept when you reload or sign out)."));
  const body = el("div", { id: "sessions" });
  view.append(body);
  const draw = () => {
    body.replaceChildren();
    const sessions = store.list();
    if (!sessions.length) {
      body.append(el("p", { class: "empty" }, "No invocation yet in this tab. ", el("a", { href: "#/invoke" }, "Invoke an agent"), "."));
      return;
    }
    for (const session of sessions) {
      body.append(el("section", { class: "card session", dataset: { session: session.sessionId } },
        el("h2", {}, el("code", {}, session.sessionId)),
        el("p", { class: "meta" }, `${session.agentName} · started ${formatTime(session.startedAt.toISOString())} · last used ${formatTime(session.lastUsedAt.toISOString())}`),
        table(["When", "Agent", "Mode", "Status", "Invocation / job", "Detail"], session.invocations.map((entry) => el("tr", {},
          el("td", {}, formatTime(entry.at.toISOString())), el("td", {}, entry.agentName), el("td", {}, entry.mode),
          el("td", {}, el("span", { class: `badge status-${entry.status}` }, entry.status)),
          el("td", {}, el("code", {}, entry.id || "")), el("td", {}, entry.detail || (entry.requestId ? `request ${entry.requestId}` : "")))))));
    }
  };
  draw();
  store.listeners.add(draw);
  return () => store.listeners.delete(draw);
}
