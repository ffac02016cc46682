// The platform API client: bearer token, the error envelope turned into a
// readable ApiError (with the request id), and on a 401 one token refresh
// and one retry before asking the user to sign in again.
import { SignInRequired } from "./auth.js";

const GATEWAY_CODES = { 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND", 413: "INVALID_REQUEST", 429: "THROTTLED", 502: "RUNTIME_INVOCATION_FAILED", 503: "SERVICE_UNAVAILABLE", 504: "TIMEOUT" };

const HINTS = {
  UNAUTHENTICATED: "Sign in again.",
  FORBIDDEN: "Your account is not allowed to do this. Ask your tenant admin or a platform operator for the role it needs.",
  THROTTLED: "Your tenant's request rate or daily quota is used up; wait and retry.",
  SERVICE_UNAVAILABLE: "The platform is temporarily unavailable; retry in a minute.",
  TIMEOUT: "The platform took too long to answer; retry, or use an async agent for long work.",
  RUNTIME_INVOCATION_FAILED: "The agent failed; retry, and quote the request id if it keeps failing.",
  INTERNAL_ERROR: "Something went wrong on the platform; quote the request id to the operators.",
  NETWORK: "Check that the platform is running (locally: make dev) and your network, then retry.",
};

export class ApiError extends Error {
  constructor(status, code, message, { requestId = null, details = [], retryAfter = null } = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.details = details;
    this.retryAfter = retryAfter;
    this.hint = HINTS[code] ?? null;
    if (code === "THROTTLED" && retryAfter) this.hint = `Too many requests; retry after ${retryAfter} s.`;
  }

  /** From an error response: the platform's envelope, or API Gateway's own `{message}`. */
  static async from(response) {
    const text = await response.text().catch(() => "");
    let body = {};
    try { body = JSON.parse(text); } catch { /* not JSON: keep the status */ }
    const envelope = body?.error ?? {};
    const requestId = envelope.requestId || response.headers.get("x-amzn-RequestId");
    const code = envelope.code || GATEWAY_CODES[response.status] || (response.status >= 500 ? "INTERNAL_ERROR" : "INVALID_REQUEST");
    const message = envelope.message || body.message || body.Message || `The API answered ${response.status}.`;
    return new ApiError(response.status, code, message, {
      requestId, details: envelope.details ?? [], retryAfter: response.headers.get("Retry-After"),
    });
  }

  static network(url) {
    return new ApiError(0, "NETWORK", `The platform API at ${new URL(url).origin} could not be reached.`);
  }
}

export class Api {
  constructor(config, auth) {
    this.config = config;
    this.auth = auth;
  }

  /** JSON in, JSON out (null for 204). `raw: true` returns the Response (for streams). */
  async request(method, path, { body, headers = {}, raw = false, signal } = {}) {
    let response = await this.#send(method, path, body, headers, signal);
    if (response.status === 401) {
      await response.body?.cancel();
      try {
        await this.auth.refresh();
      } catch (error) {
        throw error instanceof SignInRequired ? error : new SignInRequired();
      }
      response = await this.#send(method, path, body, headers, signal);
      if (response.status === 401) {
        this.auth.signOut({ expired: true });
        throw new SignInRequired();
      }
    }
    if (!response.ok) throw await ApiError.from(response);
    if (raw) return response;
    return response.status === 204 ? null : response.json();
  }

  async #send(method, path, body, headers, signal) {
    if (!this.auth.signedIn) throw new SignInRequired("You are not signed in.");
    const url = `${this.config.apiUrl}${path}`;
    const all = { Authorization: `Bearer ${this.auth.accessToken}`, Accept: "application/json", ...headers };
    if (body !== undefined) all["Content-Type"] = "application/json";
    try {
      return await fetch(url, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (error) {
      if (error.name === "AbortError") throw error;
      throw ApiError.network(url);
    }
  }

  get(path) { return this.request("GET", path); }
  post(path, body = {}) { return this.request("POST", path, { body }); }
  delete(path) { return this.request("DELETE", path); }
}

/** Splits a text/event-stream body into events as chunks arrive (WHATWG HTML 9.2.6). */
export class EventStreamParser {
  #buffer = "";
  #name = null;
  #data = [];

  feed(text) {
    this.#buffer += text;
    const events = [];
    let newline;
    while ((newline = this.#buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.#buffer.slice(0, newline);
      const length = this.#buffer.startsWith("\r\n", newline) ? 2 : 1;
      this.#buffer = this.#buffer.slice(newline + length);
      if (line === "") {
        if (this.#data.length) events.push({ event: this.#name ?? "message", data: this.#data.join("\n") });
        this.#name = null;
        this.#data = [];
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? "" : line.slice(colon + 1);
      if (value.startsWith(" ")) value = value.slice(1);
      if (field === "data") this.#data.push(value);
      else if (field === "event") this.#name = value;
    }
    return events;
  }
}
