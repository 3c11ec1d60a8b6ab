#!/usr/bin/env bash
# Registration benchmark: the packaged application on the PostgreSQL server at 127.0.0.1:5432,
# concurrent applicants over HTTP, and pgbench's single-row insert rate in the same run as the reference.
# Then the crash test: the application is killed with SIGKILL under load, restarted, and every
# registration it acknowledged must still be there.
# The applicants are wrk (Debian package wrk) with bench/registration.lua: a load generator in C leaves the
# two cores to the application and PostgreSQL (a Java HTTP client took a third of the machine).
#   bash bench/registration-benchmark.sh [clients] [seconds] [warm-up seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-32}
seconds=${2:-20}
warmup=${3:-60}
port=18090
db=bimtek_bench
psql_() { psql -h 127.0.0.1 -U postgres -qtA "$@"; }
command -v wrk >/dev/null && command -v pgbench >/dev/null || { echo "needs wrk and pgbench (Debian: apt-get install wrk postgresql-client)"; exit 2; }

jar=$(ls target/bimtek-lifecycle-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then mvn -q -B -DskipTests package; jar=$(ls target/bimtek-lifecycle-*.jar | head -n 1); fi
psql_ -d postgres -c "drop database if exists $db" -c "create database $db"
work=$(mktemp -d)
start_app() {
  SERVER_PORT=$port SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$db SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD= SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=${POOL:-10} \
    java ${JAVA_OPTS:-} -jar "$jar" >>"$work/app.log" 2>&1 &
  app=$!
  until curl -fs localhost:$port/actuator/health | grep -q '"UP"'; do sleep 1; done
}
call() { curl -fs -u "$1:$1" -H 'Content-Type: application/json' -X "$2" "localhost:$port$3" ${4:+-d "$4"}; }
start_app
trap 'kill $app 2>/dev/null || true' EXIT

# a programme open for registration, approved through the engine like any other
deadline=$(date -d '+10 days' --iso-8601=seconds); first=$(date -d '+14 days' +%F); last=$(date -d '+16 days' +%F)
# the demo budget line is this year's; a batch that falls in the next one says why
year=$(date +%Y); reason=""
[ "${last:0:4}" = "$year" ] || reason=",\"fiscalYearReason\":\"benchmark at the turn of the year\""
id=$(call staff POST /api/programs "{\"title\":\"Bimtek Menjahit (benchmark)\",\"kind\":\"BIMTEK\",\"agency\":\"Disperindakop dan UKM Kota Tangerang\",\"budgetLineCode\":\"3.31.01.2.01.0003\",\"fiscalYear\":$year$reason,\"registrationDeadline\":\"$deadline\",\"minimumParticipants\":1,\"tracks\":[\"APPAREL\"],\"batches\":[{\"name\":\"Gelombang 1\",\"track\":\"APPAREL\",\"startDate\":\"$first\",\"endDate\":\"$last\",\"venue\":\"SMKN 3\",\"mode\":\"OFFLINE\",\"quota\":39,\"sessions\":3}],\"budgetItems\":[{\"description\":\"Honorarium instruktur\",\"amount\":9000000}]}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
call staff POST /api/programs/$id/submit | python3 -c 'import json,sys; p=json.load(sys.stdin); print("programme", p["id"], p["status"])' 
# the next task is created by the job executor moments after the previous step: wait for it
task() { for _ in $(seq 50); do t=$(call "$1" GET "/api/tasks?programId=$id&key=$2" | python3 -c "import json,sys; l=json.load(sys.stdin); print(l[0]['id'] if l else '')");
  [ -n "$t" ] && { echo "$t"; return; }; sleep 0.2; done; echo "no task $2 for $1" >&2; return 1; }
call division-head POST /api/tasks/$(task division-head reviewProposal)/complete '{"decision":"APPROVE"}'
call department-head POST /api/tasks/$(task department-head approveBudget)/complete '{"decision":"APPROVE"}'
echo "programme $id open for registration; $clients clients for $seconds s"

echo "== pgbench: single-row inserts, $clients clients, 10 s"
psql_ -d $db -c "create table bench_insert (id bigserial primary key, nik char(16), at timestamptz default now())"
echo "insert into bench_insert (nik) values ('3671014508900001');" > "$work/insert.sql"
pgbench -h 127.0.0.1 -U postgres -n -c "$clients" -j 2 -T 10 -f "$work/insert.sql" $db 2>/dev/null | grep -E "^tps" | tee "$work/pgbench.txt"
pg_tps=$(grep -oE '[0-9]+\.[0-9]+' "$work/pgbench.txt" | head -n 1)

url="http://localhost:$port/api/programs/$id/registrations"
applicants() { # seconds, ack file, run number (keeps the NIKs of each run apart), extra wrk options
  wrk -t2 -c"$clients" -d"$1"s --timeout 30s ${4:-} -s bench/registration.lua "$url" -- "$2" "$3"; }

echo "== registrations over HTTP (after $warmup s of warm-up load, not counted)"
applicants "$warmup" "$work/acks-0.txt" 0 > /dev/null
applicants "$seconds" "$work/acks-1.txt" 1 --latency | tee "$work/load.txt" | grep -E "requests in|Non-2xx|Socket errors|50%|99%"
took=$(grep -oE 'requests in [0-9.]+[ms]' "$work/load.txt" | awk '{ t = $3 + 0; if ($3 ~ /m$/) t *= 60; print t }')
registered=$(wc -l < "$work/acks-1.txt")
python3 -c "r=$registered/$took; p=$pg_tps; print(f'registrations acknowledged: $registered in {$took:.1f} s = {r:.0f} per second')
print(f'registrations/s {r:.0f} vs pgbench {p:.0f} inserts/s: {100*r/p:.1f} % (target: at least 10 %)')"

echo "== crash test: SIGKILL under load, restart, every acknowledged registration must be there"
applicants 15 "$work/acks-2.txt" 2 > "$work/load-2.txt" 2>&1 &
load=$!
sleep 6
kill -9 $app
wait $load || true
start_app
acked=$(cat "$work"/acks-*.txt | wc -l)
cat "$work"/acks-*.txt > "$work/ids.txt"
psql_ -d $db -c "create temporary table acked (id bigint)" -c "\\copy acked from '$work/ids.txt'" \
  -c "select count(*) from acked a join registration r on r.id = a.id and r.program_id = $id" > "$work/found.txt"
found=$(tail -n 1 "$work/found.txt")
echo "acknowledged before and during the crash: $acked; found after restart: $found"
[ "$acked" = "$found" ] && echo "nothing acknowledged was lost" || { echo "LOST $((acked - found)) acknowledged registrations"; exit 1; }
echo "(logs in $work)"
