// Invoke an agent in its declared mode: sync (the answer), streaming (rendered
// event by event from a fetch stream reader: the request carries a bearer token,
// which EventSource cannot send), async (a job polled until done, its result
// fetched through the presigned resultUrl). The session is kept across calls,
// and the BFF keepalive runs while a stream is open.
import { el, errorBox, progress, section } from "../ui.js";
import { ApiError, EventStreamParser } from "../api.js";
import { SignInRequired } from "../auth.js";
import { modeOf } from "./catalogue.js";

const STREAM_IDLE_MS = 120_000;

function newSessionId() {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return "console-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function parseContext(text) {
  if (!text.trim()) return undefined;
  let value;
  try { value = JSON.parse(text); } catch { value = null; }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new ApiError(0, "INVALID_REQUEST", "Context must be a JSON object, e.g. {\"paceMs\": 200}.");
  }
  return value;
}

export async function render(view, context, params) {
  const { api } = context;
  context.sessions ??= new Map(); // agentName -> sessionId, kept while the tab lives
  let agents;
  try {
    ({ items: agents } = await api.get("/v1/agents"));
  } catch (error) {
    view.append(errorBox(error, "The agents could not be loaded"));
    return;
  }
  if (!agents.length) {
    view.append(el("p", { class: "empty" }, "No agent is available to your tier."));
    return;
  }
  const wanted = params.get("agent");
  const select = el("select", { id: "agent", name: "agent" },
    agents.map((a) => el("option", { value: a.agentName, selected: a.agentName === wanted }, `${a.agentName} (${modeOf(a)})`)));
  const input = el("textarea", { id: "input", name: "input", rows: 4, maxlength: 50000, required: true, placeholder: "What should the agent do?" });
  const contextField = el("textarea", { id: "context", name: "context", rows: 2, placeholder: "Optional context, a JSON object, e.g. {\"paceMs\": 200}" });
  const streamBox = el("input", { type: "checkbox", id: "stream", name: "stream", checked: true });
  const streamLabel = el("label", { class: "inline" }, streamBox, " Stream the answer as it is written");
  const sessionLine = el("p", { class: "session-line" });
  const submit = el("button", { type: "submit", id: "send" }, "Invoke");
  const stop = el("button", { type: "button", id: "stop", class: "secondary", hidden: true }, "Stop");
  const result = el("div", { id: "result", "aria-live": "polite" });
  let abort = null;
  let stopTimers = () => {};

  const agentNow = () => agents.find((a) => a.agentName === select.value);
  const sessionOf = (name) => {
    if (!context.sessions.has(name)) context.sessions.set(name, newSessionId());
    return context.sessions.get(name);
  };
  const drawSession = () => {
    const agent = agentNow();
    streamLabel.hidden = !(agent.invocationMode === "sync" && agent.streamingEnabled);
    sessionLine.replaceChildren("Session ", el("code", { id: "session-id" }, sessionOf(agent.agentName)), " ",
      el("button", { type: "button", class: "link", id: "new-session", onclick: () => { context.sessions.delete(agent.agentName); drawSession(); } }, "Start a new session"),
      el("span", { class: "meta" }, ` · mode ${modeOf(agent)}`));
  };
  select.addEventListener("change", drawSession);
  drawSession();

  const form = el("form", { id: "invoke-form", novalidate: true },
    el("label", {}, "Agent", select), el("label", {}, "Input", input), el("label", {}, "Context", contextField),
    streamLabel, sessionLine, el("div", { class: "actions" }, submit, stop));
  view.append(section("Request", form), result);

  stop.addEventListener("click", () => abort?.abort());
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    result.replaceChildren();
    const agent = agentNow();
    const text = input.value;
    if (!text.trim()) {
      result.append(errorBox(new ApiError(0, "INVALID_REQUEST", "Type an input for the agent (1 to 50000 characters)."), "Nothing to send"));
      return;
    }
    let body;
    try {
      body = { input: text, sessionId: sessionOf(agent.agentName), context: parseContext(contextField.value) };
    } catch (error) {
      result.append(errorBox(error, "The context is not valid"));
      return;
    }
    submit.disabled = true;
    stop.hidden = false;
    abort = new AbortController();
    const entry = context.store.record({ sessionId: body.sessionId, agentName: agent.agentName, mode: "", status: "running" });
    try {
      if (agent.invocationMode === "async") await runAsync(api, context, agent, body, result, entry, abort.signal);
      else if (agent.streamingEnabled && streamBox.checked) await runStream(api, context, agent, body, result, entry, abort.signal, (f) => { stopTimers = f; });
      else await runSync(api, context, agent, body, result, entry, abort.signal);
    } catch (error) {
      if (error.name === "AbortError") {
        result.append(el("p", { class: "warning", id: "stopped" }, "Stopped. The agent may still finish its work on the platform."));
        context.store.update(entry, { status: "stopped" });
      } else {
        result.append(errorBox(error, error instanceof SignInRequired ? "Sign-in needed" : "The invocation failed"));
        context.store.update(entry, { status: "failed", requestId: error.requestId ?? null, detail: error.message });
      }
    } finally {
      stopTimers();
      submit.disabled = false;
      stop.hidden = true;
      abort = null;
    }
  });
  return () => { abort?.abort(); stopTimers(); };
}

async function runSync(api, context, agent, body, result, entry, signal) {
  context.store.update(entry, { mode: "sync" });
  const waiting = progress(`Waiting for ${agent.agentName}`);
  result.append(waiting.node);
  try {
    const answer = await api.request("POST", `/v1/agents/${encodeURIComponent(agent.agentName)}/invoke`, { body, signal });
    context.sessions.set(agent.agentName, answer.sessionId);
    context.store.update(entry, { status: answer.status, id: answer.invocationId });
    result.append(section("Answer",
      el("pre", { id: "output", class: "output" }, typeof answer.output === "string" ? answer.output : JSON.stringify(answer.output, null, 2)),
      usageLine(answer.usage), el("p", { class: "meta" }, `invocation ${answer.invocationId} · version ${answer.agentVersion}`)));
  } finally {
    waiting.done();
  }
}

function usageLine(usage) {
  if (!usage) return null;
  return el("p", { class: "meta", id: "usage" }, `${usage.inputTokens} input tokens · ${usage.outputTokens} output tokens` +
    (usage.latencyMs !== undefined ? ` · ${usage.latencyMs} ms` : ""));
}

async function runStream(api, context, agent, body, result, entry, signal, setStop) {
  context.store.update(entry, { mode: "streaming" });
  const output = el("div", { id: "stream-output", class: "output stream" });
  const status = el("p", { class: "meta", id: "stream-status" }, "Connecting…");
  const keepalive = el("p", { class: "meta", id: "keepalive" }, "Keepalive: none sent yet");
  const box = section("Answer (streaming)", output, status, keepalive);
  result.append(box);
  const response = await api.request("POST", `/v1/agents/${encodeURIComponent(agent.agentName)}/invoke`, {
    body, headers: { Accept: "text/event-stream" }, raw: true, signal,
  });
  const requestId = response.headers.get("x-amzn-RequestId");
  const sessionId = response.headers.get("X-Session-Id") || body.sessionId;
  context.sessions.set(agent.agentName, sessionId);

  // The BFF keepalive keeps the runtime session from idling out while the stream is open.
  let sent = 0;
  let attempts = 0;
  const ping = async () => {
    attempts += 1;
    keepalive.dataset.attempts = String(attempts);
    try {
      const answer = await api.post("/v1/bff/session-keepalive", { sessionId, agentName: agent.agentName });
      sent += 1;
      keepalive.textContent = `Keepalive: ${sent} sent, session kept until ${new Date(answer.expiresAt).toLocaleTimeString()}`;
      keepalive.dataset.count = String(sent);
    } catch (error) {
      keepalive.textContent = `Keepalive failed: ${error.message}${error.requestId ? ` (request ${error.requestId})` : ""}`;
    }
  };
  const timer = setInterval(ping, context.config.keepaliveSeconds * 1000);
  setStop(() => clearInterval(timer));

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new EventStreamParser();
  let count = 0;
  let done = null;
  let failure = null;
  let idle;
  // Nothing hangs forever: a stream silent for too long is closed with a message.
  const read = () => Promise.race([reader.read(), new Promise((_, reject) => {
    idle = setTimeout(() => reject(new ApiError(0, "TIMEOUT", `No event for ${STREAM_IDLE_MS / 1000} s; the stream was closed.`, { requestId })), STREAM_IDLE_MS);
  })]).finally(() => clearTimeout(idle));
  try {
    for (;;) {
      const { value, done: ended } = await read();
      if (ended) break;
      for (const event of parser.feed(value)) {
        count += 1;
        if (event.event === "error") {
          failure = event.data;
          continue;
        }
        let data;
        try { data = JSON.parse(event.data); } catch { data = { type: "text", text: event.data }; }
        if (data.type === "done") {
          done = data;
        } else {
          const text = data.text ?? JSON.stringify(data);
          output.append(el("span", { class: "token", dataset: { index: String(data.index ?? count) } }, text), " ");
        }
        status.textContent = `${count} events received…`;
      }
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    if (error.name === "AbortError" || signal.aborted) { const e = new Error("stopped"); e.name = "AbortError"; throw e; }
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, "NETWORK", `The stream was interrupted after ${count} events (${error.message}).`, { requestId });
  } finally {
    clearTimeout(idle);
    clearInterval(timer);
  }
  if (failure !== null) {
    let envelope = {};
    try { envelope = JSON.parse(failure).error ?? {}; } catch { /* keep defaults */ }
    status.textContent = `Failed after ${count} events.`;
    throw new ApiError(502, envelope.code || "RUNTIME_INVOCATION_FAILED", envelope.message || "The agent failed during the stream.",
      { requestId: envelope.requestId || requestId });
  }
  if (!done) {
    status.textContent = `Cut after ${count} events.`;
    context.store.update(entry, { status: "cut", requestId });
    throw new ApiError(502, "RUNTIME_INVOCATION_FAILED", `The agent's stream ended before the agent finished (${count} events received). The answer above is incomplete; invoke again.`, { requestId });
  }
  status.textContent = `Completed: ${count} events.`;
  status.dataset.state = "completed";
  box.append(usageLine(done.usage));
  context.store.update(entry, { status: "completed", id: requestId ? `request ${requestId}` : "", requestId });
}

async function runAsync(api, context, agent, body, result, entry, signal) {
  context.store.update(entry, { mode: "async" });
  const accepted = await api.request("POST", `/v1/agents/${encodeURIComponent(agent.agentName)}/invoke`, { body, signal });
  context.store.update(entry, { status: "accepted", id: accepted.jobId });
  const jobStatus = el("span", { id: "job-status", class: "badge" }, accepted.status);
  const card = section("Job", el("p", {}, "Job ", el("code", { id: "job-id" }, accepted.jobId), " ", jobStatus,
    el("span", { class: "meta" }, ` · webhook ${accepted.webhookDelivery}`)));
  result.append(card);
  const waiting = progress("Waiting for the job to finish");
  card.append(waiting.node);
  const started = Date.now();
  const pollMs = context.config.jobPollSeconds * 1000;
  let job;
  try {
    for (;;) {
      await new Promise((resolve, reject) => {
        const t = setTimeout(resolve, pollMs);
        signal.addEventListener("abort", () => { clearTimeout(t); const e = new Error("stopped"); e.name = "AbortError"; reject(e); }, { once: true });
      });
      job = await api.request("GET", `/v1/jobs/${encodeURIComponent(accepted.jobId)}`, { signal });
      jobStatus.textContent = job.status;
      jobStatus.className = `badge status-${job.status}`;
      waiting.set(`Job is ${job.status}`);
      context.store.update(entry, { status: job.status });
      if (job.status === "completed" || job.status === "failed") break;
      if (Date.now() - started > context.config.jobTimeoutSeconds * 1000) {
        card.append(el("p", { class: "warning" }, `Still ${job.status} after ${context.config.jobTimeoutSeconds} s. The job goes on on the platform; look it up later by its id.`));
        return;
      }
    }
  } finally {
    waiting.done();
  }
  if (job.status === "failed") {
    throw new ApiError(0, "RUNTIME_INVOCATION_FAILED", `The job failed: ${job.errorMessage || "no message"}.`);
  }
  const download = progress("Downloading the result");
  card.append(download.node);
  let text;
  try {
    // A presigned S3 URL: no Authorization header, no cookies.
    const response = await fetch(job.resultUrl, { credentials: "omit", signal });
    if (!response.ok) throw new Error(`the download answered ${response.status}`);
    text = await response.text();
  } catch (error) {
    if (error.name === "AbortError") throw error;
    card.append(errorBox(Object.assign(new Error(`The job completed, but its result could not be downloaded (${error.message}).`),
      { hint: "The result link is valid for an hour; retry, or open it directly." }), "Result unavailable"),
      el("p", {}, el("a", { href: job.resultUrl, target: "_blank", rel: "noopener noreferrer" }, "Open the result")));
    return;
  } finally {
    download.done();
  }
  let shown = text;
  try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch { /* not JSON: show as is */ }
  card.append(el("h3", {}, "Result"), el("pre", { id: "job-result", class: "output" }, shown),
    el("p", { class: "meta" }, `completed ${new Date(job.completedAt).toLocaleString()}`));
}
