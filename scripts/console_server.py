#!/usr/bin/env python3
"""Serves the web console (spa/) on loopback the way CloudFront serves it in AWS.

  console_server.py --config FILE [--port N] [--ready-file FILE]

Static files from spa/ (GET and HEAD only, no listings, nothing outside spa/),
`/config.json` from FILE (the runtime config `make dev` writes), and on every
response the header set of spa/security-headers.json (a flat JSON object,
header name -> value; the CloudFront response-headers policy reads the same
file) with its {API_ORIGIN}, {IDP_ORIGIN} and {RESULTS_ORIGIN} placeholders
filled from the origins of that config's apiUrl, authority and resultsOrigin.
The config is read on each request, so the stack can write it after this
server starts.
"""
import argparse
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
SPA = ROOT / "spa"
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon"}
# Files of spa/ that are not part of the served console.
PRIVATE = {"security-headers.json", "config.json", "config.example.json", "README.md"}


def origin(url: str) -> str:
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""


def security_headers(template: dict, config: dict) -> dict:
    """The header set with its placeholders filled; an origin the config lacks is left out, never widened."""
    values = {"{API_ORIGIN}": origin(config.get("apiUrl")), "{IDP_ORIGIN}": origin(config.get("authority")),
              "{RESULTS_ORIGIN}": origin(config.get("resultsOrigin"))}
    filled = {}
    for name, value in template.items():
        for placeholder, replacement in values.items():
            value = value.replace(placeholder, replacement)
        filled[name] = " ".join(value.split())
    return filled


def runtime_config(*, api_url: str, idp_url: str, console_url: str, results_url: str, directory: str = "local-entra-tenant",
                   audience: str = "api://agent-platform", client_id: str = "local-console", **overrides) -> dict:
    """The runtime config for the local stack: the shape of spa/config.example.json."""
    return {"apiUrl": api_url, "authority": f"{idp_url}/{directory}/v2.0", "clientId": client_id,
            "redirectUri": f"{console_url}/", "scopes": ["openid", "profile", f"{audience}/user_impersonation"],
            "apiScope": f"{audience}/user_impersonation", "resultsOrigin": origin(results_url), **overrides}


def write_runtime_config(path: Path, config: dict) -> None:
    path.write_text(json.dumps(config, indent=2) + "\n")


def make_handler(config_path: Path, template: dict):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):
            pass

        def config(self) -> tuple[dict, bytes]:
            try:
                raw = config_path.read_bytes()
                return json.loads(raw), raw
            except (OSError, ValueError):
                return {}, b""

        def send(self, status: int, body: bytes, content_type: str, head_only: bool = False):
            config, _ = self.config()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            # The shell revalidates so a new deploy is picked up; nothing here is secret.
            self.send_header("Cache-Control", "no-cache")
            for name, value in security_headers(template, config).items():
                self.send_header(name, value)
            self.end_headers()
            if not head_only:
                self.wfile.write(body)

        def do_HEAD(self):
            self.do_GET(head_only=True)

        def do_GET(self, head_only: bool = False):
            path = unquote(urlsplit(self.path).path)
            if path == "/config.json":
                _, raw = self.config()
                if not raw:
                    return self.send(503, b'{"error":"the console has no runtime config yet"}', "application/json", head_only)
                return self.send(200, raw, "application/json", head_only)
            if path == "/":
                path = "/index.html"
            target = (SPA / path.lstrip("/")).resolve()
            if (SPA not in target.parents or target.name in PRIVATE or not target.is_file()
                    or target.suffix not in TYPES):
                return self.send(404, b"not found\n", "text/plain; charset=utf-8", head_only)
            self.send(200, target.read_bytes(), TYPES[target.suffix], head_only)

        def refuse(self):
            self.send(405, b"method not allowed\n", "text/plain; charset=utf-8")

        do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = refuse

    return Handler


def exit_on_stdin_eof():
    while sys.stdin.buffer.read(4096):
        pass
    os._exit(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True, help="the runtime config served as /config.json")
    parser.add_argument("--headers", default=str(SPA / "security-headers.json"))
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--ready-file", help="write the console's origin here once listening")
    parser.add_argument("--exit-on-stdin-eof", action="store_true")
    args = parser.parse_args()
    if args.exit_on_stdin_eof:
        threading.Thread(target=exit_on_stdin_eof, daemon=True).start()
    template = json.loads(Path(args.headers).read_text())
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(Path(args.config).resolve(), template))
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    if args.ready_file:
        Path(args.ready_file).write_text(base + "\n")
    print(f"web console on {base}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
