"""The local stack with the web console in front: console servers, identity provider with the
console registered, local-platform answering CORS for the console's origin."""
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from platform_stack import ROOT, Stack, wait_file

sys.path.insert(0, str(ROOT / "scripts"))
from console_server import runtime_config, write_runtime_config  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ConsoleServer:
    def __init__(self, tmp: Path, name: str):
        self.config = tmp / f"{name}.json"
        ready = tmp / f"{name}.ready"
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "scripts/console_server.py"), "--config", str(self.config),
                                      "--ready-file", str(ready)], cwd=ROOT, stdout=open(tmp / f"{name}.log", "ab"),
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self.url = wait_file(ready, self.proc, f"console server {name}")

    def configure(self, **values):
        write_runtime_config(self.config, runtime_config(console_url=self.url, **values))

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(10)


class ConsoleStack:
    """`console` talks to the running platform; `down` is the same console pointed at an API
    that is not running (a closed loopback port)."""

    def __init__(self, tmp: Path, token_lifetime: int):
        self.console = ConsoleServer(tmp, "console")
        self.down = ConsoleServer(tmp, "console-down")
        try:
            self.stack = Stack(tmp, extra_env={"CONSOLE_ORIGIN": self.console.url},
                               idp_args=["--spa-redirect-uri", f"{self.console.url}/", "--spa-redirect-uri", f"{self.down.url}/",
                                         "--token-lifetime", str(token_lifetime)])
        except BaseException:
            self.console.stop()
            self.down.stop()
            raise
        results = self.stack.s3_front  # presigned result URLs point at the local S3 front
        common = {"idp_url": self.stack.idp_url, "results_url": results, "keepaliveSeconds": 1, "jobPollSeconds": 1}
        self.console.configure(api_url=self.stack.api, **common)
        self.down_api = f"http://127.0.0.1:{free_port()}"
        self.down.configure(api_url=self.down_api, **common)

    def idp_post(self, path: str, body: dict) -> dict:
        import urllib.request
        req = urllib.request.Request(f"{self.stack.idp_url}{path}", data=json.dumps(body).encode(), method="POST")
        with urllib.request.urlopen(req, timeout=5) as resp:
            return json.loads(resp.read())

    def stop(self):
        self.stack.stop()
        self.console.stop()
        self.down.stop()
