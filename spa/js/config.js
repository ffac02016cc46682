// The runtime config (/config.json): written by `make dev` locally and by the
// deploy in AWS. Nothing environment-specific lives in the code.
const REQUIRED = ["apiUrl", "authority", "clientId", "redirectUri", "scopes", "apiScope"];

export async function loadConfig() {
  let response;
  try {
    response = await fetch("/config.json", { cache: "no-store" });
  } catch {
    throw new Error("The console could not load its configuration (/config.json).");
  }
  if (!response.ok) throw new Error(`The console has no configuration yet (/config.json answered ${response.status}).`);
  const config = await response.json();
  const missing = REQUIRED.filter((name) => !config[name]);
  if (missing.length) throw new Error(`The console configuration lacks ${missing.join(", ")}.`);
  return Object.freeze({
    keepaliveSeconds: 300,
    jobPollSeconds: 2,
    jobTimeoutSeconds: 900,
    ...config,
    apiUrl: config.apiUrl.replace(/\/+$/, ""),
    authority: config.authority.replace(/\/+$/, ""),
  });
}
