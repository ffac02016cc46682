// The console's entry point: configuration, sign-in, then hash routing to the pages.
import { loadConfig } from "./config.js";
import { Auth, SignInRequired } from "./auth.js";
import { Api } from "./api.js";
import { ActivityStore } from "./store.js";
import { el, clear, errorBox } from "./ui.js";
import * as catalogue from "./pages/catalogue.js";
import * as invoke from "./pages/invoke.js";
import * as sessions from "./pages/sessions.js";
import * as selfService from "./pages/self-service.js";
import * as admin from "./pages/admin.js";

const PAGES = {
  catalogue: { module: catalogue, title: "Agent catalogue" },
  invoke: { module: invoke, title: "Invoke an agent" },
  sessions: { module: sessions, title: "Sessions" },
  "self-service": { module: selfService, title: "Tenant self-service", needs: "tenant-admin" },
  admin: { module: admin, title: "Platform admin", needs: "operator" },
};

const main = document.getElementById("main");
const banner = document.getElementById("banner");
let context = null;
let cleanup = null;

function showBanner(...content) {
  banner.replaceChildren(...content);
  banner.hidden = false;
}

function hideBanner() {
  banner.hidden = true;
  banner.replaceChildren();
}

function allowed(page, user) {
  if (page.needs === "operator") return user.isOperator;
  if (page.needs === "tenant-admin") return user.isTenantAdmin;
  return true;
}

function updateHeader(auth) {
  const user = auth.user;
  const nav = document.getElementById("nav");
  nav.hidden = !user;
  for (const link of nav.querySelectorAll("a[data-needs]")) {
    link.hidden = !user || !allowed(PAGES[link.dataset.page], user);
  }
  document.getElementById("who").textContent = user
    ? `${user.name} · ${user.tenantId} (${user.tier})${user.roles.length ? " · " + user.roles.join(", ") : ""}` : "";
  document.getElementById("sign-out").hidden = !user;
  document.getElementById("who").dataset.refreshes = String(auth.refreshCount ?? 0);
}

function signInButton(label = "Sign in") {
  return el("button", { type: "button", id: "sign-in", onclick: () => context.auth.signIn() }, label);
}

function renderSignedOut(message) {
  cleanup?.();
  cleanup = null;
  clear(main).append(el("section", { class: "card signed-out" },
    el("h1", {}, "Agent platform console"),
    el("p", {}, message || "Sign in with your organisation account to use the console."),
    signInButton()));
}

/** The auth state changed: signed in, refreshed, signed out or expired. */
function onAuthChange(auth) {
  if (!context) return;
  updateHeader(auth);
  if (!auth.signedIn && auth.expired) {
    // Keep the page (a finished stream, a job id) readable; say what happened and what to do.
    showBanner(el("span", {}, "Your sign-in has expired and could not be refreshed. "), signInButton("Sign in again"));
  }
}

function route() {
  if (!context?.auth.signedIn) return renderSignedOut(context?.auth.expired ? "Your sign-in has expired. Sign in again to continue." : null);
  const [name, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const page = PAGES[name || "catalogue"];
  cleanup?.();
  cleanup = null;
  clear(main);
  for (const link of document.querySelectorAll("#nav a")) link.classList.toggle("active", link.dataset.page === (name || "catalogue"));
  if (!page) {
    main.append(el("section", { class: "card" }, el("h1", {}, "No such page"),
      el("p", {}, `There is no page "${name}". `, el("a", { href: "#/catalogue" }, "Go to the catalogue"), ".")));
    return;
  }
  document.title = `${page.title} · Agent platform console`;
  const user = context.auth.user;
  if (!allowed(page, user)) {
    const who = page.needs === "operator" ? "platform operators (Platform.Operator or Platform.Admin)" : "tenant admins (SelfService.Admin)";
    main.append(el("section", { class: "card forbidden", id: "forbidden" }, el("h1", {}, "Not available to you"),
      el("p", {}, `The ${page.title.toLowerCase()} page is for ${who}. You are signed in as ${user.name} with `,
        user.roles.length ? `roles ${user.roles.join(", ")}.` : "no roles.",
        " The platform API refuses these calls for your account as well."),
      el("p", {}, "Ask your administrator for the role, or ", el("a", { href: "#/catalogue" }, "go to the catalogue"), ".")));
    return;
  }
  const view = el("div", { class: "page", id: `page-${name || "catalogue"}` }, el("h1", {}, page.title));
  main.append(view);
  const params = new URLSearchParams(query);
  Promise.resolve(page.module.render(view, context, params)).then((stop) => { cleanup = typeof stop === "function" ? stop : null; })
    .catch((error) => view.append(errorBox(error, "The page could not be shown")));
}

async function start() {
  let config;
  try {
    config = await loadConfig();
  } catch (error) {
    clear(main).append(errorBox(error, "The console cannot start"));
    return;
  }
  let discovery;
  try {
    discovery = await Auth.discover(config);
  } catch (error) {
    clear(main).append(errorBox(Object.assign(error, { hint: "Reload the page when the identity provider is back." }), "Sign-in is unavailable"));
    return;
  }
  const auth = new Auth(config, discovery, { onChange: (a) => onAuthChange(a) });
  const api = new Api(config, auth);
  context = { config, auth, api, store: new ActivityStore() };
  document.getElementById("sign-out").addEventListener("click", () => {
    auth.signOut();
    context.store.clear();
    hideBanner();
    renderSignedOut("You are signed out. Your tokens were removed from this tab.");
  });
  window.addEventListener("hashchange", route);
  // A SignInRequired that a page did not handle itself.
  window.addEventListener("unhandledrejection", (event) => {
    if (event.reason instanceof SignInRequired) event.preventDefault();
  });
  try {
    await auth.completeSignIn();
  } catch (error) {
    updateHeader(auth);
    renderSignedOut();
    main.prepend(errorBox(error, "Sign-in failed"));
    return;
  }
  updateHeader(auth);
  hideBanner();
  route();
}

start();
