#!/usr/bin/env python3
"""The shared-state codes through the HAProxy front of two instances (run by .ci/scale-check).

Every "client" connects from its own loopback address (127.0.0.x), so the instances, which trust X-Forwarded-For
only from the proxy, see each one as a distinct real client. Prints one line per check; exits 1 on any failure.
"""
import sys
import threading
import time
import uuid
from collections import Counter

from scale_http import Checks, client

call = client(sys.argv[1])
RUN = uuid.uuid4().hex[:8]
checks = Checks()
check = checks.check


def token(email, password, source):
    a = call("POST", "/api/auth/token", {"email": email, "password": password}, source=source)
    if a.status != 200:
        raise SystemExit(f"login of {email} answered {a.status} {a.body}")
    return a.json()["access_token"]


def concurrently(n, request):
    barrier = threading.Barrier(n)
    answers = [None] * n

    def run(i):
        barrier.wait()
        answers[i] = request(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers


def servers(answers):
    return dict(Counter(a.server for a in answers))


# 0. Both instances answer through the front; the metrics are not among the answers.
answers = [call("GET", "/readyz") for _ in range(6)]
check("round-robin over both instances", set(servers(answers)) == {"app1", "app2"}, f"served by {servers(answers)}")
answers = [call("GET", "/actuator/prometheus") for _ in range(4)]
check("no anonymous scrape through the front → 401 problem+json from both instances",
      all(a.status == 401 and a.header("Content-Type") == "application/problem+json" for a in answers)
      and set(servers(answers)) == {"app1", "app2"}, ", ".join(f"{a.status} from {a.server}" for a in answers))

# 1. Sixteen concurrent sign-ups with one e-mail: one 201, fifteen 409 (the database's unique constraint).
email = f"race-{RUN}@example.com"
answers = concurrently(16, lambda i: call("POST", "/api/users", {"email": email, "name": f"Racer {i}"}, source="127.0.0.11"))
codes = Counter(a.status for a in answers)
check("16 concurrent sign-ups, one e-mail", codes == Counter({201: 1, 409: 15}),
      f"{dict(codes)}, served by {servers(answers)}")

# 2. Thirty-two concurrent PUTs with the same If-Match: one 200, the rest 412 (or 409), no 5xx.
alice = token("alice@example.com", "alice-password", "127.0.0.12")
etag = call("GET", "/api/users/1", token=alice, source="127.0.0.12").header("ETag")
answers = concurrently(32, lambda i: call("PUT", "/api/users/1", {"email": "alice@example.com", "name": f"Alice {i}", "age": 31},
                                          token=alice, source="127.0.0.12", headers={"If-Match": etag}))
codes = Counter(a.status for a in answers)
check("32 concurrent PUTs, one If-Match",
      codes[200] == 1 and set(codes) <= {200, 409, 412} and sum(codes.values()) == 32,
      f"{dict(codes)} (If-Match {etag}), served by {servers(answers)}")

# 3. The login limit is counted once across both instances: the 11th wrong password in a minute is a 429. The
# budget refills one attempt every 6 s, so count the 401s until both instances have answered 429 and compare with
# 10 plus what refilled meanwhile; counted per instance, the two instances together would allow 20.
start = time.monotonic()
answers = []
while len(answers) < 40:
    # A new account each time: the per-address limit alone, with no account reaching its own limit.
    answers.append(call("POST", "/api/auth/token", {"email": f"guess-{RUN}-{len(answers)}@example.com", "password": "wrong"},
                        source="127.0.0.13"))
    if {a.server for a in answers if a.status == 429} == {"app1", "app2"}:
        break
elapsed = time.monotonic() - start
allowed = [a for a in answers if a.status == 401]
refused = [a for a in answers if a.status == 429]
bound = 10 + int(elapsed / 6) + 1
check("login limit counted once: the 11th wrong password → 429 + Retry-After whichever instance answers",
      10 <= len(allowed) <= bound and set(servers(allowed)) == {"app1", "app2"}
      and set(servers(refused)) == {"app1", "app2"} and all(a.header("Retry-After") for a in refused)
      and len(allowed) + len(refused) == len(answers),
      f"{len(allowed)} × 401 (served by {servers(allowed)}) in {elapsed:.1f} s (budget 10 + refill ≤ {bound}), "
      f"then 429 from {servers(refused)}, Retry-After {refused[0].header('Retry-After') if refused else None}")
# Three attempts, each with another address in its own X-Forwarded-For: were that header believed, each would get a
# fresh bucket (401); counted as the client it is, at most one can find a refilled attempt.
spoofed = [call("POST", "/api/auth/token", {"email": f"spoof-{RUN}-{i}@example.com", "password": "wrong"}, source="127.0.0.13",
                headers={"X-Forwarded-For": f"198.51.100.{i}"}) for i in range(3)]
check("a client's own X-Forwarded-For does not choose its bucket", sum(a.status == 429 for a in spoofed) >= 2,
      ", ".join(f"{a.status} from {a.server}" for a in spoofed))

# 3b. Failed logins per account are counted once across both instances, whatever address they come from: five wrong
# passwords for one account from five addresses, then a sixth from a sixth address is a 429.
target = f"target-{RUN}@example.com"
guesses = [call("POST", "/api/auth/token", {"email": target, "password": f"wrong-{i}"}, source=f"127.0.0.{21 + i}")
           for i in range(6)]
check("failed logins per account counted once: the 6th wrong password for one account, from a 6th address → 429",
      [a.status for a in guesses] == [401] * 5 + [429] and set(servers(guesses)) == {"app1", "app2"},
      ", ".join(f"{a.status} from {a.server}" for a in guesses))

# 4. The per-client API limit is counted once too: 100 requests a minute per user, whichever instance answers.
limited = f"limit-{RUN}@example.com"
a = call("POST", "/api/users", {"email": limited, "password": "limit-password"}, source="127.0.0.14")
assert a.status == 201, a.body
user = token(limited, "limit-password", "127.0.0.14")
# Greedy refill gives a token back every 0.6 s, so count the 200s until the first 429 and compare with the budget
# plus what refilled meanwhile; counted per instance, the two instances together would allow about 200.
start = time.monotonic()
answers = []
while len(answers) < 300:
    answers.append(call("GET", "/api/me", token=user, source="127.0.0.15" if len(answers) % 2 else "127.0.0.16"))
    if answers[-1].status != 200:
        break
elapsed = time.monotonic() - start
allowed = sum(a.status == 200 for a in answers[:-1])
bound = 100 + int(elapsed * 100 / 60) + 1
check("one user's API budget is counted once across both instances",
      answers[-1].status == 429 and 100 <= allowed <= bound and set(servers(answers[:-1])) == {"app1", "app2"},
      f"{allowed} × 200 in {elapsed:.1f} s (budget 100 + refill ≤ {bound}), served by {servers(answers[:-1])}, "
      f"then {answers[-1].status} from {answers[-1].server}")
start = time.monotonic()
extra = [call("GET", "/api/me", token=user, source="127.0.0.15") for _ in range(6)]
refill = int((time.monotonic() - start) / 0.6) + 1
refused = [a for a in extra if a.status == 429]
check("over the budget → 429 + Retry-After whichever instance answers",
      len(refused) >= len(extra) - refill and all(a.header("Retry-After") for a in refused)
      and set(servers(refused)) == {"app1", "app2"},
      ", ".join(f"{a.status} from {a.server}" for a in extra))

# 5. An admin turns sign-ups off through one instance; a sign-up answered by the other is refused.
admin = token("admin@example.com", "admin-password", "127.0.0.17")
put = call("PUT", "/api/admin/settings", {"signupsEnabled": False, "defaultPageSize": 20}, token=admin, source="127.0.0.17")
assert put.status == 200, put.body
other = {"app1": "app2", "app2": "app1"}[put.server]
tries = [call("POST", "/api/users", {"email": f"closed-{RUN}-{i}@example.com"}, source="127.0.0.18") for i in range(4)]
from_other = [a for a in tries if a.server == other]
check(f"sign-ups off through {put.server} → sign-up on {other} refused",
      from_other and all(a.status == 403 for a in tries),
      ", ".join(f"{a.status} from {a.server}" for a in tries))
put = call("PUT", "/api/admin/settings", {"signupsEnabled": True, "defaultPageSize": 20}, token=admin, source="127.0.0.17")
other = {"app1": "app2", "app2": "app1"}[put.server]
tries = [call("POST", "/api/users", {"email": f"open-{RUN}-{i}@example.com"}, source="127.0.0.18") for i in range(2)]
check(f"sign-ups on again through {put.server} → sign-up on {other} created",
      any(a.server == other and a.status == 201 for a in tries), ", ".join(f"{a.status} from {a.server}" for a in tries))

# 6. A role or password change ends every token issued before it on every instance at its next use: each instance
# reads the account on every request (auth.Accounts, no cache), and a token whose credentials_version is not the
# account's is a 401 invalid_token. The token of the next login works on both.
second = f"admin2-{RUN}@example.com"
created = call("POST", "/api/users", {"email": second, "password": "admin2-password", "role": "ADMIN"}, token=admin, source="127.0.0.17")
assert created.status == 201, created.body
second_id = created.json()["id"]
admin2 = token(second, "admin2-password", "127.0.0.19")
warm = [call("GET", "/api/admin/settings", token=admin2, source="127.0.0.19") for _ in range(4)]
assert all(a.status == 200 for a in warm) and set(servers(warm)) == {"app1", "app2"}, [(a.status, a.server) for a in warm]
etag = call("GET", f"/api/users/{second_id}", token=admin, source="127.0.0.17").header("ETag")
demoted = call("PATCH", f"/api/users/{second_id}", {"role": "USER"}, token=admin, source="127.0.0.17",
               content_type="application/merge-patch+json", headers={"If-Match": etag})
assert demoted.status == 200, demoted.body


def refused_as_no_longer_valid(answers):
    return set(servers(answers)) == {"app1", "app2"} and all(
        a.status == 401 and 'error="invalid_token"' in (a.header("WWW-Authenticate") or "")
        and "no longer valid" in a.json()["detail"] for a in answers)


after = [call("GET", "/api/admin/settings", token=admin2, source="127.0.0.19") for _ in range(4)]
check(f"demoted through {demoted.server} → the token from before is 401 invalid_token on both instances at once",
      refused_as_no_longer_valid(after), f"{[(a.status, a.server) for a in after]}")
admin2 = token(second, "admin2-password", "127.0.0.19")
again = [call("GET", "/api/admin/settings", token=admin2, source="127.0.0.19") for _ in range(4)]
check("the demoted admin's next login → 403 on both instances",
      all(a.status == 403 for a in again) and set(servers(again)) == {"app1", "app2"},
      f"{[(a.status, a.server) for a in again]}")
changed = call("PATCH", f"/api/users/{second_id}", {"password": "admin2-password-2"}, token=admin2, source="127.0.0.19",
               content_type="application/merge-patch+json")
assert changed.status == 200, changed.body
after = [call("GET", "/api/me", token=admin2, source="127.0.0.19") for _ in range(4)]
check(f"password changed through {changed.server} → the token from before is 401 invalid_token on both instances at once",
      refused_as_no_longer_valid(after), f"{[(a.status, a.server) for a in after]}")
admin2 = token(second, "admin2-password-2", "127.0.0.19")
again = [call("GET", "/api/me", token=admin2, source="127.0.0.19") for _ in range(4)]
check("the login with the new password → 200 on both instances",
      all(a.status == 200 for a in again) and set(servers(again)) == {"app1", "app2"},
      f"{[(a.status, a.server) for a in again]}")

# 7. An Idempotency-Key is one key for every instance (the keys live in the database): sixteen concurrent sign-ups
# with one key, spread over both instances, create one user; every answer is the original 201 (or its replay) or
# a 409 while the first still runs, and a retry afterwards is the replay.
key = f"scale-{RUN}"
idem_email = f"idem-{RUN}@example.com"
answers = concurrently(16, lambda i: call("POST", "/api/users", {"email": idem_email}, source="127.0.0.30",
                                         headers={"Idempotency-Key": key}))
codes = Counter(a.status for a in answers)
ids = {a.json()["id"] for a in answers if a.status == 201}
retry = call("POST", "/api/users", {"email": idem_email}, source="127.0.0.30", headers={"Idempotency-Key": key})
check("16 concurrent sign-ups with one Idempotency-Key over both instances → one user, 201 or 409 only",
      set(codes) <= {201, 409} and codes[201] >= 1 and len(ids) == 1 and set(servers(answers)) == {"app1", "app2"}
      and retry.status == 201 and retry.header("Idempotent-Replayed") == "true" and retry.json()["id"] in ids,
      f"{dict(codes)}, one id {ids}, served by {servers(answers)}; retry {retry.status} from {retry.server} "
      f"(Idempotent-Replayed: {retry.header('Idempotent-Replayed')})")

# 8. The last admin cannot be removed, even by two admins demoting each other at the same moment through different
# instances: the check locks the admin rows in PostgreSQL, so exactly one demotion succeeds and the other is a 409.
admins = call("GET", "/api/users?size=100", token=admin, source="127.0.0.17").json()["content"]
for other_admin in [u for u in admins if u["role"] == "ADMIN" and u["email"] != "admin@example.com"]:
    call("PATCH", f"/api/users/{other_admin['id']}", {"role": "USER"}, token=admin, source="127.0.0.17",
         content_type="application/merge-patch+json")
rival = f"rival-{RUN}@example.com"
made = call("POST", "/api/users", {"email": rival, "password": "rival-password", "role": "ADMIN"}, token=admin, source="127.0.0.17")
assert made.status == 201, made.body
rival_token = token(rival, "rival-password", "127.0.0.31")
admin_id = [u for u in admins if u["email"] == "admin@example.com"][0]["id"]
duel = concurrently(2, lambda i: call("PATCH", f"/api/users/{made.json()['id'] if i == 0 else admin_id}", {"role": "USER"},
                                      token=admin if i == 0 else rival_token, source=f"127.0.0.{32 + i}",
                                      content_type="application/merge-patch+json"))
# Listed with the winner's token: the loser's role changed, which ended its token.
left = [u for u in call("GET", "/api/users?size=100", token=admin if duel[1].status == 409 else rival_token,
                        source="127.0.0.34").json()["content"] if u["role"] == "ADMIN"]
check("two admins demoting each other at once, one through each instance → one 200, one 409, one admin left",
      sorted(a.status for a in duel) == [200, 409] and len(left) == 1,
      f"{[(a.status, a.server) for a in duel]}, admins left: {[u['email'] for u in left]}")
if left and left[0]["email"] != "admin@example.com":  # give the demo admin its role back for the checks after this
    rival_admin = token(left[0]["email"], "rival-password", "127.0.0.35")
    call("PATCH", f"/api/users/{admin_id}", {"role": "ADMIN"}, token=rival_admin, source="127.0.0.35",
         content_type="application/merge-patch+json")

checks.finish("scale checks")
