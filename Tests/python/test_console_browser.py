"""The web console in a real browser: Debian's chromium + chromium-driver, driven
headless by Selenium, against the real local stack (moto, local-platform with
every function, the identity provider, the echo agent). Every scenario of
issue 19's Tests section, the bad-input cases, and zero CSP violations or
console errors over the run. Screenshots go to .local/console/ for review."""
import base64
import hashlib
import json
import os
import secrets
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from console_stack import ConsoleStack
from platform_stack import ROOT, request

SHOTS = ROOT / ".local" / "console"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
TOKEN_LIFETIME = 20  # seconds: the console refreshes through the BFF during the run
LOGS: dict[str, list] = {}  # phase -> browser log entries


@pytest.fixture(scope="module")
def stack(tmp_path_factory, request):
    assert os.environ.get("AWS_ENDPOINT_URL"), "the console tests need moto: run them with `make test`"
    started = time.time()
    stack = ConsoleStack(tmp_path_factory.mktemp("console"), token_lifetime=TOKEN_LIFETIME)
    up = time.time() - started
    yield stack
    stack.stop()
    # A slow stage of `make test`: say how long it took.
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter:
        reporter.write_line(f"\nconsole browser tests: {time.time() - started:.0f} s (stack start {up:.0f} s); "
                            f"screenshots in {SHOTS.relative_to(ROOT)}/")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    assert Path(CHROMEDRIVER).exists(), "chromium-driver is not installed: `make test` installs it (apt)"
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not look anything up
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
                f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
                "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--no-pings",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                # Loopback only: every other host name fails to resolve.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def take_log(driver, phase: str) -> list:
    """Warnings and errors the browser logged since the last call (console, JS, network, CSP)."""
    entries = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    LOGS.setdefault(phase, []).extend(entries)
    return entries


def shot(driver, name: str):
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def wait(driver, seconds=20):
    return WebDriverWait(driver, seconds, poll_frequency=0.05)


def sign_in(driver, stack, username: str, console=None, page="#/catalogue", phase="run"):
    """The PKCE sign-in a person does: open the console, Sign in, pick the user on the IdP's page."""
    url = (console or stack.console).url
    driver.get("about:blank")  # a new document: the tokens in the old one's memory are gone
    driver.get(f"{url}/{page}")
    wait(driver).until(EC.element_to_be_clickable((By.ID, "sign-in"))).click()
    wait(driver).until(EC.presence_of_element_located((By.ID, f"user-{username}")))
    assert driver.current_url.startswith(stack.stack.idp_url)
    if username == "basic-user" and console is None:
        shot(driver, "01-identity-provider-sign-in")
    driver.find_element(By.ID, f"user-{username}").click()
    wait(driver).until(lambda d: d.current_url.startswith(url) and "code=" not in d.current_url
                       and d.find_element(By.ID, "who").text)
    take_log(driver, phase)


def text(driver, element_id):
    return driver.find_element(By.ID, element_id).text


def pkce_token(stack, username: str) -> str:
    """An access token for `username` by the same code + PKCE flow, outside the browser."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    redirect = f"{stack.console.url}/"
    base = f"{stack.stack.idp_url}/local-entra-tenant/oauth2/v2.0"

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    form = {"client_id": "local-console", "redirect_uri": redirect, "response_type": "code", "scope": "openid",
            "state": "s", "code_challenge": challenge, "code_challenge_method": "S256", "username": username}
    try:
        urllib.request.build_opener(NoRedirect).open(f"{base}/authorize", urllib.parse.urlencode(form).encode(), timeout=5)
        raise AssertionError("no redirect")
    except urllib.error.HTTPError as answer:
        code = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(answer.headers["Location"]).query))["code"]
    tokens = json.loads(urllib.request.urlopen(f"{base}/token", urllib.parse.urlencode({
        "grant_type": "authorization_code", "code": code, "client_id": "local-console", "redirect_uri": redirect,
        "code_verifier": verifier}).encode(), timeout=5).read())
    return tokens["access_token"]


# -- headers and CORS (plain HTTP) -------------------------------------------------------------

def test_console_is_served_with_the_security_headers_of_the_one_file(stack):
    with urllib.request.urlopen(f"{stack.console.url}/", timeout=5) as resp:
        headers = resp.headers
    template = json.loads((ROOT / "spa/security-headers.json").read_text())
    assert set(template) <= set(headers.keys())
    csp = headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "*" not in csp
    assert directives["frame-ancestors"] == "'none'" and directives["script-src"] == "'self'"
    api, idp = stack.stack.api, stack.stack.idp_url
    results = urllib.parse.urlsplit(stack.stack.s3_front)
    assert directives["connect-src"].split() == ["'self'", api, idp, f"{results.scheme}://{results.netloc}"]
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    for private in ("/security-headers.json", "/config.example.json", "/../scripts/local_idp.py", "/js/", "/nope.js"):
        status, _ = request(f"{stack.console.url}{private}", {})
        assert status == 404, private
    status, body = request(f"{stack.console.url}/config.json", {})
    assert status == 200 and json.loads(body)["apiUrl"] == api


def test_api_answers_cors_only_for_the_console_origin(stack):
    api, origin = stack.stack.api, stack.console.url
    preflight = {"Origin": origin, "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "authorization, content-type"}
    req = urllib.request.Request(f"{api}/v1/agents/echo-agent/invoke", method="OPTIONS", headers=preflight)
    with urllib.request.urlopen(req, timeout=5) as resp:
        assert resp.status == 204
        assert resp.headers["Access-Control-Allow-Origin"] == origin
        assert "POST" in resp.headers["Access-Control-Allow-Methods"]
        assert "Authorization" in resp.headers["Access-Control-Allow-Headers"]
    for other in (stack.down.url, "https://evil.example", "null"):
        req = urllib.request.Request(f"{api}/v1/agents", method="OPTIONS",
                                     headers={**preflight, "Origin": other, "Access-Control-Request-Method": "GET"})
        try:
            urllib.request.urlopen(req, timeout=5)
            raise AssertionError("a foreign preflight was allowed")
        except urllib.error.HTTPError as refused:
            assert refused.code == 403 and refused.headers["Access-Control-Allow-Origin"] is None
    # Integration and gateway responses both carry the console's origin, so its scripts can read errors too.
    token = pkce_token(stack, "basic-user")
    for headers, status in (({"Authorization": f"Bearer {token}"}, 200), ({}, 401)):
        req = urllib.request.Request(f"{api}/v1/agents", headers={"Origin": origin, **headers})
        try:
            resp = urllib.request.urlopen(req, timeout=15)
        except urllib.error.HTTPError as err:
            resp = err
        assert resp.status == status
        assert resp.headers["Access-Control-Allow-Origin"] == origin
        assert "x-amzn-RequestId" in resp.headers["Access-Control-Expose-Headers"]


# -- the browser ---------------------------------------------------------------------------------

def test_csp_is_enforced_in_the_browser(browser, stack):
    browser.get(f"{stack.console.url}/")
    wait(browser).until(EC.presence_of_element_located((By.ID, "sign-in")))
    take_log(browser, "run")
    # An inline script, as an injected payload would add one: the CSP must refuse it.
    browser.execute_script("const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
                           "document.head.append(s);")
    time.sleep(0.3)
    assert browser.execute_script("return window.__ran === undefined")
    violations = take_log(browser, "csp-probe")
    assert any("Content Security Policy" in e["message"] for e in violations), violations


def test_basic_user_signs_in_by_pkce_and_sees_the_tier_catalogue(browser, stack):
    sign_in(browser, stack, "basic-user")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#catalogue tbody tr")))
    agents = [row.get_attribute("data-agent") for row in browser.find_elements(By.CSS_SELECTOR, "#catalogue tbody tr")]
    assert "echo-agent" in agents and "echo-agent-async" in agents
    assert "echo-agent-premium" not in agents  # tierMinimum premium
    row = browser.find_element(By.CSS_SELECTOR, "#catalogue tr[data-agent='echo-agent-async']")
    assert "async" in row.text
    assert "basic-user" not in text(browser, "who") and "acme-basic" in text(browser, "who")
    # No admin or self-service entry for a basic user.
    assert not browser.find_element(By.CSS_SELECTOR, "#nav a[data-page='admin']").is_displayed()
    assert not browser.find_element(By.CSS_SELECTOR, "#nav a[data-page='self-service']").is_displayed()
    # Tokens stay in memory: nothing in web storage once signed in.
    assert browser.execute_script("return localStorage.length + sessionStorage.length") == 0
    shot(browser, "02-catalogue")
    take_log(browser, "run")


def invoke_form(browser, agent, prompt, context=None, stream=None):
    browser.get(f"{browser.current_url.split('#')[0]}#/invoke?agent={agent}")
    wait(browser).until(EC.element_to_be_clickable((By.ID, "send")))
    field = browser.find_element(By.ID, "input")
    field.clear()
    field.send_keys(prompt)
    if context:
        browser.find_element(By.ID, "context").send_keys(json.dumps(context))
    if stream is not None:
        box = browser.find_element(By.ID, "stream")
        if box.is_displayed() and box.is_selected() != stream:
            box.click()
    return text(browser, "session-id")


def test_invoke_sync_keeps_the_session_across_calls(browser, stack):
    sign_in(browser, stack, "basic-user", page="#/invoke")
    session = invoke_form(browser, "echo-agent", "hello from the console", stream=False)
    browser.find_element(By.ID, "send").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "output")))
    assert "hello from the console" in text(browser, "output")
    assert "output tokens" in text(browser, "usage")
    shot(browser, "03-invoke-sync")
    # Same tab, second call: the same session.
    again = invoke_form(browser, "echo-agent", "second call", stream=False)
    assert again == session
    browser.find_element(By.ID, "send").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.ID, "output"), "second call"))
    browser.get(f"{stack.console.url}/#/sessions")
    card = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, f"[data-session='{session}']")))
    assert card.text.count("success") == 2
    shot(browser, "04-sessions")
    take_log(browser, "run")


def test_invoke_streaming_renders_event_by_event(browser, stack):
    sign_in(browser, stack, "basic-user", page="#/invoke")
    words = "one two three four five six seven eight nine ten".split()
    invoke_form(browser, "echo-agent", " ".join(words), context={"paceMs": 400}, stream=True)
    browser.find_element(By.ID, "send").click()
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#stream-output .token"))
    first_seen = time.monotonic()
    assert browser.find_element(By.ID, "stream-status").get_attribute("data-state") != "completed"
    first_tokens = len(browser.find_elements(By.CSS_SELECTOR, "#stream-output .token"))
    shot(browser, "05-invoke-streaming-partial")
    wait(browser, 30).until(lambda d: d.find_element(By.ID, "stream-status").get_attribute("data-state") == "completed")
    last_seen = time.monotonic()
    tokens = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#stream-output .token")]
    assert tokens == ["echo:"] + words
    assert first_tokens < len(words)
    # 9 gaps of 0.4 s between the first and the last event: the page showed the first well before the last.
    assert last_seen - first_seen > 2.0, (first_seen, last_seen)
    # The BFF keepalive was sent while the stream was open, and its answer is on the page.
    keepalive = browser.find_element(By.ID, "keepalive")
    assert int(keepalive.get_attribute("data-attempts") or 0) >= 1
    assert int(keepalive.get_attribute("data-count") or 0) >= 1 or "Keepalive failed: session not found" in keepalive.text
    shot(browser, "06-invoke-streaming-done")
    take_log(browser, "run")


def test_invoke_async_polls_the_job_and_shows_its_result(browser, stack):
    sign_in(browser, stack, "basic-user", page="#/invoke")
    invoke_form(browser, "echo-agent-async", "async hello", context={"simulatedSeconds": 2})
    browser.find_element(By.ID, "send").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "job-id")))
    shot(browser, "07-invoke-async-running")
    wait(browser, 60).until(lambda d: text(d, "job-status") in ("completed", "failed"))
    assert text(browser, "job-status") == "completed"
    wait(browser, 20).until(lambda d: d.find_elements(By.ID, "job-result") or d.find_elements(By.CSS_SELECTOR, "#result .error"))
    shot(browser, "08-invoke-async-done")
    take_log(browser, "async-result")
    # Needs the presigned download to work locally (moto cannot check presigned signatures today).
    assert browser.find_elements(By.ID, "job-result"), text(browser, "result")
    assert "async hello" in text(browser, "job-result")


def test_token_is_refreshed_through_the_bff_before_it_expires(browser, stack):
    sign_in(browser, stack, "basic-user")
    wait(browser, TOKEN_LIFETIME + 10).until(lambda d: int(d.find_element(By.ID, "who").get_attribute("data-refreshes") or 0) >= 1)
    browser.get(f"{stack.console.url}/#/invoke?agent=echo-agent")  # a hash change: same page, same memory
    wait(browser).until(EC.element_to_be_clickable((By.ID, "send")))
    take_log(browser, "run")


def test_tenant_admin_rotates_the_key_and_creates_a_webhook(browser, stack):
    sign_in(browser, stack, "tenant-admin", page="#/self-service")
    wait(browser).until(EC.presence_of_element_located((By.ID, "budget-chart")))
    before = wait(browser).until(lambda d: text(d, "api-key-id") not in ("", "unknown") and text(d, "api-key-id"))
    browser.find_element(By.ID, "rotate-key").click()
    wait(browser).until(EC.element_to_be_clickable((By.ID, "confirm-rotate"))).click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "rotated")))
    assert text(browser, "api-key-id") != before
    assert not browser.find_element(By.ID, "confirm-rotate").is_displayed()
    hook = f"http://{stack.stack.receiver}/hooks/{secrets.token_hex(4)}"  # the stack's one local receiver
    browser.find_element(By.ID, "webhook-url").send_keys(hook)
    browser.find_element(By.ID, "webhook-description").send_keys("console test")
    browser.find_element(By.ID, "create-webhook").click()
    wait(browser).until(lambda d: hook in d.find_element(By.ID, "webhooks").text)
    # The API returns the signing secret once (SYSTEM.md 7): shown once, gone when the page is opened again.
    shown = browser.find_elements(By.ID, "signing-secret")
    assert shown and len(shown[0].text) >= 32
    shot(browser, "09-self-service-secret")
    browser.get(f"{stack.console.url}/#/catalogue")
    browser.get(f"{stack.console.url}/#/self-service")
    wait(browser).until(lambda d: hook in d.find_element(By.ID, "webhooks").text)
    assert not browser.find_elements(By.ID, "signing-secret")
    # Invitations: a bad address is explained field by field, a good one is listed.
    email = browser.find_element(By.ID, "invite-email")
    email.send_keys("not-an-address")
    take_log(browser, "run")
    browser.find_element(By.ID, "send-invite").click()
    error = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#invite-form ~ div .error")))
    assert "email" in error.text and "Request id" in error.text
    for entry in take_log(browser, "bad-invite"):  # the 400 the page explained, and nothing else
        assert "/users/invite" in entry["message"] and "status of 400" in entry["message"], entry
    email.clear()
    email.send_keys("new.colleague@acme-basic.example")
    browser.find_element(By.ID, "send-invite").click()
    wait(browser).until(lambda d: "new.colleague@acme-basic.example" in d.find_element(By.ID, "invites").text)
    shot(browser, "10-self-service")
    take_log(browser, "run")


def tenant_row(browser, tenant):
    return browser.find_element(By.CSS_SELECTOR, f"#tenants tr[data-tenant='{tenant}']")


def test_operator_suspends_then_reinstates_a_tenant(browser, stack):
    sign_in(browser, stack, "operator", page="#/admin")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#tenants tr[data-tenant='globex-premium']")))
    assert text(browser, "runtime-region") == "eu-west-1"
    assert not tenant_row(browser, "platform").find_element(By.TAG_NAME, "button").is_displayed()  # never suspended
    assert "not available" in browser.find_element(By.ID, "page-admin").text  # failover lock, DLQ depth
    admin = stack.stack.env["ADMIN_TOKEN"]
    for action, status in (("Suspend", "suspended"), ("Reinstate", "active")):
        button = tenant_row(browser, "globex-premium").find_element(By.TAG_NAME, "button")
        assert button.text == action
        button.click()
        wait(browser).until(lambda d: tenant_row(d, "globex-premium").find_element(By.CLASS_NAME, "badge").text == status)
        code, body = stack.stack.get("/v1/tenants/globex-premium", {"Authorization": f"Bearer {admin}"})
        assert code == 200 and json.loads(body)["status"] == status
        if status == "suspended":
            shot(browser, "11-admin-suspended")
    shot(browser, "12-admin")
    take_log(browser, "run")


def test_basic_user_finds_no_admin_page_and_the_api_refuses(browser, stack):
    sign_in(browser, stack, "basic-user")
    assert not browser.find_element(By.CSS_SELECTOR, "#nav a[data-page='admin']").is_displayed()
    browser.get(f"{stack.console.url}/#/admin")  # typed into the address bar
    forbidden = wait(browser).until(EC.presence_of_element_located((By.ID, "forbidden")))
    assert "platform operators" in forbidden.text and "go to the catalogue" in forbidden.text
    assert not browser.find_elements(By.ID, "tenants")
    shot(browser, "13-admin-forbidden")
    token = pkce_token(stack, "basic-user")
    for method, path in (("GET", "/v1/platform/agents"), ("POST", "/v1/platform/tenants/acme-basic/suspend")):
        status, _ = stack.stack.get(path, {"Authorization": f"Bearer {token}"}, method=method, body=b"{}" if method == "POST" else None)
        assert status == 403, (method, path, status)
    take_log(browser, "run")


# -- bad input -------------------------------------------------------------------------------

def test_an_api_that_is_down_is_explained_without_a_spinner(browser, stack):
    sign_in(browser, stack, "basic-user", console=stack.down, phase="api-down")
    error = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#main .error")))
    assert "could not be reached" in error.text and "make dev" in error.text
    assert not browser.find_elements(By.CSS_SELECTOR, ".spinner")
    shot(browser, "14-api-down")
    for entry in take_log(browser, "api-down"):
        assert stack.down_api in entry["message"] and "ERR_CONNECTION_REFUSED" in entry["message"], entry


def test_a_token_that_expires_mid_stream_asks_to_sign_in_and_keeps_the_answer(browser, stack):
    sign_in(browser, stack, "basic-user", page="#/invoke")
    words = [f"w{i}" for i in range(40)]
    invoke_form(browser, "echo-agent", " ".join(words), context={"paceMs": 500}, stream=True)
    # The identity provider refuses the next token exchange (Entra: invalid_grant, the sign-in was
    # revoked or is too old): the console's refresh before expiry fails while the stream is open.
    stack.idp_post("/dev/fail-next", {"status": 400})
    browser.find_element(By.ID, "send").click()
    banner = wait(browser, TOKEN_LIFETIME + 15).until(
        lambda d: d.find_element(By.ID, "banner").is_displayed() and d.find_element(By.ID, "banner"))
    assert "expired" in banner.text and banner.find_element(By.ID, "sign-in").is_displayed()
    # The stream itself was authorised when it started: it finishes and stays readable.
    wait(browser, 40).until(lambda d: d.find_element(By.ID, "stream-status").get_attribute("data-state") == "completed")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#stream-output .token")) == len(words) + 1  # "echo:"
    assert "failed" in text(browser, "keepalive").lower() or int(browser.find_element(By.ID, "keepalive").get_attribute("data-count") or 0) >= 1
    shot(browser, "15-expired-mid-stream")
    for entry in take_log(browser, "expired"):
        assert stack.stack.api in entry["message"] and "token-refresh" in entry["message"] \
            and "status of 400" in entry["message"], entry


def test_zero_csp_violations_and_console_errors_over_the_run(browser):
    take_log(browser, "run")
    unexpected = LOGS.get("run", [])
    assert unexpected == [], json.dumps(unexpected, indent=1)
