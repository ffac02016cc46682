"""A deliberately faulty agent for the local runtime's tests (never deployed).

Serves /ping and /invocations on AGENT_HOST:AGENT_PORT without the SDK, so it
can misbehave at the HTTP level: prompt "garbage" answers 200 text/html;
prompt "cut" starts an SSE stream, sends one event, then drops the connection
without the terminating chunk.
"""
import http.server
import json
import os


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        body = b'{"status": "Healthy", "time_of_last_update": 0}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        payload = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if payload.get("prompt") == "cut":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            event = b'data: {"type": "token", "text": "partial", "index": 0}\n\n'
            self.wfile.write(b"%x\r\n%s\r\n" % (len(event), event))
            self.wfile.flush()
            self.connection.shutdown(2)
            self.close_connection = True
            return
        body = b"<html>not json</html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    server = http.server.ThreadingHTTPServer((os.environ.get("AGENT_HOST", "127.0.0.1"), int(os.environ["AGENT_PORT"])), Handler)
    server.serve_forever()
