"""HTTP through the HAProxy front, for .ci/scale-checks.py and .ci/scale-crash.py: one connection per request, from a
chosen loopback source address (the instances see each address as a distinct real client)."""
import http.client
import json


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        return self.headers.get(name.lower())

    @property
    def server(self):
        return self.header("X-Served-By")

    def json(self):
        return json.loads(self.body)


def client(front):
    """A call(method, path, ...) function for the front at host:port."""
    host, port = front.rsplit(":", 1)

    def call(method, path, body=None, token=None, source="127.0.0.10", content_type="application/json", headers=None,
             timeout=30):
        conn = http.client.HTTPConnection(host, int(port), timeout=timeout, source_address=(source, 0))
        h = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body)
            h["Content-Type"] = content_type
        if token:
            h["Authorization"] = "Bearer " + token
        try:
            conn.request(method, path, data, h)
            r = conn.getresponse()
            text = r.read().decode()
            return Answer(r.status, {k.lower(): v for k, v in r.getheaders()}, text)
        finally:
            conn.close()

    return call


class Checks:
    """Prints one line per check; finish() exits 1 if any failed."""

    def __init__(self):
        self.failures = []

    def check(self, name, ok, detail):
        print(f"  {'✓' if ok else '✖'} {name}: {detail}")
        if not ok:
            self.failures.append(name)

    def finish(self, what):
        print()
        if self.failures:
            print(f"{what}: {len(self.failures)} FAILED: {self.failures}")
            raise SystemExit(1)
        print(f"{what}: all passed")
