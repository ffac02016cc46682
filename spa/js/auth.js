// OpenID Connect sign-in: authorization code + PKCE (S256), tokens in memory only.
// Only the short-lived PKCE verifier, state and nonce survive the redirect to the
// identity provider, in sessionStorage, and are removed when the code is redeemed.

const PENDING = "console.oidc.pending";

export class SignInRequired extends Error {
  constructor(message = "Your sign-in has expired.") {
    super(message);
    this.name = "SignInRequired";
  }
}

function b64url(bytes) {
  let text = "";
  for (const byte of new Uint8Array(bytes)) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function b64urlDecode(text) {
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

function randomString(bytes = 32) {
  return b64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The claims of a JWT, unverified: the console reads its own tokens only to shape the UI. */
export function claimsOf(token) {
  const part = token.split(".")[1];
  return JSON.parse(new TextDecoder().decode(b64urlDecode(part)));
}

export class Auth {
  #token = null; // {accessToken, expiresAt (ms), identity}
  #timer = null;
  #refreshing = null;

  constructor(config, discovery, { onChange = () => {}, now = () => Date.now() } = {}) {
    this.config = config;
    this.discovery = discovery;
    this.onChange = onChange;
    this.now = now;
  }

  static async discover(config) {
    const url = `${config.authority}/.well-known/openid-configuration`;
    let response;
    try {
      response = await fetch(url);
    } catch {
      throw new Error(`The identity provider at ${config.authority} could not be reached.`);
    }
    if (!response.ok) throw new Error(`The identity provider's discovery document answered ${response.status}.`);
    return response.json();
  }

  get signedIn() { return this.#token !== null; }
  get accessToken() { return this.#token?.accessToken ?? null; }
  get expiresAt() { return this.#token?.expiresAt ?? null; }

  /** Who is signed in, for display and for hiding pages (the API decides regardless). */
  get user() {
    if (!this.#token) return null;
    const access = claimsOf(this.#token.accessToken);
    const identity = this.#token.identity;
    const roles = Array.isArray(access.roles) ? access.roles : [];
    return {
      name: identity.name || identity.preferred_username || access.sub,
      subject: access.sub,
      tenantId: access.tenantid,
      tier: access.tier,
      roles,
      isOperator: access.tenantid === "platform" && (roles.includes("Platform.Operator") || roles.includes("Platform.Admin")),
      isTenantAdmin: roles.includes("SelfService.Admin"),
    };
  }

  /** Sends the browser to the identity provider; `returnTo` is the page to come back to. */
  async signIn(returnTo = location.hash || "#/catalogue") {
    const verifier = randomString(48);
    const challenge = b64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
    const pending = { verifier, state: randomString(16), nonce: randomString(16), returnTo };
    sessionStorage.setItem(PENDING, JSON.stringify(pending));
    const query = new URLSearchParams({
      client_id: this.config.clientId, redirect_uri: this.config.redirectUri, response_type: "code",
      scope: this.config.scopes.join(" "), state: pending.state, nonce: pending.nonce,
      code_challenge: challenge, code_challenge_method: "S256", response_mode: "query",
    });
    location.assign(`${this.discovery.authorization_endpoint}?${query}`);
  }

  /** Finishes a sign-in when the URL carries the identity provider's answer; returns the page to show, or null. */
  async completeSignIn(url = new URL(location.href)) {
    const code = url.searchParams.get("code");
    const error = url.searchParams.get("error");
    if (!code && !error) return null;
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || "null");
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, "", `${url.pathname}${pending?.returnTo ?? "#/catalogue"}`);
    if (!pending || url.searchParams.get("state") !== pending.state) {
      throw new Error("The sign-in answer does not match a sign-in started here; please sign in again.");
    }
    if (error) {
      throw new Error(`The identity provider refused the sign-in (${error}: ${url.searchParams.get("error_description") || "no details"}).`);
    }
    const body = new URLSearchParams({
      grant_type: "authorization_code", code, redirect_uri: this.config.redirectUri,
      client_id: this.config.clientId, code_verifier: pending.verifier,
    });
    let response;
    try {
      response = await fetch(this.discovery.token_endpoint, { method: "POST", body });
    } catch {
      throw new Error("The identity provider's token endpoint could not be reached; please sign in again.");
    }
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(`The identity provider did not issue tokens (${answer.error || response.status}: ${answer.error_description || ""}).`);
    }
    const identity = await this.#verifyIdToken(answer.id_token, pending.nonce);
    this.#store(answer.access_token, this.now() + answer.expires_in * 1000, identity);
    return pending.returnTo;
  }

  /** OpenID Connect Core 3.1.3.7: signature by the provider's key, issuer, audience, nonce, expiry. */
  async #verifyIdToken(idToken, nonce) {
    if (!idToken) throw new Error("The identity provider sent no id_token.");
    const [headerPart, payloadPart, signaturePart] = idToken.split(".");
    const header = JSON.parse(new TextDecoder().decode(b64urlDecode(headerPart)));
    if (header.alg !== "RS256") throw new Error("The id_token is not signed with RS256.");
    const jwks = await (await fetch(this.discovery.jwks_uri)).json();
    const jwk = jwks.keys.find((key) => key.kid === header.kid);
    if (!jwk) throw new Error("The id_token's signing key is not published by the identity provider.");
    const key = await crypto.subtle.importKey("jwk", { kty: jwk.kty, n: jwk.n, e: jwk.e, alg: "RS256", ext: true },
      { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
    const valid = await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, b64urlDecode(signaturePart),
      new TextEncoder().encode(`${headerPart}.${payloadPart}`));
    const claims = claimsOf(idToken);
    const nowSeconds = this.now() / 1000;
    if (!valid || claims.iss !== this.discovery.issuer || claims.aud !== this.config.clientId
        || claims.nonce !== nonce || !(claims.exp > nowSeconds - 60)) {
      throw new Error("The id_token failed verification; please sign in again.");
    }
    return claims;
  }

  #store(accessToken, expiresAt, identity) {
    this.#token = { accessToken, expiresAt, identity };
    this.#schedule();
    this.onChange(this);
  }

  /** Refresh a little before expiry: a minute, or a quarter of a short lifetime. */
  #schedule() {
    clearTimeout(this.#timer);
    const remaining = this.#token.expiresAt - this.now();
    const lead = Math.min(60_000, remaining / 4);
    this.#timer = setTimeout(() => this.#refreshOnTimer(), Math.max(1_000, remaining - lead));
  }

  /** A refresh the platform could not serve (down, 5xx) is retried while the token lasts. */
  #refreshOnTimer() {
    this.refresh().catch((error) => {
      if (error instanceof SignInRequired || !this.#token) return;
      this.lastRefreshError = error.message;
      if (this.#token.expiresAt > this.now()) this.#timer = setTimeout(() => this.#refreshOnTimer(), 5_000);
    });
  }

  /** A new access token through the BFF (on-behalf-of); one refresh at a time. */
  refresh() {
    if (!this.#token) return Promise.reject(new SignInRequired("You are not signed in."));
    this.#refreshing ??= this.#refreshNow().finally(() => { this.#refreshing = null; });
    return this.#refreshing;
  }

  async #refreshNow() {
    let response;
    try {
      response = await fetch(`${this.config.apiUrl}/v1/bff/token-refresh`, {
        method: "POST",
        headers: { Authorization: `Bearer ${this.#token.accessToken}`, "Content-Type": "application/json" },
        body: JSON.stringify({ scope: this.config.apiScope }),
      });
    } catch {
      throw new Error("The platform API could not be reached to refresh your sign-in.");
    }
    // Refused (the token is no longer valid, or the identity provider will not extend the sign-in):
    // only a new interactive sign-in helps.
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      this.signOut({ expired: true });
      throw new SignInRequired();
    }
    if (!response.ok) throw new Error(`Refreshing your sign-in failed (${response.status}).`);
    const answer = await response.json();
    this.refreshedAt = new Date(this.now());
    this.refreshCount = (this.refreshCount ?? 0) + 1;
    this.#store(answer.accessToken, Date.parse(answer.expiresAt), this.#token.identity);
  }

  /** Forgets every token; the console shows the signed-out screen. */
  signOut({ expired = false } = {}) {
    clearTimeout(this.#timer);
    this.#token = null;
    this.expired = expired;
    sessionStorage.removeItem(PENDING);
    this.onChange(this);
  }
}
