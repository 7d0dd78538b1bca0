#!/usr/bin/env bash
# Measures the read API's latency on a year of history, in real mode (Temporal dev server +
# PostgreSQL, started by .ci/components.sh on 127.0.0.1):
#   1. loads 100,000 finished deployments (100 services x 1,000, 13 log lines each) straight into
#      PostgreSQL (bench/api-latency-data.sql, one statement);
#   2. holds a fixed RATE of requests per second for DURATION on each read endpoint and reports
#      the achieved rate, p50, p99, max and errors (non-2xx and transport errors);
#   3. runs the same SQL the endpoint runs, prepared as the JDBC driver prepares it, through psql
#      SQL_RUNS times, and reports its median next to the endpoint's p50;
#   4. finds each endpoint's saturation throughput: as many requests as SATURATION_CONNECTIONS
#      connections get answered in SATURATION_DURATION.
# Targets: RATE=1000 held with p99 <= 20 ms and 0 errors, and p50 <= 3x the raw SQL.
#
# The load tool is wrk, with a Lua script that sends on a fixed schedule (request k at start +
# k/RATE, on whichever of the open connections is free): clients that each send on their own
# fixed tick (hey -q) all fire in the same instant, and the bursts, not the rate, set the latency.
#
#   RATE=1000 DURATION=30s bench/api-latency.sh       the defaults
#   MOORING_BENCH_SKIP_PACKAGE=1                       use api/target/mooring.jar as it is
#   MOORING_JVM_OPTIONS='...'                          instead of a server's (the Dockerfile's JAVA_OPTS)
# The database mooring_bench is dropped and loaded anew on every run, and left for inspection.
set -euo pipefail
RATE=${RATE:-1000}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-5s}
SATURATION_DURATION=${SATURATION_DURATION:-10s}
SATURATION_CONNECTIONS=${SATURATION_CONNECTIONS:-32}
SQL_RUNS=${SQL_RUNS:-200}
PORT=${BENCH_PORT:-18470}
DB=mooring_bench
NAMESPACE=mooring-bench
started_s=$(date +%s)

# --- Components and jar: what bench/components.sh does, minus the test images (nothing is
# deployed here) and with the packaging optional, for runs against a jar built moments ago.
cd "$(dirname "$0")/.."
export MOORING_CI_DIR=${MOORING_CI_DIR:-/tmp/mooring-ci}
.ci/components.sh up >/dev/null
eval "$(.ci/components.sh env)"
export DOCKER_HOST=$MOORING_E2E_DOCKER_HOST
[ "${MOORING_BENCH_SKIP_PACKAGE:-0}" = 1 ] || ./mvnw -q -B -DskipTests package
if ! command -v wrk >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
work=$(mktemp -d /tmp/mooring-bench.XXXXXX)
root=http://127.0.0.1:$PORT

pg=${MOORING_E2E_PG_URL#jdbc:postgresql://}; pg=${pg%/}
# Over TCP as Mooring's own role, so psql pays the same way to the server as the JDBC driver.
psql_as_mooring() { PGPASSWORD=mooring psql -h "${pg%:*}" -p "${pg##*:}" -U mooring -qX -v ON_ERROR_STOP=1 "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

cleanup() {
  [ -n "${mooring_pid:-}" ] && kill "$mooring_pid" 2>/dev/null && wait "$mooring_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- Mooring in real mode on an empty database -------------------------------------------------
psql_as_mooring -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" \
  -c "CREATE DATABASE $DB"
# A namespace of its own: Mooring's workers would otherwise share the task queue (and the gate
# workflow) with any other Mooring on this Temporal server, such as the end-to-end suite's.
"$MOORING_E2E_TEMPORAL_CLI" operator namespace create --address "$MOORING_E2E_TEMPORAL" -n "$NAMESPACE" \
  >/dev/null 2>&1 || true
for _ in $(seq 1 150); do  # a new namespace takes a few seconds to reach the frontend's cache
  "$MOORING_E2E_TEMPORAL_CLI" workflow list --address "$MOORING_E2E_TEMPORAL" -n "$NAMESPACE" --limit 1 \
    >/dev/null 2>&1 && break
  sleep 0.2
done
{
  echo "services:"
  for i in $(seq 1 100); do
    printf '  - {name: service-%03d, repository: 127.0.0.1:5000/bench/service-%03d, tag: 1.0.0, replicas: 1, port: %d, health-path: /health, env: {LOG_LEVEL: info}}\n' \
      "$i" "$i" $((31000 + i * 4))
  done
} >"$work/services.yml"
# Real mode runs as a server does: with the Dockerfile's JVM options, not the embedded default's.
jvm_options=${MOORING_JVM_OPTIONS:-$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' Dockerfile)}
# shellcheck disable=SC2086
PORT=$PORT MOORING_PUBLIC_URL=$root MOORING_DATA_DIR=$work/data MOORING_SERVICES_FILE=$work/services.yml \
  SPRING_TEMPORAL_TEST_SERVER_ENABLED=false SPRING_TEMPORAL_CONNECTION_TARGET=$MOORING_E2E_TEMPORAL \
  SPRING_TEMPORAL_NAMESPACE=$NAMESPACE SPRING_DATASOURCE_URL="${MOORING_E2E_PG_URL}$DB" \
  SPRING_DATASOURCE_USERNAME=mooring SPRING_DATASOURCE_PASSWORD=mooring \
  java $jvm_options -jar api/target/mooring.jar >"$work/mooring.log" 2>&1 &
mooring_pid=$!
# Services and the admin token are written once the server already answers, so wait for them.
for _ in $(seq 1 1200); do
  [ -s "$work/data/admin-token" ] && [ "$(psql_as_mooring -d $DB -Atc 'SELECT count(*) FROM service' 2>/dev/null)" = 100 ] && break
  kill -0 "$mooring_pid" 2>/dev/null || { cat "$work/mooring.log" >&2; echo "Mooring did not start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$work/data/admin-token" ] || { echo "Mooring did not come up in 120 s; see its log" >&2; exit 1; }
token=$(cat "$work/data/admin-token")

# --- The history ---------------------------------------------------------------------------------
load_start=$(date +%s%3N)
psql_as_mooring -d $DB -v public_url="$root" -f bench/api-latency-data.sql >/dev/null
load_ms=$(( $(date +%s%3N) - load_start ))
service=service-042
# A deployment from the middle of the history, not the newest: nothing favours recent rows.
id=$(psql_as_mooring -d $DB -Atc "SELECT id FROM deployment WHERE service = '$service' ORDER BY created_at DESC OFFSET 500 LIMIT 1")

# --- The endpoints and the SQL each one runs (activities/.../store, api/.../harmony) -----------
# Per endpoint: a label, the path, and its queries as "PREPARE ...|EXECUTE ..." pairs with the
# types the JDBC driver binds (String as varchar, int as int4, long as int8, UUID as uuid).
labels=(
  "GET /service-image-tag"
  "GET /service-deployment?limit=100"
  "GET /service-deployment?service&status=failed"
  "GET /service-deployment/{id}"
  "GET /deployment-logs/{id}"
)
paths=(
  "/service-image-tag"
  "/service-deployment?limit=100"
  "/service-deployment?service=$service&status=failed"
  "/service-deployment/$id"
  "/deployment-logs/$id"
)
queries=(
  "PREPARE q AS SELECT name, tag FROM service ORDER BY name|EXECUTE q"
  "PREPARE q(int) AS SELECT * FROM deployment WHERE 1 = 1 ORDER BY created_at DESC, id DESC LIMIT \$1|EXECUTE q(101)"
  "PREPARE q(varchar, varchar, int) AS SELECT * FROM deployment WHERE 1 = 1 AND service = \$1 AND status = \$2 ORDER BY created_at DESC, id DESC LIMIT \$3|EXECUTE q('$service', 'failed', 101)"
  "PREPARE q(uuid) AS SELECT * FROM deployment WHERE id = \$1|EXECUTE q('$id')"
  "PREPARE q(uuid) AS SELECT * FROM deployment WHERE id = \$1|EXECUTE q('$id')
   PREPARE q(uuid, int8) AS SELECT seq, at, line FROM deployment_log WHERE deployment_id = \$1 AND seq > \$2 ORDER BY seq|EXECUTE q('$id', 0)"
)
# Every request also checks its bearer token: one more query, reported on its own below.
token_query="PREPARE q(varchar) AS SELECT * FROM api_token WHERE token_hash = \$1 AND revoked_at IS NULL|EXECUTE q('$(printf %s "$token" | sha256sum | cut -d' ' -f1)')"

sql_ms() { # sql_ms "PREPARE ...|EXECUTE ..." (one pair a line): sum over the pairs of the median ms
  local total=0 pair ms
  while IFS= read -r pair; do
    pair=$(echo "$pair" | sed 's/^ *//')
    ms=$({ echo '\o /dev/null'; echo "${pair%%|*};"; echo '\timing on'
           for _ in $(seq 1 "$SQL_RUNS"); do echo "${pair#*|};"; done; } |
         psql_as_mooring -d $DB | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | median)
    total=$(awk -v a="$total" -v b="$ms" 'BEGIN {print a + b}')
  done <<<"$1"
  echo "$total"
}

# --- Load: wrk, reporting on its last line "requests seconds p50_ms p99_ms max_ms errors kinds",
# kinds being what the errors were (status counts answers >= 400; timeout, no answer in 2 s).
cat >"$work/report.lua" <<'LUA'
function done(summary, latency, requests)
  local e = summary.errors
  local kinds = {}
  for _, kind in ipairs({"connect", "read", "write", "status", "timeout"}) do
    if e[kind] > 0 then kinds[#kinds + 1] = kind .. "=" .. e[kind] end
  end
  io.write(string.format("%d %.3f %.3f %.3f %.3f %d %s\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.status + e.timeout, table.concat(kinds, ",")))
end
LUA
{
  cat <<'LUA'
-- Open-loop pacing: each send takes the next slot of one schedule, RATE slots a second, so the
-- requests are spread evenly whatever the answers take (as long as a connection is free).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long sec; long nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *now);
]]
local clock = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.sec) * 1e3 + tonumber(clock.nsec) / 1e6
end
local interval = 1000 / tonumber(os.getenv("BENCH_RATE"))
local next_send
function delay()
  local now = now_ms()
  next_send = (next_send or now) + interval
  return math.max(0, next_send - now)
end
LUA
  cat "$work/report.lua"
} >"$work/paced.lua"

headers=(-H "Authorization: Bearer $token" -H "Accept: application/json")
# paced URL DURATION LOG: RATE requests a second. 50 connections: a 50 ms reserve before a slow
# answer would hold the schedule back, well past the 20 ms p99 target.
paced() {
  BENCH_RATE=$RATE wrk -t1 -c50 -d"$2" --timeout 2s -s "$work/paced.lua" "${headers[@]}" "$1" >"$3"
  tail -1 "$3"
}
flat_out() { # flat_out URL LOG: no pacing, SATURATION_CONNECTIONS requests always in flight
  wrk -t1 -c"$SATURATION_CONNECTIONS" -d"$SATURATION_DURATION" --timeout 2s -s "$work/report.lua" "${headers[@]}" "$1" >"$2"
  tail -1 "$2"
}

# A run against an endpoint that answers 401 or 404 would measure the wrong thing fast.
for i in "${!paths[@]}"; do
  code=$(curl -s -o "$work/answer" -w '%{http_code}' "${headers[@]}" "$root${paths[$i]}")
  [ "$code" = 200 ] || { echo "${labels[$i]} answered $code: $(head -c 300 "$work/answer")" >&2; exit 1; }
  sizes[$i]=$(stat -c %s "$work/answer")
done

# Two cores leave no room for anything else: say so when something else is busy, since the
# figures then measure the neighbour as much as Mooring.
cpu_busy() { # percent of the machine's CPU time in use over one second
  local a b
  a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
  awk -v u=$(( b[1]+b[2]+b[3]+b[6]+b[7]+b[8] - a[1]-a[2]-a[3]-a[6]-a[7]-a[8] )) \
      -v i=$(( b[4]+b[5] - a[4]-a[5] )) 'BEGIN {printf "%d", 100 * u / (u + i)}'
}
busy=$(cpu_busy)
[ "$busy" -le 15 ] || echo "warning: the machine is ${busy}% busy before the load starts" >&2

declare -a fixed saturated raw
for i in "${!paths[@]}"; do
  echo "${labels[$i]}: warm-up $WARMUP, $RATE req/s for $DURATION" >&2
  paced "$root${paths[$i]}" "$WARMUP" "$work/warmup-$i.log" >/dev/null
  fixed[$i]=$(paced "$root${paths[$i]}" "$DURATION" "$work/fixed-$i.log")
done
for i in "${!paths[@]}"; do
  echo "${labels[$i]}: saturation, $SATURATION_CONNECTIONS connections for $SATURATION_DURATION" >&2
  saturated[$i]=$(flat_out "$root${paths[$i]}" "$work/saturation-$i.log")
done
# The SQL after the load, with Mooring idle: the database has the machine to itself, as the raw
# alternative should.
for i in "${!paths[@]}"; do raw[$i]=$(sql_ms "${queries[$i]}"); done
token_ms=$(sql_ms "$token_query")

# --- Table ----------------------------------------------------------------------------------------
printf '\n%-46s %7s %9s %9s %9s %6s %8s %8s %13s  %s\n' \
  "endpoint ($RATE req/s for $DURATION)" "rate" "p50" "p99" "max" "errors" "SQL p50" "p50/SQL" "saturation" "target"
notes=
for i in "${!paths[@]}"; do
  read -r requests seconds p50 p99 max errors kinds <<<"${fixed[$i]}"
  read -r s_requests s_seconds _ _ _ s_errors s_kinds <<<"${saturated[$i]}"
  [ "$errors" = 0 ] || notes+="${labels[$i]} at $RATE req/s: errors $kinds"$'\n'
  [ "$s_errors" = 0 ] || notes+="${labels[$i]} at saturation: errors $s_kinds"$'\n'
  # Target: the rate held (within 1 %), p99 <= 20 ms, no errors, p50 <= 3x the raw SQL.
  verdict=$(awk -v n="$requests" -v s="$seconds" -v r="$RATE" -v p50="$p50" -v p99="$p99" -v e="$errors" -v sql="${raw[$i]}" '
    BEGIN {
      if (n / s < 0.99 * r) out = out " rate";
      if (p99 > 20) out = out " p99";
      if (e > 0) out = out " errors";
      if (p50 > 3 * sql) out = out " p50/SQL";
      print out == "" ? "met" : "missed:" out }')
  printf '%-46s %7s %6.2f ms %6.2f ms %6.1f ms %6d %5.3f ms %7.1fx %8s %-4s  %s\n' "${labels[$i]}" \
    "$(awk -v n="$requests" -v s="$seconds" 'BEGIN {printf "%d/s", n / s}')" "$p50" "$p99" "$max" "$errors" \
    "${raw[$i]}" "$(awk -v a="$p50" -v b="${raw[$i]}" 'BEGIN {print a / b}')" \
    "$(awk -v n="$s_requests" -v s="$s_seconds" 'BEGIN {printf "%d/s", n / s}')" \
    "$([ "$s_errors" = 0 ] || echo "($s_errors errors)")" "$verdict"
done
printf '%s' "$notes"
printf '\nEvery request also looks up its bearer token: %.3f ms of SQL (median), not counted above.\n' "$token_ms"
printf 'Answer sizes: %s bytes. History: %s deployments, %s log lines, loaded in %.1f s.\n' \
  "$(IFS=/; echo "${sizes[*]}")" \
  "$(psql_as_mooring -d $DB -Atc 'SELECT count(*) FROM deployment')" \
  "$(psql_as_mooring -d $DB -Atc 'SELECT count(*) FROM deployment_log')" \
  "$(awk -v ms="$load_ms" 'BEGIN {print ms / 1000}')"
printf 'JVM options: %s. CPU in use before the load: %s%%. Wall time: %d s.\n' "${jvm_options:-none}" "$busy" \
  $(( $(date +%s) - started_s ))
