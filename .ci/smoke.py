"""Drives one programme through its first stages over HTTP, as the different users would."""
import base64, json, sys, urllib.request, urllib.error
from datetime import datetime, timedelta, timezone

BASE = sys.argv[1]

def call(method, path, user=None, body=None, expect=200):
    headers = {"Content-Type": "application/json"}
    if user:
        headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:{user}".encode()).decode()
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    if status != expect:
        sys.exit(f"{method} {path} as {user}: expected {expect}, got {status}: {text}")
    return json.loads(text) if text else None

deadline = (datetime.now(timezone(timedelta(hours=7))) + timedelta(days=2)).isoformat(timespec="seconds")
start_day = (datetime.now() + timedelta(days=10)).date()
if start_day.year != (start_day + timedelta(days=2)).year:  # a batch falls in one fiscal year
    start_day = start_day.replace(year=start_day.year + 1, month=1, day=2)
start, end = start_day.isoformat(), (start_day + timedelta(days=2)).isoformat()
# a line of the batch's fiscal year, of the programme's agency (the demo's own line is of the current year)
LINE = "3.31.01.2.01.0009"
line_body = {"code": LINE, "name": "Pemberdayaan Industri dan Peran Serta Masyarakat",
             "agency": "Disperindakop dan UKM Kota Tangerang", "fiscalYear": start_day.year, "source": "APBD",
             "ceiling": 500000000}
call("POST", "/api/budget-lines", "staff", line_body, expect=403)
created = call("POST", "/api/budget-lines", "admin", line_body, expect=201)
assert created["codeParts"]["Sub Kegiatan"] == "0009", created
program = call("POST", "/api/programs", "staff", {
    "title": "Bimtek Pengembangan Produk Industri: Menjahit", "kind": "BIMTEK",
    "agency": "Disperindakop dan UKM Kota Tangerang", "budgetLineCode": LINE, "fiscalYear": start_day.year,
    "registrationDeadline": deadline, "minimumParticipants": 1, "completionThresholdPercent": 80,
    "followUpRounds": ["P3M", "P6M"], "tracks": ["APPAREL"],
    "batches": [{"name": "Gelombang 1", "tracks": ["APPAREL"], "startDate": start, "endDate": end,
                 "venue": "SMKN 3 Kota Tangerang", "mode": "OFFLINE", "quota": 39, "sessions": 3}],
    "budgetItems": [{"description": "Honorarium instruktur", "amount": 9000000},
                    {"description": "Bahan praktik", "amount": 15600000}]}, expect=201)
pid = program["id"]
print("created", program["code"], program["status"])
call("GET", f"/api/programs/{pid}", None, expect=401)
bad = call("POST", "/api/programs", "staff", {"title": ""}, expect=400)
assert bad.get("field"), bad
call("POST", f"/api/programs/{pid}/submit", "division-head", expect=403)
assert call("POST", f"/api/programs/{pid}/submit", "staff")["status"] == "IN_REVIEW"

def eventually(look, what, seconds=30):
    """What follows a user task runs in a job of its own: the job executor takes it within moments."""
    import time
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = look()
        if found:
            return found
        time.sleep(0.2)
    sys.exit(f"{what}: not within {seconds} s")

def task(user, key):
    def look():
        for t in call("GET", f"/api/tasks?programId={pid}", user):
            if t["programId"] == pid and t["key"] == key:
                return t
    return eventually(look, f"no {key} task for {user}")

call("POST", f"/api/tasks/{task('division-head', 'reviewProposal')['id']}/complete", "division-head",
     {"decision": "APPROVE", "comment": "Sesuai rencana kerja"}, expect=204)
budget_task = task("department-head", "approveBudget")
call("POST", f"/api/tasks/{budget_task['id']}/complete", "staff", {"decision": "APPROVE"}, expect=403)
call("POST", f"/api/tasks/{budget_task['id']}/complete", "department-head", {"decision": "APPROVE"}, expect=204)
program = eventually(lambda: (lambda p: p if p["status"] == "REGISTRATION_OPEN" else None)(
    call("GET", f"/api/programs/{pid}", "auditor")), "the programme did not open its registration")
registration = call("POST", f"/api/programs/{pid}/registrations", None, {
    "nik": "3671014508900001", "name": "Siti Aminah", "businessName": "Konveksi Aminah", "sector": "APPAREL",
    "district": "Cibodas", "phone": "081212345678", "batch": "Gelombang 1"}, expect=201)
assert registration["status"] == "REGISTERED", registration
call("POST", f"/api/programs/{pid}/registrations", None, {
    "nik": "3671014508900001", "name": "Siti Aminah", "businessName": "Konveksi Aminah", "sector": "APPAREL",
    "district": "Cibodas", "phone": "081212345678", "batch": "Gelombang 1"}, expect=409)
with urllib.request.urlopen(BASE + "/daftar") as page:  # the applicants' public page, anonymous
    listing = page.read().decode()
assert f"programme-{pid}" in listing and "Gelombang 1" in listing, "the open programme is not on /daftar"
line = call("GET", f"/api/budget-lines/{LINE}?fiscalYear={start_day.year}", "auditor")
history = call("GET", f"/api/programs/{pid}/history", "auditor")
assert any(e["type"] == "DECISION" and e["actor"] == "department-head" for e in history), history
print("smoke run passed:", program["code"], program["status"], "line committed", line["committed"],
      "history entries", len(history))
