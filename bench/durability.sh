#!/usr/bin/env bash
# Measures two durability figures of Mooring in real mode (Temporal dev server + PostgreSQL + Docker
# Engine + registry, all started by .ci/components.sh on 127.0.0.1):
#   1. Gate hand-off: QUEUED deployments of different services are queued at once (?queue=true) and
#      run one after another; for each pair, the time from the earlier one's last container change
#      to the next one taking the lock. Target: median <= 200 ms.
#   2. Restart to resume: RESTARTS times per step, Mooring is killed with kill -9 in the middle of a
#      deployment and started again; the figure is the time from the new process answering HTTP
#      (its worker polls again) to the deployment's first sign of work after the kill. Two steps:
#        rollout  - killed as replica 1 starts (a local activity inside a workflow task); resumed
#                   at the deployment's next log line;
#        tests    - killed while the regression tests run (an activity that heartbeats); resumed
#                   when the Temporal server hands the activity to the new worker.
#      Target: <= 5 s.
# Bounded: a fixed number of deployments, each with a deadline. Prints a table at the end.
set -euo pipefail
QUEUED=${QUEUED:-20}
RESTARTS=${RESTARTS:-3}
PORT=${BENCH_PORT:-18490}
source "$(dirname "$0")/components.sh"
root=http://127.0.0.1:$PORT
json() { python3 -c "import json,sys; data=json.load(sys.stdin); print($1)"; }
# first_ms EXPRESSION AFTER_MS: reads JSON items on stdin, prints the first time (ms) that the
# expression gives for an item, later than AFTER_MS. The expression sees the item as 'x' and
# turns an ISO instant into ms with at().
first_ms() {
  python3 -c "
import json, sys, datetime
def at(iso):
    if not iso: return None
    date, _, fraction = iso.rstrip('Z').partition('.')
    moment = datetime.datetime.fromisoformat(date).replace(tzinfo=datetime.timezone.utc)
    return int(moment.timestamp() * 1000) + int((fraction + '000')[:3])
for x in json.load(sys.stdin):
    t = $1
    if t is not None and t > $2:
        print(t); break"
}
percentiles() { # median, p90 and max of the numbers on stdin
  sort -n | awk '{a[NR]=$1} END {printf "median %d ms, p90 %d ms, max %d ms (n=%d)", a[int((NR+1)/2)], a[int(NR*0.9+0.999)], a[NR], NR}'
}
cleanup() {
  [ -n "${mooring_pid:-}" ] && kill -9 "$mooring_pid" 2>/dev/null || true
  docker ps -aq --filter label=mooring.service | xargs -r docker rm -f >/dev/null 2>&1 || true
  su postgres -c "psql -qc 'drop database if exists $db'" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

db="mooring_bench_durability_$(date +%s)"
su postgres -c "psql -qc 'create database $db owner mooring'" >/dev/null
{
  echo "services:"
  for i in $(seq -w 1 "$QUEUED"); do
    printf '  - {name: bench-q%s, repository: %s/demo/web, tag: 1.0.0, replicas: 1, port: %d, health-path: /health}\n' \
      "$i" "$registry" $((28800 + 10#$i * 2))
  done
  printf '  - {name: bench-resume, repository: %s/demo/web, tag: 1.0.0, replicas: 3, port: 28700, health-path: /health, regression-image: %s/demo/web-tests}\n' \
    "$registry" "$registry"
} >"$work/services.yml"

start_mooring() { # starts the jar; returns once it answers HTTP, and sets ready_ms
  MOORING_DATA_DIR=$work/data MOORING_SERVICES_FILE=$work/services.yml MOORING_RUNTIME_DOCKER_HOST=$DOCKER_HOST \
    SERVER_PORT=$PORT SPRING_TEMPORAL_TEST_SERVER_ENABLED=false SPRING_TEMPORAL_CONNECTION_TARGET=$MOORING_E2E_TEMPORAL \
    SPRING_DATASOURCE_URL="${MOORING_E2E_PG_URL}$db" SPRING_DATASOURCE_USERNAME=mooring SPRING_DATASOURCE_PASSWORD=mooring \
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx512m -jar api/target/mooring.jar >>"$work/mooring.log" 2>&1 &
  mooring_pid=$!
  for _ in $(seq 1 3000); do
    curl -s -o /dev/null "$root/actuator/health" && { ready_ms=$(now_ms); return 0; }
    sleep 0.02
  done
  echo "Mooring did not start; see $work/mooring.log" >&2; exit 1
}
call() { curl -s -H "$auth" -H 'Content-Type: application/json' "$@"; }
put_tag() { # put_tag SERVICE BODY [QUERY] -> deployment id
  call -XPUT "$root/service-image-tag/$1${3:-}" -d "$2" | json 'data["statusLink"].rsplit("/", 1)[1]'
}
await_end() { # await_end ID: waits (at most 5 min) until the deployment is no longer running
  for _ in $(seq 1 1200); do
    status=$(call "$root/service-deployment/$1" | json 'data["status"]')
    [ "$status" = running ] || { echo "$status"; return 0; }
    sleep 0.25
  done
  echo "deployment $1 did not end" >&2; exit 1
}
line_ms() { # line_ms ID CONDITION: time (ms) of the first log line for which CONDITION on 'line' holds
  call "$root/deployment-logs/$1?timestamps=true" | first_ms "at(x['at']) if (lambda line: $2)(x['line']) else None" 0
}

start_mooring
auth="Authorization: Bearer $(cat "$work/data/admin-token")"
call -XPUT "$root/service-deployments-state" -d '{"enabled":true}' >/dev/null

# --- 1. Gate hand-off between queued deployments ------------------------------------------------
ids=()
for i in $(seq -w 1 "$QUEUED"); do
  ids+=("$(put_tag "bench-q$i" '{"tag":"1.1.0"}' '?queue=true')")
done
for id in "${ids[@]}"; do
  [ "$(await_end "$id")" = successful ] || { echo "queued deployment $id failed" >&2; exit 1; }
done
: >"$work/handoff"
previous=
for id in "${ids[@]}"; do
  took=$(line_ms "$id" 'line.startswith("Took the service deployment lock")')
  [ -z "$previous" ] || echo $(( took - $(line_ms "$previous" 'line.startswith("Removed [")') )) >>"$work/handoff"
  previous=$id
done

# --- 2. Restart to resume -----------------------------------------------------------------------
: >"$work/resume-rollout"; : >"$work/resume-tests"; : >"$work/restart"
current=1.0.0
put_body() { echo "{\"tag\":\"$1\",\"regression_test_version\":\"$2\"}"; }
for round in $(seq 1 "$RESTARTS"); do
  for step in rollout tests; do
    next=$([ "$current" = 1.1.0 ] && echo 1.2.0 || echo 1.1.0)
    tests=$([ "$step" = tests ] && echo 1.0.2-slow || echo 1.0.0)
    id=$(put_tag bench-resume "$(put_body "$next" "$tests")")
    marker=$([ "$step" = tests ] && echo 'line.startswith("Running regression tests")' || echo 'line.startswith("Started replica 1 of 3")')
    for _ in $(seq 1 3000); do [ -n "$(line_ms "$id" "$marker")" ] && break; sleep 0.02; done
    killed_ms=$(now_ms)
    kill -9 "$mooring_pid"; wait "$mooring_pid" 2>/dev/null || true
    start_mooring
    echo $(( ready_ms - killed_ms )) >>"$work/restart"
    resumed_ms=
    for _ in $(seq 1 3000); do
      if [ "$step" = rollout ]; then
        resumed_ms=$(call "$root/deployment-logs/$id?timestamps=true" | first_ms "at(x['at'])" "$killed_ms")
      else
        resumed_ms=$("$MOORING_E2E_TEMPORAL_CLI" workflow describe --address "$MOORING_E2E_TEMPORAL" \
          -w "deployment-$id" -o json | json 'json.dumps(data.get("pendingActivities", []))' \
          | first_ms "at(x.get('lastStartedTime'))" "$killed_ms")
      fi
      [ -n "$resumed_ms" ] && break
      sleep 0.05
    done
    [ -n "$resumed_ms" ] || { echo "deployment $id did not resume after the restart" >&2; exit 1; }
    echo $(( resumed_ms - ready_ms )) >>"$work/resume-$step"
    printf 'round %s, %-7s: restarted in %5d ms, resumed %5d ms after (deployment %s)\n' "$round" "$step" \
      $(( ready_ms - killed_ms )) $(( resumed_ms - ready_ms )) "$id"
    [ "$(await_end "$id")" = successful ] || { echo "deployment $id did not succeed after the restart" >&2; exit 1; }
    current=$next
  done
done

printf '\n%-58s %s\n' "gate hand-off, $QUEUED queued deployments:" "$(percentiles <"$work/handoff")"
printf '%-58s %s\n' "kill -9 to answering HTTP again (JVM start):" "$(percentiles <"$work/restart")"
printf '%-58s %s\n' "answering HTTP to resumed, killed during the rollout:" "$(percentiles <"$work/resume-rollout")"
printf '%-58s %s\n' "answering HTTP to resumed, killed during the tests:" "$(percentiles <"$work/resume-tests")"
