#!/usr/bin/env bash
# How long a node takes from `java` to healthy, and its memory (RSS) then: the packaged jar as `java -jar` runs it,
# and as docker/Dockerfile runs it (the jar extracted, a class data sharing archive from a training run, a heap of
# its own size). Needs the PostgreSQL server on 127.0.0.1:5432 (user postgres, trust) and a packaged jar:
#   mvn -B -DskipTests package && bash bench/startup.sh [runs]
# Each run starts on a database that is already migrated (as a restarted node does), after one start that migrated it.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$(ls target/bimtek-lifecycle-*.jar | head -1)
port=18190
db=bimtek_startup_bench
work=$(mktemp -d /tmp/bimtek-startup.XXXXXX)
trap 'pkill -f "$work" 2>/dev/null || true; rm -rf "$work"' EXIT
heap="-XX:+UseSerialGC -Xmx256m"

psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db" >/dev/null
export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$db SPRING_DATASOURCE_USERNAME=postgres SERVER_PORT=$port

# one start that migrates the database and trains the archive: the classes a start loads, written at exit
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
extracted=$(basename "$jar")
(cd "$work/app" && java -XX:ArchiveClassesAtExit="$work/app/app.jsa" -Dspring.context.exit=onRefresh $heap \
  -jar "$extracted" >"$work/train.log" 2>&1)

start_once() { # label, then the java command line; prints seconds to healthy and RSS
  local label=$1; shift
  local started; started=$(date +%s.%N)
  "$@" >"$work/run.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
  local healthy; healthy=$(echo "$(date +%s.%N) - $started" | bc)
  printf '%-34s healthy after %5.1f s   RSS %4d MB   (%s)\n' "$label" "$healthy" "$(( $(ps -o rss= -p $pid) / 1024 ))" \
    "$(grep -o 'Started BimtekApplication in [0-9.]* seconds' "$work/run.log" || echo 'no start line')"
  kill $pid; wait $pid 2>/dev/null || true
}

for i in $(seq 1 "$runs"); do
  start_once "java -jar (JVM defaults)" java -jar "$jar"
  (cd "$work/app" && start_once "as docker/Dockerfile runs it" java -XX:SharedArchiveFile="$work/app/app.jsa" $heap -jar "$extracted")
done
