#!/usr/bin/env bash
# Measures a Tutum service's lifecycle through Mooring against the same Docker operations done by a
# script: create + start 10 containers, scale 10 -> 20 -> 5, stop, start, terminate. Each step is
# timed from the request until the service has settled (the state and container counts the step
# leads to), and from the script's first docker command until its containers are the same.
#
# Both sides wait alike for a container without a health path: it must keep running for
# READY_AFTER before it counts as started (Mooring's mooring.runtime.ready-after, set to the same).
# Needs the components of .ci/components.sh and the packaged jar (bench/components.sh sees to both).
# Everything talks to 127.0.0.1 and to containers on the run's own bridge. Prints medians.
set -euo pipefail
ROUNDS=${ROUNDS:-3}
PORT=${BENCH_PORT:-18490}
READY_AFTER_MS=${READY_AFTER_MS:-500}
NAMESPACE=mooring-bench-lifecycle-$$
source "$(dirname "$0")/components.sh"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
cleanup() {
  [ -n "${mooring_pid:-}" ] && kill "$mooring_pid" 2>/dev/null || true
  docker ps -aq --filter label=mooring.service | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker ps -aq --filter label=bench=lifecycle | xargs -r docker rm -f >/dev/null 2>&1 || true
  su postgres -c "psql -qc 'drop database if exists $db'" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- Mooring, real mode, in a Temporal namespace and a database of its own -----------------------
db="mooring_bench_lifecycle_$(date +%s)"
su postgres -c "psql -qc 'create database $db owner mooring'" >/dev/null
"$MOORING_E2E_TEMPORAL_CLI" operator namespace create --address "$MOORING_E2E_TEMPORAL" -n "$NAMESPACE" >/dev/null 2>&1
for _ in $(seq 1 150); do  # a new namespace takes a few seconds to reach the frontend's cache
  "$MOORING_E2E_TEMPORAL_CLI" workflow list --address "$MOORING_E2E_TEMPORAL" -n "$NAMESPACE" --limit 1 \
    >/dev/null 2>&1 && break
  sleep 0.2
done
echo "services: []" >"$work/services.yml"
MOORING_DATA_DIR=$work/data MOORING_SERVICES_FILE=$work/services.yml MOORING_RUNTIME_DOCKER_HOST=$DOCKER_HOST \
  MOORING_RUNTIME_READY_AFTER=${READY_AFTER_MS}ms MOORING_REGISTRY_DEFAULT_REGISTRY=$registry \
  MOORING_REGISTRY_ALLOWED_HOSTS=$registry SERVER_PORT=$PORT \
  SPRING_TEMPORAL_TEST_SERVER_ENABLED=false SPRING_TEMPORAL_CONNECTION_TARGET=$MOORING_E2E_TEMPORAL \
  SPRING_TEMPORAL_NAMESPACE=$NAMESPACE \
  SPRING_DATASOURCE_URL="${MOORING_E2E_PG_URL}$db" SPRING_DATASOURCE_USERNAME=mooring SPRING_DATASOURCE_PASSWORD=mooring \
  java -jar api/target/mooring.jar >"$work/mooring.log" 2>&1 &
mooring_pid=$!
for _ in $(seq 1 1200); do
  [ -s "$work/data/admin-token" ] && curl -s -o /dev/null "http://127.0.0.1:$PORT/service-deployments-state" && break
  kill -0 "$mooring_pid" 2>/dev/null || { cat "$work/mooring.log" >&2; echo "Mooring did not start" >&2; exit 1; }
  sleep 0.1
done
auth="Authorization: Bearer $(cat "$work/data/admin-token")"
api() { # api METHOD PATH [BODY]
  curl -s -X "$1" "http://127.0.0.1:$PORT$2" -H "$auth" -H 'Content-Type: application/json' ${3:+-d "$3"}
}
settles() { # settles SERVICE_URI STATE RUNNING CURRENT: polls until the service reads so
  local body
  for _ in $(seq 1 12000); do
    body=$(api GET "$1")
    if grep -q "\"state\":\"$2\"" <<<"$body" && grep -q "\"running_num_containers\":$3," <<<"$body" \
        && grep -q "\"current_num_containers\":$4," <<<"$body"; then
      return 0
    fi
    sleep 0.01
  done
  echo "$1 did not settle in $2 with $3 running of $4: $body" >&2; exit 1
}
timed() { # timed FILE COMMAND...: appends the command's milliseconds to FILE
  local start; start=$(now_ms); "${@:2}"; echo $(( $(now_ms) - start )) >>"$1"
}

through_mooring() { # one round of every step through Mooring's API
  local uri
  timed "$work/mooring-create-start" eval '
    uri=$(api POST /api/v1/service/ "{\"image\": \"demo/web:1.0.0\", \"name\": \"bench-life\", \"target_num_containers\": 10}" \
      | sed -n "s/.*\"resource_uri\":\"\(\/api\/v1\/service\/[0-9a-f-]*\/\)\".*/\1/p")
    api POST "${uri}start/" >/dev/null; settles "$uri" Running 10 10'
  timed "$work/mooring-scale-10-20" eval 'api PATCH "$uri" "{\"target_num_containers\": 20}" >/dev/null; settles "$uri" Running 20 20'
  timed "$work/mooring-scale-20-5" eval 'api PATCH "$uri" "{\"target_num_containers\": 5}" >/dev/null; settles "$uri" Running 5 5'
  timed "$work/mooring-stop" eval 'api POST "${uri}stop/" >/dev/null; settles "$uri" Stopped 0 5'
  timed "$work/mooring-start" eval 'api POST "${uri}start/" >/dev/null; settles "$uri" Running 5 5'
  timed "$work/mooring-terminate" eval 'api DELETE "$uri" >/dev/null; settles "$uri" Terminated 0 0'
}

# --- The same Docker operations, by a script ------------------------------------------------------
image=""
run_ready() { # run_ready FIRST LAST: starts those containers, then waits READY_AFTER and checks they run
  local i
  for i in $(seq "$1" "$2"); do
    docker run -d --name "bench-life-$i" --label bench=lifecycle "$image" >/dev/null
  done
  sleep "$(awk -v ms="$READY_AFTER_MS" 'BEGIN {print ms / 1000}')"
  for i in $(seq "$1" "$2"); do
    [ "$(docker inspect -f '{{.State.Running}}' "bench-life-$i")" = true ] || { echo "bench-life-$i stopped" >&2; exit 1; }
  done
}
names() { for i in $(seq "$1" "$2"); do echo "bench-life-$i"; done; }
directly() { # one round of the same steps with the docker CLI
  timed "$work/direct-create-start" eval '
    digest=$(curl -s -I -H "Accept: application/vnd.docker.distribution.manifest.v2+json" \
      "http://$registry/v2/demo/web/manifests/1.0.0" | tr -d "\r" | awk -F": " "tolower(\$1)==\"docker-content-digest\" {print \$2}")
    image="$registry/demo/web@$digest"
    docker image inspect "$image" >/dev/null 2>&1 || docker pull -q "$image" >/dev/null
    run_ready 1 10'
  timed "$work/direct-scale-10-20" run_ready 11 20
  timed "$work/direct-scale-20-5" eval 'docker stop -t 5 $(names 6 20) >/dev/null; docker rm $(names 6 20) >/dev/null'
  timed "$work/direct-stop" eval 'docker stop -t 5 $(names 1 5) >/dev/null'
  timed "$work/direct-start" eval 'docker start $(names 1 5) >/dev/null; sleep "$(awk -v ms="$READY_AFTER_MS" "BEGIN {print ms / 1000}")"'
  timed "$work/direct-terminate" eval 'docker stop -t 5 $(names 1 5) >/dev/null; docker rm $(names 1 5) >/dev/null'
}

through_mooring; directly   # warm-up: images present, JIT and connections warm
rm -f "$work"/mooring-* "$work"/direct-*
for _ in $(seq 1 "$ROUNDS"); do
  through_mooring
  directly
done
kill "$mooring_pid"; wait "$mooring_pid" 2>/dev/null || true; mooring_pid=

printf '\n%-22s %10s %10s %8s %11s   (median of %s; ready after %s ms on both sides)\n' \
  "step" "Mooring" "script" "ratio" "overhead" "$ROUNDS" "$READY_AFTER_MS"
for step in create-start scale-10-20 scale-20-5 stop start terminate; do
  m=$(median <"$work/mooring-$step"); d=$(median <"$work/direct-$step")
  printf '%-22s %7s ms %7s ms %8s %8s ms\n' "$step" "$m" "$d" \
    "$(awk -v m="$m" -v d="$d" 'BEGIN {printf "%.2fx", m/d}')" "$(awk -v m="$m" -v d="$d" 'BEGIN {print m-d}')"
done
