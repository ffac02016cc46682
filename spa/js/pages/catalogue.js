// What this tenant's tier may invoke, with each agent's mode.
import { el, errorBox, progress, table } from "../ui.js";

export function modeOf(agent) {
  if (agent.invocationMode === "async") return "async";
  return agent.streamingEnabled ? "sync + streaming" : "sync";
}

export async function render(view, { api, auth }) {
  const user = auth.user;
  view.append(el("p", { class: "lead" }, `Agents the ${user.tier} tier of ${user.tenantId} may invoke.`));
  const loading = progress("Loading the catalogue");
  view.append(loading.node);
  let items;
  try {
    ({ items } = await api.get("/v1/agents"));
  } catch (error) {
    loading.done();
    view.append(errorBox(error, "The catalogue could not be loaded"));
    return;
  }
  loading.done();
  if (!items.length) {
    view.append(el("p", { class: "empty" }, "No agent is available to your tier yet."));
    return;
  }
  const rows = items.map((agent) => el("tr", { dataset: { agent: agent.agentName } },
    el("td", {}, el("strong", {}, agent.agentName)),
    el("td", {}, agent.version),
    el("td", {}, el("span", { class: `badge mode-${agent.invocationMode}` }, modeOf(agent))),
    el("td", {}, agent.tierMinimum),
    el("td", {}, agent.estimatedDurationSeconds ? `~${agent.estimatedDurationSeconds} s` : ""),
    el("td", {}, el("a", { href: `#/invoke?agent=${encodeURIComponent(agent.agentName)}`, class: "button" }, "Invoke"))));
  view.append(table(["Agent", "Version", "Mode", "Minimum tier", "Typical duration", ""], rows, { id: "catalogue" }));
}
