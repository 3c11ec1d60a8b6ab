#!/usr/bin/env bash
# The benchmarks that run inside the application's test context (embedded PostgreSQL, or the server named by
# SPRING_DATASOURCE_URL), each printing its tables; the README quotes them:
#   bash bench/java-benchmarks.sh [name ...]     names: lifecycle tasklist import selection timeline outcomes
# lifecycle  LifecycleBenchmark: a programme's lifecycle against the same BPMN on a bare engine, in one run
# tasklist   TaskListBenchmark: the task API and Tasklist's own page and count at 1,000, 3,000 and 10,000 open tasks
# import     ApplicantImportBenchmark: applicants imported over HTTP, rows per second
# selection  SelectionBenchmark: 10,555 applicants imported and ranked, the auditor's page and exports of the result
# timeline   AuditTimelineBenchmark: the auditor's timeline, exports and verification of 1,000 participants
# outcomes   OutcomeDashboardBenchmark: the outcome dashboard over 200 programmes
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A classes=([lifecycle]=LifecycleBenchmark [tasklist]=TaskListBenchmark [import]=ApplicantImportBenchmark
  [selection]=SelectionBenchmark [timeline]=AuditTimelineBenchmark [outcomes]=OutcomeDashboardBenchmark)
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(lifecycle tasklist import selection timeline outcomes)
for name in "${names[@]}"; do
  class=${classes[$name]:?"unknown benchmark $name (lifecycle tasklist import selection timeline outcomes)"}
  echo "== $name ($class)"
  # the tables and figures the benchmark prints, without the application's log
  mvn -B -q verify -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false -Dspring.main.banner-mode=off 2>&1 \
    | grep -E '^(\||==|BENCHMARK|[0-9,]+ open|audit trail|  *[0-9.]+ ms|selection)' || true
done
