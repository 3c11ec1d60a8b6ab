"""Two nodes on one PostgreSQL, as an agency would run them, under load:

- three programmes race for one budget line that fits two, approved on both nodes at once;
- a registration rush split across both nodes, and one node killed with kill -9 in the middle of it;
- PostgreSQL itself restarted while registrations keep coming;
- seats given up and offered with a 15 s answer time, so seat-offer timers fire on whichever node;
- the registration deadline's timer, a signed-in auditor moving from one node to the other;
- then a pg_dump restored into a fresh database, where a third node verifies every chain and the ledger.

Checks: nothing acknowledged is lost, no seat or ceiling is exceeded, every timer fires once, no job stays
locked, the audit chains and the ledger verify, here and in the restored copy. Prints the figures.
Runs its own PostgreSQL cluster (initdb, a free port) so it may stop and start it; needs an ordinary user.

Usage: python3 .ci/cluster.py target/bimtek-lifecycle-<version>.jar
"""
import base64
import glob
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from http.cookiejar import CookieJar

JAR = os.path.abspath(sys.argv[1])
PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
WIB = timezone(timedelta(hours=7))
WORK = tempfile.mkdtemp(prefix="bimtek-cluster-")
LINE = "3.31.01.2.01.0010"
AGENCY = "Disperindakop dan UKM Kota Tangerang"
nodes = {}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fail(message):
    print("FAILED:", message)
    postgres_log = os.path.join(WORK, "postgres.log")
    if os.path.exists(postgres_log):
        print("--- PostgreSQL's lock waits and deadlocks")
        with open(postgres_log, errors="replace") as log:
            lines = log.readlines()
        for i, line in enumerate(lines):
            if "deadlock" in line or "still waiting" in line:
                print("".join(lines[i:i + 6]))
    for name, node in nodes.items():
        print(f"--- last lines of node {name}'s log")
        with open(node["log"], errors="replace") as log:
            print("".join(log.readlines()[-40:]))
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


# ---- PostgreSQL of our own -------------------------------------------------------------------------------

PG_PORT = free_port()
PG_DATA = os.path.join(WORK, "pgdata")


def pg(*args, **kwargs):
    return subprocess.run([os.path.join(PG_BIN, args[0]), *args[1:]], check=True, capture_output=True, text=True, **kwargs)


def psql(database, sql):
    return pg("psql", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", database, "-Atqc", sql).stdout.strip()


def start_postgres():
    pg("pg_ctl", "-D", PG_DATA, "-l", os.path.join(WORK, "postgres.log"), "-w", "-o",
       f"-p {PG_PORT} -k {WORK} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off "
       "-c log_lock_waits=on -c deadlock_timeout=1s", "start")


# ---- the nodes --------------------------------------------------------------------------------------------

def start_node(name, database, **settings):
    port = free_port()
    env = dict(os.environ, SERVER_PORT=str(port),
               SPRING_DATASOURCE_URL=f"jdbc:postgresql://127.0.0.1:{PG_PORT}/{database}",
               SPRING_DATASOURCE_USERNAME="postgres", SPRING_DATASOURCE_PASSWORD="",
               # a killed node's job locks expire after 30 s, so another node takes its jobs over soon
               CAMUNDA_BPM_JOB_EXECUTION_LOCK_TIME_IN_MILLIS="30000",
               LIFECYCLE_AUDIT_CHECKPOINT_DIR=os.path.join(WORK, "checkpoints"),
               LIFECYCLE_AUDIT_SIGNING_KEY_FILE=os.path.join(WORK, "signing-key"))
    env.update(settings)
    log = os.path.join(WORK, f"node-{name}.log")
    process = subprocess.Popen(["java", "-Xmx600m", "-jar", JAR], env=env, stdout=open(log, "w"),
                               stderr=subprocess.STDOUT)
    nodes[name] = {"port": port, "process": process, "log": log, "base": f"http://127.0.0.1:{port}"}
    started = time.time()
    while True:
        if process.poll() is not None:
            fail(f"node {name} stopped while starting")
        try:
            with urllib.request.urlopen(nodes[name]["base"] + "/actuator/health", timeout=2) as health:
                if '"UP"' in health.read().decode():
                    break
        except (urllib.error.URLError, OSError):
            pass
        if time.time() - started > 240:
            fail(f"node {name} not healthy after 240 s")
        time.sleep(1)
    print(f"node {name} healthy on port {port} after {time.time() - started:.0f} s")
    return nodes[name]


def call(node, method, path, user=None, body=None, expect=(200,), timeout=30):
    headers = {"Content-Type": "application/json"}
    if user:
        headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:{user}".encode()).decode()
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(nodes[node]["base"] + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    if expect is not None and status not in expect:
        fail(f"{method} {path} on {node} as {user}: expected {expect}, got {status}: {text[:400]}")
    return status, (json.loads(text) if text and text[0] in "[{" else text)


def wait_for(what, probe, seconds):
    until = time.time() + seconds
    while time.time() < until:
        result = probe()
        if result:
            return result
        time.sleep(1)
    fail(f"waited {seconds} s for {what}")


def status_of(pid):
    return call("A", "GET", f"/api/programs/{pid}", "auditor")[1]["status"]


# ---- the scenario -----------------------------------------------------------------------------------------

def main():
    pg("initdb", "-D", PG_DATA, "-U", "postgres", "--auth=trust", "-E", "UTF8")
    start_postgres()
    pg("createdb", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "bimtek")
    start_node("A", "bimtek")
    start_node("B", "bimtek")

    start_day = (datetime.now(WIB) + timedelta(days=10)).date()
    if start_day.year != (start_day + timedelta(days=2)).year:
        start_day = start_day.replace(year=start_day.year + 1, month=1, day=2)
    call("A", "POST", "/api/budget-lines", "admin", {
        "code": LINE, "name": "Pemberdayaan Industri dan Peran Serta Masyarakat", "agency": AGENCY,
        "fiscalYear": start_day.year, "source": "APBD", "ceiling": 60000000}, expect=(201,))

    deadline = datetime.now(WIB) + timedelta(seconds=200)

    def proposal(title):
        return {"title": title, "kind": "BIMTEK", "agency": AGENCY, "budgetLineCode": LINE,
                "fiscalYear": start_day.year, "registrationDeadline": deadline.isoformat(timespec="seconds"),
                "minimumParticipants": 1, "tracks": ["APPAREL"], "seatOfferTime": "PT15S",
                "batches": [{"name": "Gelombang 1", "tracks": ["APPAREL"], "startDate": start_day.isoformat(),
                             "endDate": (start_day + timedelta(days=2)).isoformat(), "venue": "SMKN 3 Kota Tangerang",
                             "mode": "OFFLINE", "quota": 39, "sessions": 3}],
                "budgetItems": [{"description": "Honorarium instruktur", "amount": 9000000},
                                {"description": "Bahan praktik", "amount": 15600000}]}

    # three proposals of 24,600,000 for a line of 60,000,000: two fit
    pids = []
    for i, node in enumerate(["A", "B", "A"]):
        program = call(node, "POST", "/api/programs", "staff", proposal(f"Bimtek Menjahit {i + 1}"), expect=(201,))[1]
        call(node, "POST", f"/api/programs/{program['id']}/submit", "staff")
        pids.append(program["id"])

    def task_of(pid, key, user):
        def find():
            tasks = call("A", "GET", f"/api/tasks?programId={pid}&key={key}", user)[1]
            return tasks[0]["id"] if tasks else None
        return wait_for(f"task {key} of programme {pid}", find, 60)

    for pid in pids:
        call("B", "POST", f"/api/tasks/{task_of(pid, 'reviewProposal', 'division-head')}/complete", "division-head",
             {"decision": "APPROVE"}, expect=(200, 204))
    budget_tasks = [task_of(pid, "approveBudget", "department-head") for pid in pids]
    with ThreadPoolExecutor(3) as pool:
        list(pool.map(lambda pair: call(pair[0], "POST", f"/api/tasks/{pair[1]}/complete", "department-head",
                                        {"decision": "APPROVE"}, expect=(200, 204)),
                      zip(["A", "B", "A"], budget_tasks)))

    def settled():
        statuses = [status_of(pid) for pid in pids]
        return statuses if all(s in ("REGISTRATION_OPEN", "REVISION_REQUIRED") for s in statuses) else None
    statuses = wait_for("the three budget decisions", settled, 90)
    ledger = call("A", "GET", f"/api/budget-lines/{LINE}/ledger?fiscalYear={start_day.year}", "auditor")[1]
    check(statuses.count("REGISTRATION_OPEN") == 2, f"two of three programmes fit the line: {statuses}")
    line = call("A", "GET", f"/api/budget-lines/{LINE}?fiscalYear={start_day.year}", "auditor")[1]
    check(float(line["committed"]) == 49200000 and float(line["committed"]) <= float(line["ceiling"]),
          f"committed within the ceiling: {line}")
    check(ledger.get("reconciled") is True, f"ledger reconciles: {ledger}")
    pid = pids[statuses.index("REGISTRATION_OPEN")]
    print(f"budget: 3 proposals for a line that fits 2 -> {statuses}, committed {line['committed']} of {line['ceiling']}")

    # ---- the rush, split across both nodes; node B killed with kill -9 in the middle of it ---------------
    acknowledged = {}
    lock = threading.Lock()
    sent = {"A": 0, "B": 0}
    serial = iter(range(1, 100000))

    def register(node):
        nik = f"367101450890{next(serial):04d}"
        body = {"nik": nik, "name": f"Peserta {nik[-4:]}", "businessName": "Konveksi", "sector": "APPAREL",
                "district": "Cibodas", "phone": "081212345678", "batch": "Gelombang 1"}
        try:
            status, answer = call(node, "POST", f"/api/programs/{pid}/registrations", None, body, expect=None,
                                  timeout=15)
        except (urllib.error.URLError, OSError, http.client.HTTPException):
            # no answer (the node was killed, the database restarted): not acknowledged, so nothing promised
            return
        with lock:
            sent[node] += 1
            if status in (200, 201):
                acknowledged[nik] = (node, answer["reference"], answer["status"])

    def rush(count, kill_at=None, restart_postgres_at=None):
        def one(i):
            if kill_at is not None and i == kill_at:
                nodes["B"]["process"].kill()
                print(f"node B killed with kill -9 after {i} registrations were sent")
            if restart_postgres_at is not None and i == restart_postgres_at:
                down = time.time()
                pg("pg_ctl", "-D", PG_DATA, "-m", "fast", "-w", "stop")
                time.sleep(2)
                start_postgres()
                print(f"PostgreSQL stopped and started again after {i} registrations were sent "
                      f"({time.time() - down:.1f} s down)")
            alive = [n for n in ("A", "B") if nodes[n]["process"].poll() is None]
            register(alive[i % len(alive)])
        with ThreadPoolExecutor(16) as pool:
            list(pool.map(one, range(count)))

    started = time.time()
    rush(240, kill_at=100)
    per_node = {n: sum(1 for node, _, _ in acknowledged.values() if node == n) for n in ("A", "B")}
    print(f"rush of 240: {len(acknowledged)} acknowledged in {time.time() - started:.1f} s "
          f"(node A {per_node['A']}, node B {per_node['B']} before it was killed)")
    start_node("B", "bimtek")

    # ---- PostgreSQL restarted while registrations keep coming -------------------------------------------
    before = len(acknowledged)
    rush(80, restart_postgres_at=30)
    during = len(acknowledged) - before

    def registers_again():
        count = len(acknowledged)
        register("A")
        register("B")
        return len(acknowledged) == count + 2
    wait_for("both nodes registering again after the restart", registers_again, 60)
    print(f"while PostgreSQL restarted: {during} of 80 acknowledged; both nodes register again by themselves")

    # ---- nothing acknowledged is lost, no seat beyond the quota ------------------------------------------
    stored = {r["nik"]: r for r in call("A", "GET", f"/api/programs/{pid}/registrations", "staff")[1]}
    lost = [nik for nik in acknowledged if nik not in stored]
    check(not lost, f"acknowledged registrations lost: {lost[:5]}")
    seats = sum(1 for r in stored.values() if r["status"] in ("REGISTERED", "OFFERED", "CONFIRMED"))
    check(seats <= 39, f"{seats} seats held for a quota of 39")
    nik_twice = len(stored) - len({r["nik"] for r in stored.values()})
    check(nik_twice == 0, f"{nik_twice} NIKs registered twice")
    print(f"stored {len(stored)}, acknowledged {len(acknowledged)}, lost 0, seats held {seats} of 39")

    # ---- seats given up: offers with a 15 s answer time expire on whichever node runs the timer ----------
    registered = [(nik, ref) for nik, (node, ref, status) in acknowledged.items() if status == "REGISTERED"][:6]
    for i, (nik, ref) in enumerate(registered):
        call("AB"[i % 2], "POST", f"/api/programs/{pid}/registrations/withdraw", None, {"nik": nik, "reference": ref})

    def audit_kinds():
        return call("A", "GET", f"/api/programs/{pid}/audit", "auditor")[1]
    wait_for("the first offers to expire", lambda: sum(1 for r in audit_kinds() if r["kind"] == "SEAT_OFFER_EXPIRED") >= 6,
             120)

    # ---- the deadline's timer: fires once, on one node ----------------------------------------------------
    wait_for("the registration deadline", lambda: status_of(pid) not in ("REGISTRATION_OPEN",),
             max(30, (deadline - datetime.now(WIB)).total_seconds() + 90))
    time.sleep(5)
    trail = audit_kinds()
    closed = [r for r in trail if r["kind"] == "STATUS_CHANGED" and "-> REGISTRATION_CLOSED" in (r["detail"] or "")]
    check(len(closed) == 1, f"registration closed {len(closed)} times")
    offered = [r["subject"] for r in trail if r["kind"] == "SEAT_OFFERED"]
    expired = [r["subject"] for r in trail if r["kind"] == "SEAT_OFFER_EXPIRED"]
    check(len(offered) == len(set(offered)), "a seat offered twice to the same registration")
    check(len(expired) == len(set(expired)), "a seat offer expired twice")
    print(f"timers: deadline fired 1 time; {len(offered)} seat offers, {len(expired)} expiries, duplicates 0")

    # ---- a signed-in auditor moves from node A to node B without signing in again ------------------------
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_page = opener.open(nodes["A"]["base"] + "/login").read().decode()
    token = re.search(r'name="_csrf"[^>]*value="([^"]+)"', login_page) or re.search(r'value="([^"]+)"[^>]*name="_csrf"',
                                                                                     login_page)
    opener.open(nodes["A"]["base"] + "/login", urllib.parse.urlencode(
        {"username": "auditor", "password": "auditor", "_csrf": token.group(1)}).encode()).read()
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    code = call("A", "GET", f"/api/programs/{pid}", "auditor")[1]["code"]
    request = urllib.request.Request(nodes["B"]["base"] + f"/audit/programs/{pid}", headers={"Cookie": cookie})
    with urllib.request.urlopen(request) as response:
        page = response.read().decode()
        check("/login" not in response.url and code in page, "the session did not carry over to node B")
    print("session: signed in on node A, node B knows the auditor")

    # ---- no job stays locked, every chain verifies ---------------------------------------------------------
    wait_for("every due job to run", lambda: psql("bimtek", "select count(*) from act_ru_job where duedate_ is null "
                                                 "or duedate_ <= now() - interval '5 seconds'") == "0", 120)
    chains = call("A", "GET", "/api/audit/verify", "auditor")[1]
    check(chains and all(c["valid"] for c in chains), f"audit chains: {chains}")
    print(f"audit: {len(chains)} chains verify; jobs: none left due or locked")

    # ---- a backup restored into a fresh database verifies there too ----------------------------------------
    dump = os.path.join(WORK, "bimtek.dump")
    for name in ("A", "B"):
        nodes[name]["process"].terminate()
        nodes[name]["process"].wait(60)
    pg("pg_dump", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-Fc", "-f", dump, "bimtek")
    pg("createdb", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "restored")
    pg("pg_restore", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", "restored", dump)
    start_node("C", "restored", LIFECYCLE_DEMO_ENABLED="false", CAMUNDA_BPM_JOB_EXECUTION_ENABLED="false")
    restored_chains = call("C", "GET", "/api/audit/verify", "auditor")[1]
    check(len(restored_chains) == len(chains) and all(c["valid"] for c in restored_chains),
          f"restored audit chains: {restored_chains}")
    restored_ledger = call("C", "GET", f"/api/budget-lines/{LINE}/ledger?fiscalYear={start_day.year}", "auditor")[1]
    check(restored_ledger.get("reconciled") is True, f"restored ledger: {restored_ledger}")
    restored = call("C", "GET", f"/api/programs/{pid}/registrations", "staff")[1]
    check(len(restored) == len(stored), f"restored {len(restored)} registrations of {len(stored)}")
    print(f"backup: pg_dump {os.path.getsize(dump) // 1024} KB restored; {len(restored_chains)} chains verify, "
          f"ledger reconciles, {len(restored)} registrations")
    print("cluster run passed")


try:
    main()
finally:
    for node in nodes.values():
        if node["process"].poll() is None:
            node["process"].kill()
    try:
        pg("pg_ctl", "-D", PG_DATA, "-m", "immediate", "stop")
    except Exception:
        pass
    shutil.rmtree(WORK, ignore_errors=True)
