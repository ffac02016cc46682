// Tenant self-service for SelfService.Admin: API key rotation, webhooks (the
// signing secret shown the one time the API returns it), invitations, usage
// against budget.
import { el, errorBox, progress, section, svg, table, formatTime } from "../ui.js";

export async function render(view, { api, auth }) {
  const tenantId = auth.user.tenantId;
  const base = `/v1/tenants/${encodeURIComponent(tenantId)}`;
  view.append(el("p", { class: "lead" }, `Tenant ${tenantId}.`));
  const usage = section("Usage this month"), key = section("API key"), hooks = section("Webhooks"), invites = section("Invitations");
  view.append(el("div", { class: "grid" }, usage, key), hooks, invites);
  await Promise.all([
    drawUsage(usage, api, base),
    drawKey(key, api, base),
    drawWebhooks(hooks, api),
    drawInvites(invites, api, base),
  ]);
}

async function load(card, what, call) {
  const loading = progress(`Loading ${what}`);
  card.append(loading.node);
  try {
    return await call();
  } catch (error) {
    card.append(errorBox(error, `${what[0].toUpperCase()}${what.slice(1)} could not be loaded`));
    return null;
  } finally {
    loading.done();
  }
}

async function drawUsage(card, api, base) {
  const tenant = await load(card, "the usage", () => api.get(base));
  if (!tenant) return;
  const budget = Number(tenant.monthlyBudgetUsd) || 0;
  const remaining = Number(tenant.usage?.budgetRemainingUsd ?? budget);
  const spent = Math.max(0, budget - remaining);
  const share = budget > 0 ? Math.min(1, spent / budget) : 0;
  const width = 320, height = 28;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height + 20}`, width, height: height + 20, role: "img", id: "budget-chart",
    "aria-label": `${spent.toFixed(2)} of ${budget.toFixed(2)} USD budget used` },
    svg("rect", { x: 0, y: 0, width, height, rx: 4, class: "bar-track" }),
    svg("rect", { x: 0, y: 0, width: Math.max(2, share * width), height, rx: 4, class: share >= 0.9 ? "bar-fill over" : "bar-fill" }),
    svg("text", { x: 0, y: height + 16, class: "bar-label" }, `$${spent.toFixed(2)} used of $${budget.toFixed(2)}`),
    svg("text", { x: width, y: height + 16, class: "bar-label end" }, `${Math.round(share * 100)} %`));
  card.append(chart, el("dl", { class: "facts" },
    el("dt", {}, "Requests today"), el("dd", { id: "requests-today" }, String(tenant.usage?.requestsToday ?? 0)),
    el("dt", {}, "Budget remaining"), el("dd", {}, `$${remaining.toFixed(2)}`),
    el("dt", {}, "Tier"), el("dd", {}, tenant.tier)));
}

async function drawKey(card, api, base) {
  const tenant = await load(card, "the key", () => api.get(base));
  const current = el("p", {}, "Current key id: ", el("code", { id: "api-key-id" }, tenant?.apiKeyId ?? "unknown"));
  const outcome = el("div", { "aria-live": "polite" });
  const rotate = el("button", { type: "button", id: "rotate-key" }, "Rotate the API key");
  const confirm = el("button", { type: "button", id: "confirm-rotate", class: "danger", hidden: true }, "Yes, rotate now");
  rotate.addEventListener("click", () => {
    confirm.hidden = false;
    outcome.replaceChildren(el("p", { class: "warning" }, "Machine clients using the current key must switch to the new one. Confirm to rotate."));
  });
  confirm.addEventListener("click", async () => {
    confirm.disabled = rotate.disabled = true;
    const working = progress("Rotating");
    outcome.replaceChildren(working.node);
    try {
      const answer = await api.post(`${base}/api-key/rotate`);
      current.lastChild.textContent = answer.apiKeyId;
      outcome.replaceChildren(el("p", { class: "success", id: "rotated" }, `Rotated at ${formatTime(answer.rotatedAt)}. New key id ${answer.apiKeyId}; its secret is in the tenant's Secrets Manager entry.`));
    } catch (error) {
      outcome.replaceChildren(errorBox(error, "The key was not rotated"));
    } finally {
      working.done();
      confirm.hidden = true;
      confirm.disabled = rotate.disabled = false;
    }
  });
  card.append(current, el("div", { class: "actions" }, rotate, confirm), outcome);
}

async function drawWebhooks(card, api) {
  const list = el("div", { id: "webhooks" });
  const secretBox = el("div", { "aria-live": "polite" });
  const url = el("input", { type: "url", id: "webhook-url", name: "callbackUrl", required: true, placeholder: "https://example.com/hooks/platform", size: 48 });
  const description = el("input", { type: "text", id: "webhook-description", name: "description", maxlength: 256, placeholder: "What receives it" });
  const completed = el("input", { type: "checkbox", name: "events", value: "job.completed", checked: true, id: "event-completed" });
  const failed = el("input", { type: "checkbox", name: "events", value: "job.failed", checked: true, id: "event-failed" });
  const create = el("button", { type: "submit", id: "create-webhook" }, "Add webhook");
  const form = el("form", { id: "webhook-form", novalidate: true },
    el("label", {}, "Callback URL", url), el("label", {}, "Description", description),
    el("fieldset", {}, el("legend", {}, "Events"), el("label", { class: "inline" }, completed, " job.completed"), el("label", { class: "inline" }, failed, " job.failed")),
    el("div", { class: "actions" }, create));

  const refresh = async () => {
    const answer = await load(list, "the webhooks", () => api.get("/v1/webhooks"));
    if (!answer) return;
    list.replaceChildren(answer.items.length
      ? table(["Callback URL", "Events", "Status", "Created", ""], answer.items.map((hook) => el("tr", { dataset: { webhook: hook.webhookId } },
        el("td", {}, el("code", {}, hook.callbackUrl), hook.description ? el("div", { class: "meta" }, hook.description) : null),
        el("td", {}, hook.events.join(", ")), el("td", {}, hook.status), el("td", {}, formatTime(hook.createdAt)),
        el("td", {}, el("button", { type: "button", class: "secondary small", onclick: () => remove(hook) }, "Delete")))))
      : el("p", { class: "empty" }, "No webhook yet."));
  };
  const remove = async (hook) => {
    try {
      await api.delete(`/v1/webhooks/${encodeURIComponent(hook.webhookId)}`);
      secretBox.replaceChildren(el("p", { class: "success" }, `Deleted the webhook for ${hook.callbackUrl}.`));
    } catch (error) {
      secretBox.replaceChildren(errorBox(error, "The webhook was not deleted"));
    }
    await refresh();
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const events = [completed, failed].filter((box) => box.checked).map((box) => box.value);
    const body = { callbackUrl: url.value.trim(), events };
    if (description.value.trim()) body.description = description.value.trim();
    create.disabled = true;
    try {
      const created = await api.post("/v1/webhooks", body);
      secretBox.replaceChildren(created.signingSecret
        ? el("div", { class: "secret", id: "signing-secret-box" },
          el("strong", {}, "Signing secret, shown this once: "), el("code", { id: "signing-secret" }, created.signingSecret),
          el("p", {}, "Store it now in your receiver's configuration; the platform never shows it again. Deliveries carry X-Platform-Signature: t=…,v1=HMAC-SHA256(secret, \"{t}.{body}\")."),
          el("button", { type: "button", class: "secondary small", onclick: () => secretBox.replaceChildren() }, "I have stored it"))
        : el("p", { class: "success", id: "webhook-created" }, `Webhook ${created.webhookId} created. `,
          created.signing?.secretDelivery ?? "The API returned no signing secret."));
      form.reset();
      completed.checked = failed.checked = true;
    } catch (error) {
      secretBox.replaceChildren(errorBox(error, "The webhook was not created"));
    } finally {
      create.disabled = false;
    }
    await refresh();
  });
  card.append(form, secretBox, list);
  await refresh();
}

async function drawInvites(card, api, base) {
  const list = el("div", { id: "invites" });
  const outcome = el("div", { "aria-live": "polite" });
  const email = el("input", { type: "email", id: "invite-email", required: true, placeholder: "colleague@example.com" });
  const role = el("select", { id: "invite-role" }, ["Agent.Invoke", "SelfService.Admin"].map((r) => el("option", { value: r }, r)));
  const send = el("button", { type: "submit", id: "send-invite" }, "Invite");
  const form = el("form", { id: "invite-form", novalidate: true }, el("label", {}, "Email", email), el("label", {}, "Role", role), el("div", { class: "actions" }, send));
  const refresh = async () => {
    const answer = await load(list, "the invitations", () => api.get(`${base}/users/invites`));
    if (!answer) return;
    list.replaceChildren(answer.items.length
      ? table(["Email", "Roles", "Status", "Invited by", "Expires"], answer.items.map((invite) => el("tr", {},
        el("td", {}, invite.email), el("td", {}, invite.roles.join(", ")), el("td", {}, invite.status),
        el("td", {}, invite.invitedBy), el("td", {}, formatTime(invite.expiresAt)))))
      : el("p", { class: "empty" }, "No invitation yet."));
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    send.disabled = true;
    try {
      await api.post(`${base}/users/invite`, { email: email.value.trim(), roles: [role.value] });
      outcome.replaceChildren(el("p", { class: "success" }, `Invitation sent to ${email.value.trim()}.`));
      form.reset();
    } catch (error) {
      outcome.replaceChildren(errorBox(error, "The invitation was not sent"));
    } finally {
      send.disabled = false;
    }
    await refresh();
  });
  card.append(form, outcome, list);
  await refresh();
}
