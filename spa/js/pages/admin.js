// Platform admin for Platform.Operator / Platform.Admin: health, tenants
// (list, suspend, reinstate), active runtime region, failover lock, DLQ depth.
// Hidden for everyone else; the API refuses these routes for them regardless.
import { el, errorBox, progress, section, table, notAvailable, formatTime } from "../ui.js";

const PAGE_SIZE = 20;

export async function render(view, { api }) {
  const health = section("Platform health"), regions = section("Runtime region and failover"), dlq = section("Dead-letter queue");
  const tenants = section("Tenants");
  view.append(el("div", { class: "grid" }, health, regions, dlq), tenants);
  dlq.append(notAvailable("DLQ depth", "the API has no route for the webhook dead-letter queue yet (operators: make ops-* or the CloudWatch alarm)."));
  await Promise.all([drawHealth(health, regions, api), drawTenants(tenants, api)]);
}

async function drawHealth(card, regions, api) {
  const loading = progress("Checking health");
  card.append(loading.node);
  try {
    const status = await api.get("/v1/health");
    card.append(el("dl", { class: "facts", id: "health" },
      el("dt", {}, "Status"), el("dd", {}, el("span", { class: `badge status-${status.status}` }, status.status)),
      el("dt", {}, "Version"), el("dd", {}, status.version),
      el("dt", {}, "Checked"), el("dd", {}, formatTime(status.timestamp))));
    regions.append(el("dl", { class: "facts" },
      el("dt", {}, "Active runtime region"), el("dd", { id: "runtime-region" }, status.runtimeRegion)));
  } catch (error) {
    card.append(errorBox(error, "Health could not be read"));
  } finally {
    loading.done();
  }
  regions.append(notAvailable("Failover-lock state", "the API has no route that reads the failover lock yet; POST /v1/platform/failover needs a held lock (make ops-failover)."));
}

async function drawTenants(card, api) {
  const body = el("div", { id: "tenants" });
  const outcome = el("div", { "aria-live": "polite" });
  const pager = el("div", { class: "actions" });
  card.append(outcome, body, pager);
  const tokens = [null];
  let page = 0;

  const load = async () => {
    const loading = progress("Loading tenants");
    body.replaceChildren(loading.node);
    pager.replaceChildren();
    let answer;
    try {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (tokens[page]) query.set("nextToken", tokens[page]);
      answer = await api.get(`/v1/tenants?${query}`);
    } catch (error) {
      body.replaceChildren(errorBox(error, "The tenants could not be listed"));
      return;
    } finally {
      loading.done();
    }
    tokens[page + 1] = answer.nextToken ?? null;
    body.replaceChildren(table(["Tenant", "Name", "Tier", "Status", "Runtime region", ""], answer.items.map(row)));
    if (page > 0) pager.append(el("button", { type: "button", class: "secondary", onclick: () => { page -= 1; load(); } }, "Previous"));
    if (answer.nextToken) pager.append(el("button", { type: "button", class: "secondary", id: "next-tenants", onclick: () => { page += 1; load(); } }, "Next"));
  };

  const row = (tenant) => {
    const status = el("span", { class: `badge status-${tenant.status}` }, tenant.status);
    const action = el("button", { type: "button", class: "small" });
    const sync = () => {
      status.textContent = tenant.status;
      status.className = `badge status-${tenant.status}`;
      action.hidden = tenant.tenantId === "platform" || !["active", "suspended"].includes(tenant.status);
      action.textContent = tenant.status === "suspended" ? "Reinstate" : "Suspend";
      action.className = tenant.status === "suspended" ? "small" : "small danger";
    };
    action.addEventListener("click", async () => {
      const verb = tenant.status === "suspended" ? "reinstate" : "suspend";
      action.disabled = true;
      const working = progress(`${verb === "suspend" ? "Suspending" : "Reinstating"} ${tenant.tenantId}`);
      outcome.replaceChildren(working.node);
      try {
        const answer = await api.post(`/v1/platform/tenants/${encodeURIComponent(tenant.tenantId)}/${verb}`, {});
        tenant.status = answer.status ?? (verb === "suspend" ? "suspended" : "active");
        sync();
        outcome.replaceChildren(el("p", { class: "success" }, `${tenant.tenantId} is now ${tenant.status}. Its users and applications are ${tenant.status === "suspended" ? "refused within the authoriser's cache TTL" : "admitted again"}.`));
      } catch (error) {
        outcome.replaceChildren(errorBox(error, `${tenant.tenantId} was not changed`));
      } finally {
        working.done();
        action.disabled = false;
      }
    });
    sync();
    return el("tr", { dataset: { tenant: tenant.tenantId } }, el("td", {}, el("code", {}, tenant.tenantId)), el("td", {}, tenant.displayName),
      el("td", {}, tenant.tier), el("td", {}, status), el("td", {}, tenant.runtimeRegion), el("td", {}, action));
  };
  await load();
}
