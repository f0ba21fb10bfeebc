#!/usr/bin/env python3
"""Crash safety through the HAProxy front of two instances (run by .ci/scale-check):

    scale-crash.py FRONT PG_HOST DATABASE PID1 PID2

1. kill -9 of instance 1 about 2 s into 4 clients × 40 keyed sign-ups and a GET load. Each sign-up is retried, with
   the same Idempotency-Key and body, on a connection error, a 502, 503 or 504, and a 409 with Retry-After, after
   the Retry-After if there is one. Every key must end in a 201 (first or replayed) with one id over all its
   attempts, every e-mail must be in the database exactly once, and no key may take more than 5 s from its first
   attempt to its answer. No GET may fail: the proxy resends a GET that its instance did not answer.
2. kill -9 of instance 2 too: the proxy's own 503 is a problem+json with Retry-After.
Prints one line per check and the figures; exits 1 on any failure.
"""
import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter

from scale_http import Answer, Checks, client

FRONT, PG_HOST, DATABASE = sys.argv[1:4]
VICTIM, SURVIVOR = int(sys.argv[4]), int(sys.argv[5])
CLIENTS, SIGN_UPS, KILL_AFTER, MAX_WAIT = 4, 40, 2.0, 5.0
RETRY = {502, 503, 504}
call = client(FRONT)
RUN = uuid.uuid4().hex[:8]
checks = Checks()


class Sequence:
    """One sign-up and its retries: every answer (None for a connection error) and how long it took in all."""

    def __init__(self, email):
        self.email, self.answers, self.elapsed = email, [], 0.0

    @property
    def ids(self):
        return {a.json()["id"] for a in self.answers if a is not None and a.status == 201}

    @property
    def final(self):
        return self.answers[-1]


def retryable(answer):
    return answer is None or answer.status in RETRY or (answer.status == 409 and answer.header("Retry-After"))


def sign_up(client_no, i):
    email = f"crash-{RUN}-{client_no}-{i}@example.com"
    body = {"email": email, "name": f"Crash {client_no}.{i}", "password": "crash-password"}
    key = {"Idempotency-Key": f"crash-{RUN}-{client_no}-{i}"}
    sequence = Sequence(email)
    start = time.monotonic()
    while True:
        try:
            answer = call("POST", "/api/users", body, source=f"127.0.0.{40 + client_no}", headers=key, timeout=10)
        except (OSError, http.client.HTTPException):
            answer = None
        sequence.answers.append(answer)
        if not retryable(answer) or time.monotonic() - start > 30:  # 30 s: give up, reported as a failure below
            break
        time.sleep(float(answer.header("Retry-After")) if answer is not None and answer.header("Retry-After") else 0.1)
    sequence.elapsed = time.monotonic() - start
    return sequence


def run_client(client_no, sequences):
    for i in range(SIGN_UPS):
        sequences.append(sign_up(client_no, i))


def load_gets(stop, answers, source):
    while not stop.is_set():
        try:
            answers.append(call("GET", "/readyz", source=source, timeout=10))
        except (OSError, http.client.HTTPException) as failure:
            answers.append(failure)


# 1. Sign-ups and GETs, one instance killed 2 s in.
sequences = [[] for _ in range(CLIENTS)]
gets = [[] for _ in range(2)]
stop = threading.Event()
threads = [threading.Thread(target=run_client, args=(n, sequences[n])) for n in range(CLIENTS)]
loaders = [threading.Thread(target=load_gets, args=(stop, gets[n], f"127.0.0.{50 + n}")) for n in range(2)]
start = time.monotonic()
for t in threads + loaders:
    t.start()
time.sleep(KILL_AFTER)
os.kill(VICTIM, signal.SIGKILL)
killed_at = time.monotonic() - start
for t in threads:
    t.join()
stop.set()
for t in loaders:
    t.join()
took = time.monotonic() - start

sequences = [s for per_client in sequences for s in per_client]
attempts = sum(len(s.answers) for s in sequences)
retried = [s for s in sequences if len(s.answers) > 1]
codes = Counter(a.status if a is not None else "connection error" for s in sequences for a in s.answers)
max_wait = max((s.elapsed for s in retried), default=0.0)
replayed = sum(a is not None and a.header("Idempotent-Replayed") == "true" for s in sequences for a in s.answers)
print(f"  {len(sequences)} keyed sign-ups by {CLIENTS} clients in {took:.1f} s, instance 1 killed {killed_at:.1f} s in: "
      f"{attempts} attempts, {attempts - len(sequences)} retries ({len(retried)} sign-ups retried), answers {dict(codes)} "
      f"({replayed} replayed), "
      f"longest retried sign-up {max_wait:.2f} s")
check = checks.check
answered_by = Counter(a.server for s in sequences for a in s.answers if a is not None)
check("instance 1 was killed while sign-ups were running on both instances", answered_by["app1"] and answered_by["app2"],
      f"attempts answered by {dict(answered_by)} (None: the proxy)")
bad = [s.email for s in sequences if s.final is None or s.final.status != 201 or len(s.ids) != 1]
check("every key answered 201 (first or replayed), with one id over all its attempts", not bad,
      f"{len(sequences) - len(bad)} of {len(sequences)}" + (f"; not: {bad[:5]}" if bad else ""))
proxy_errors = [a for s in sequences for a in s.answers if a is not None and a.status in RETRY]
check("the proxy's 502/503/504 during the crash are problem+json with Retry-After",
      all(a.header("Content-Type") == "application/problem+json" and a.header("Retry-After") for a in proxy_errors),
      f"{len(proxy_errors)} of them: {sorted({(a.status, a.header('Content-Type'), a.header('Retry-After')) for a in proxy_errors})}")
check(f"no sign-up took more than {MAX_WAIT:.0f} s from its first attempt to its answer", max_wait <= MAX_WAIT,
      f"longest {max_wait:.2f} s ({len(retried)} retried)")

rows = subprocess.run(["psql", "-h", PG_HOST, "-U", "postgres", "-d", DATABASE, "-qAtF", " ", "-c",
                       f"select email, id from users where email like 'crash-{RUN}-%'"],
                      check=True, capture_output=True, text=True).stdout.split()
in_db = Counter(rows[0::2])
ids_in_db = dict(zip(rows[0::2], (int(i) for i in rows[1::2])))
missing = [s.email for s in sequences if s.email not in in_db]
twice = [e for e, n in in_db.items() if n > 1]
other_id = [s.email for s in sequences if s.email in ids_in_db and s.ids != {ids_in_db[s.email]}]
check("every e-mail is in the database exactly once, with the id its key answered",
      not missing and not twice and not other_id and len(in_db) == len(sequences),
      f"{len(in_db)} rows for {len(sequences)} e-mails; missing {missing[:5]}, twice {twice[:5]}, other id {other_id[:5]}")

gets = [a for per_loader in gets for a in per_loader]
failed = [a for a in gets if not (isinstance(a, Answer) and a.status == 200)]
check("no GET failed while instance 1 was killed (the proxy resent them to instance 2)", gets and not failed,
      f"{len(gets)} GETs, served by {dict(Counter(getattr(a, 'server', None) for a in gets))}; "
      f"failed: {[getattr(a, 'status', repr(a)) for a in failed[:5]]}")

# 2. Both instances down: the proxy answers for them.
os.kill(SURVIVOR, signal.SIGKILL)
time.sleep(0.2)
expected = {"type": "about:blank", "title": "Service Unavailable", "status": 503,
            "detail": "No instance of the API is available; retry in 5 seconds"}
outage = [call("GET", "/readyz"), call("POST", "/api/users", {"email": f"outage-{RUN}@example.com"})]
check("both instances down → the proxy's 503 problem+json with Retry-After: 5, for a GET and a POST",
      all(a.status == 503 and a.header("Content-Type") == "application/problem+json" and a.header("Retry-After") == "5"
          and json.loads(a.body) == expected for a in outage),
      "; ".join(f"{a.status} {a.header('Content-Type')} Retry-After {a.header('Retry-After')} {a.body}" for a in outage))

checks.finish("crash checks")
