#!/usr/bin/env bash
# Measures what Mooring's orchestration costs on top of the Docker work it orders:
#   1. a deployment of the demo service (1 and 3 replicas) through Mooring, PUT to terminal status;
#   2. the same Docker operations done directly (manifest HEAD, pull, per replica start + health +
#      stop old, then remove old), with no orchestration;
#   3. the embedded default's start time, idle resident memory and stop time;
#   4. the stop time in real mode with two log streams open (as a dashboard and a tail would hold).
# Needs the components of .ci/components.sh and the packaged jar (bench/components.sh sees to both).
# Everything talks to 127.0.0.1. Prints a table of medians; bounded: ROUNDS deployments per case.
set -euo pipefail
ROUNDS=${ROUNDS:-7}
PORT=${BENCH_PORT:-18480}
source "$(dirname "$0")/components.sh"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
stop() { # stop PID: sends SIGTERM (what Ctrl-C and docker stop send); sets stopped_ms, the time until it exited
  local start; start=$(now_ms)   # not in a subshell: only the shell that started it can wait for it
  kill -TERM "$1"; wait "$1" 2>/dev/null || true
  stopped_ms=$(( $(now_ms) - start ))
}
wait_http() { # wait_http URL SECONDS
  for _ in $(seq 1 $(($2 * 100))); do curl -s -o /dev/null "$1" && return 0; sleep 0.01; done; return 1
}
cleanup() {
  [ -n "${mooring_pid:-}" ] && kill "$mooring_pid" 2>/dev/null || true
  docker ps -aq --filter label=mooring.service --filter label=bench=yes | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker ps -aq --filter name=bench- | xargs -r docker rm -f >/dev/null 2>&1 || true
}
trap cleanup EXIT

# --- Mooring, real mode: Temporal dev server + PostgreSQL ---------------------------------------
db="mooring_bench_$(date +%s)"
su postgres -c "psql -qc 'create database $db owner mooring'" >/dev/null
cat >"$work/services.yml" <<YML
services:
  - name: bench-one
    repository: $registry/demo/web
    tag: 1.0.0
    replicas: 1
    port: 28400
    health-path: /health
  - name: bench-three
    repository: $registry/demo/web
    tag: 1.0.0
    replicas: 3
    port: 28420
    health-path: /health
YML
MOORING_DATA_DIR=$work/data MOORING_SERVICES_FILE=$work/services.yml MOORING_RUNTIME_DOCKER_HOST=$DOCKER_HOST SERVER_PORT=$PORT \
  SPRING_TEMPORAL_TEST_SERVER_ENABLED=false SPRING_TEMPORAL_CONNECTION_TARGET=$MOORING_E2E_TEMPORAL \
  SPRING_DATASOURCE_URL="${MOORING_E2E_PG_URL}$db" SPRING_DATASOURCE_USERNAME=mooring SPRING_DATASOURCE_PASSWORD=mooring \
  java -jar api/target/mooring.jar >"$work/mooring.log" 2>&1 &
mooring_pid=$!
wait_http "http://127.0.0.1:$PORT/service-deployments-state" 60
auth="Authorization: Bearer $(cat "$work/data/admin-token")"
curl -s -XPUT "http://127.0.0.1:$PORT/service-deployments-state" -H "$auth" -H 'Content-Type: application/json' \
  -d '{"enabled":true}' >/dev/null

through_mooring() { # through_mooring SERVICE TAG -> ms
  local start id status
  start=$(now_ms)
  id=$(curl -s -XPUT "http://127.0.0.1:$PORT/service-image-tag/$1" -H "$auth" -H 'Content-Type: application/json' \
        -d "{\"tag\":\"$2\"}" | sed -n 's/.*service-deployment\/\([0-9a-f-]*\)".*/\1/p')
  [ -n "$id" ] || { echo "deployment of $1 $2 was not accepted" >&2; exit 1; }
  while :; do
    status=$(curl -s -H "$auth" "http://127.0.0.1:$PORT/service-deployment/$id" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p')
    [ "$status" = running ] || break
    sleep 0.01
  done
  [ "$status" = successful ] || { echo "deployment $id ended $status" >&2; exit 1; }
  echo $(( $(now_ms) - start ))
}

# --- The same Docker work, done directly ---------------------------------------------------------
generation=0
directly() { # directly REPLICAS BASEPORT TAG -> ms
  local replicas=$1 base=$2 tag=$3 start old new i port digest image
  old=$((generation % 2)); generation=$((generation + 1)); new=$((generation % 2))
  start=$(now_ms)
  # What Mooring does, minus the orchestration: resolve the tag to a digest, pull that digest only
  # if the engine lacks it, then per replica start the new one, wait for health, stop an old one.
  digest=$(curl -s -I -H "Accept: application/vnd.docker.distribution.manifest.v2+json" \
    "http://$registry/v2/demo/web/manifests/$tag" | tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest" {print $2}')
  image="$registry/demo/web@$digest"
  docker image inspect "$image" >/dev/null 2>&1 || docker pull -q "$image" >/dev/null
  for i in $(seq 1 "$replicas"); do
    port=$((base + new * replicas + i))
    docker run -d --name "bench-$base-$new-$i" --network host -e PORT=$port "$image" >/dev/null
    until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.01; done
    docker stop -t 5 "bench-$base-$old-$i" >/dev/null 2>&1 || true
  done
  for i in $(seq 1 "$replicas"); do docker rm -f "bench-$base-$old-$i" >/dev/null 2>&1 || true; done
  echo $(( $(now_ms) - start ))
}

tags=(1.1.0 1.2.0)
for replicas in 1 3; do
  service=$([ "$replicas" = 1 ] && echo bench-one || echo bench-three)
  : >"$work/mooring-$replicas"; : >"$work/direct-$replicas"
  through_mooring "$service" 1.0.0 >/dev/null   # warm-up: replicas exist, JIT and connections warm
  directly "$replicas" 28600 1.0.0 >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    tag=${tags[$((round % 2))]}
    through_mooring "$service" "$tag" >>"$work/mooring-$replicas"
    directly "$replicas" 28600 "$tag" >>"$work/direct-$replicas"
  done
done
# Open log streams must not hold the stop: follow bench-one's output twice, as a dashboard would.
uuid=$(curl -s -H "$auth" "http://127.0.0.1:$PORT/api/v1/service/?name=bench-one" | jq -r '.objects[0].uuid')
for _ in 1 2; do
  curl -sN -H "$auth" -H 'Accept: text/event-stream' "http://127.0.0.1:$PORT/api/v1/service/$uuid/logs/" >/dev/null &
done
sleep 2
stop "$mooring_pid"; mooring_pid=; stop_streams=$stopped_ms

# --- The embedded default: start time and idle memory -------------------------------------------
# Measured with the JVM options the README's run command uses, and with none, for comparison.
readme_options=$(sed -n 's:.*<mooring.jvm.options>\(.*\)</mooring.jvm.options>.*:\1:p' api/pom.xml)
embedded() { # embedded LABEL JVM_OPTIONS...: three starts; prints "LABEL start_ms rss_mb stop_ms"
  local label=$1; shift
  local starts=() rss=() stops=() start
  for run in 1 2 3; do
    rm -rf "$work/embedded"
    start=$(now_ms)
    MOORING_DATA_DIR=$work/embedded SERVER_PORT=$PORT MOORING_RUNTIME_DOCKER_HOST=$DOCKER_HOST \
      java "$@" -jar api/target/mooring.jar >"$work/embedded.log" 2>&1 &
    mooring_pid=$!
    wait_http "http://127.0.0.1:$PORT/service-deployments-state" 60
    starts+=($(( $(now_ms) - start )))
    sleep 10
    rss+=($(awk '/VmRSS/ {print int($2/1024)}' "/proc/$mooring_pid/status"))
    stop "$mooring_pid"; mooring_pid=; stops+=("$stopped_ms")
  done
  printf '%-44s %6s ms %6s MB %6s ms   (starts: %s; RSS: %s; stops: %s)\n' "$label" \
    "$(printf '%s\n' "${starts[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)" \
    "$(printf '%s\n' "${stops[@]}" | median)" "${starts[*]}" "${rss[*]}" "${stops[*]}"
}
# shellcheck disable=SC2086
embedded_readme=$(embedded "embedded default, README command's JVM options" $readme_options)
embedded_plain=$(embedded "embedded default, plain java -jar" -Dplain=true)

printf '\n%-30s %10s %10s %8s %11s\n' "deployment (median of $ROUNDS)" "Mooring" "direct" "ratio" "overhead"
for replicas in 1 3; do
  m=$(median <"$work/mooring-$replicas"); d=$(median <"$work/direct-$replicas")
  printf '%-30s %7s ms %7s ms %8s %8s ms\n' "$replicas replica(s)" "$m" "$d" \
    "$(awk -v m="$m" -v d="$d" 'BEGIN {printf "%.2fx", m/d}')" "$(awk -v m="$m" -v d="$d" 'BEGIN {print m-d}')"
done
printf '\n%-44s %9s %9s %9s\n' "embedded default (median of 3)" "start" "idle RSS" "stop"
echo "$embedded_readme"
echo "$embedded_plain"
printf '\n%-44s %6s ms\n' "stop in real mode, two log streams open" "$stop_streams"
su postgres -c "psql -qc 'drop database $db'" >/dev/null 2>&1 || true
rm -rf "$work"
