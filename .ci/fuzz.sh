#!/usr/bin/env bash
# CI: fuzz Mooring's HTTP API with schemathesis, driven by Mooring's own OpenAPI document, against a
# Mooring in real mode (PostgreSQL, the Temporal server, Docker, the anonymous test registry) started
# from the packaged jar. Prints the counts .ci/fuzz-report.py makes of what it saw and exits non-zero
# on any server error, any error answer that is not a problem document, any answer the document does
# not describe, or a run that sent no request.
#
# Expects the components' environment (eval "$(.ci/components.sh env)") and the test images
# (.ci/test-images.sh), and the jar (./mvnw package).
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
SEED=${MOORING_FUZZ_SEED:-20260101}
# Test cases per operation. The run is bounded by this count, not by a clock, so that one seed
# always means the same requests; see TIME_LIMIT for the clock.
MAX_EXAMPLES=${MOORING_FUZZ_MAX_EXAMPLES:-1000}
# Only a safety net for a much slower machine: schemathesis' own --max-time would not cap the run
# but repeat the fuzzing until the time is spent. Interrupted, it still writes its report.
TIME_LIMIT=${MOORING_FUZZ_TIME_LIMIT:-420}
CACHE=${MOORING_CACHE_DIR:-$HOME/.cache/mooring}
VENV=$CACHE/venv
WORK=${MOORING_FUZZ_DIR:-${MOORING_CI_DIR:-/tmp/mooring-ci}/fuzz}
JAR=$PWD/api/target/mooring.jar
DB=mooring_fuzz

log() { printf '[fuzz] %s\n' "$*" >&2; }

for var in MOORING_E2E_DOCKER_HOST MOORING_E2E_REGISTRY MOORING_E2E_TEMPORAL MOORING_E2E_PG_URL MOORING_E2E_TEMPORAL_CLI; do
  if [ -z "${!var:-}" ]; then log "$var is not set: eval \"\$(.ci/components.sh env)\" first"; exit 2; fi
done
[ -f "$JAR" ] || { log "no $JAR: package Mooring first"; exit 2; }

# --- schemathesis, pinned, in a virtualenv kept between runs -----------------------------------
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  log "installing python3-venv"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
fi
if [ "$("$VENV/bin/schemathesis" --version 2>/dev/null)" != "schemathesis, version $SCHEMATHESIS_VERSION" ]; then
  log "installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
  rm -rf "$VENV"
  mkdir -p "$CACHE"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

# --- a Mooring of its own, in real mode --------------------------------------------------------
rm -rf "$WORK"
mkdir -p "$WORK/data" "$WORK/report"
# Run a copy: a build that replaces the jar under a running JVM makes it fail in ways that have
# nothing to do with the requests it gets.
cp "$JAR" "$WORK/mooring.jar"

# One block of free loopback ports: Mooring's, then two for each service (a replica and the one
# that replaces it during a rollout).
PORT=$(python3 - <<'PY'
import random, socket
for _ in range(200):
    base = random.randrange(20000, 30000)
    held = []
    try:
        for port in range(base, base + 5):
            held.append(socket.socket())
            held[-1].bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        for s in held:
            s.close()
    print(base)
    break
PY
)
[ -n "${PORT:-}" ] || { log "found no free ports"; exit 2; }

# Services whose images the test registry holds, so that a fuzzed deployment that names one really
# runs: one with a health path and regression tests, one with neither.
cat >"$WORK/services.yml" <<YML
services:
  - name: fuzz-web
    repository: $MOORING_E2E_REGISTRY/demo/web
    tag: 1.0.0
    replicas: 1
    port: $((PORT + 1))
    health-path: /health
    regression-image: $MOORING_E2E_REGISTRY/demo/web-tests
  - name: fuzz-plain
    repository: $MOORING_E2E_REGISTRY/demo/web
    tag: 1.0.0
    replicas: 1
    port: $((PORT + 3))
YML

# A fresh database every run, so that the run sees the same Mooring each time.
pg_port=${MOORING_E2E_PG_URL##*:}; pg_port=${pg_port%%/*}
psql_quietly() { su postgres -c "PGOPTIONS='-c client_min_messages=warning' psql -p $pg_port -qc '$1'" >/dev/null; }
psql_quietly "drop database if exists $DB with (force)"
psql_quietly "create database $DB owner mooring"

# A Temporal namespace of its own, for the same reason, and because the fuzzer disables the
# deployment gate and starts deployments: in the shared default namespace that state would leak
# into whatever runs next (the gate is one workflow per namespace).
NAMESPACE=mooring-fuzz-$(date +%s)
"$MOORING_E2E_TEMPORAL_CLI" operator namespace create --namespace "$NAMESPACE" --address "$MOORING_E2E_TEMPORAL" >/dev/null

MOORING_PID=
cleanup() {
  local status=$?
  # Before stopping it: what Mooring says while shutting down would bury the lines that matter.
  if [ "$status" -ne 0 ] && [ -f "$WORK/mooring.log" ]; then
    log "last 50 lines of Mooring's log ($WORK/mooring.log):"
    tail -n 50 "$WORK/mooring.log" >&2
  fi
  if [ -n "$MOORING_PID" ]; then
    kill "$MOORING_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$MOORING_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$MOORING_PID" 2>/dev/null || true
  fi
  # Replicas and test containers of fuzzed deployments and of services the fuzzer created would
  # otherwise keep running, and keep their ports. The engine is the run's own.
  DOCKER_HOST=$MOORING_E2E_DOCKER_HOST docker ps -aq --filter "label=mooring.role" 2>/dev/null |
    xargs -r env DOCKER_HOST="$MOORING_E2E_DOCKER_HOST" docker rm -f >/dev/null 2>&1 || true
  "$MOORING_E2E_TEMPORAL_CLI" operator namespace delete --namespace "$NAMESPACE" --yes \
    --address "$MOORING_E2E_TEMPORAL" >/dev/null 2>&1 || true
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "starting Mooring on 127.0.0.1:$PORT (namespace $NAMESPACE, database $DB)"
# Listening on loopback only, with the JVM options the README gives for java -jar. Services the
# fuzzer creates may name only the run's registries: nothing it sends makes Mooring reach further.
env SPRING_TEMPORAL_TEST_SERVER_ENABLED=false \
  SPRING_TEMPORAL_CONNECTION_TARGET="$MOORING_E2E_TEMPORAL" \
  SPRING_TEMPORAL_NAMESPACE="$NAMESPACE" \
  SPRING_DATASOURCE_URL="${MOORING_E2E_PG_URL}$DB" \
  SPRING_DATASOURCE_USERNAME=mooring SPRING_DATASOURCE_PASSWORD=mooring \
  MOORING_DATA_DIR="$WORK/data" \
  MOORING_SERVICES_FILE="$WORK/services.yml" \
  DOCKER_HOST="$MOORING_E2E_DOCKER_HOST" \
  PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
  MOORING_PUBLIC_URL="http://127.0.0.1:$PORT" \
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:ReservedCodeCacheSize=48m -Xms32m -Xmx512m \
  -jar "$WORK/mooring.jar" \
  --mooring.registry.default-registry="$MOORING_E2E_REGISTRY" \
  --mooring.registry.allowed-hosts="$MOORING_E2E_REGISTRY,$MOORING_E2E_AUTH_REGISTRY" </dev/null >"$WORK/mooring.log" 2>&1 &
MOORING_PID=$!
disown "$MOORING_PID"   # stopped by the trap, not reported as a killed job

BASE=http://127.0.0.1:$PORT
for _ in $(seq 1 180); do
  kill -0 "$MOORING_PID" 2>/dev/null || { log "Mooring exited during start"; exit 1; }
  if curl -sf -o /dev/null "$BASE/actuator/health" && [ -s "$WORK/data/admin-token" ]; then break; fi
  sleep 1
done
curl -sf -o /dev/null "$BASE/actuator/health" || { log "Mooring did not answer /actuator/health in 180 s"; exit 1; }
TOKEN=$(cat "$WORK/data/admin-token")
# Kept beside the report: the findings are judged against the document as it was.
curl -sf -H "Authorization: Bearer $TOKEN" -o "$WORK/api-docs.json" "$BASE/v3/api-docs" ||
  { log "Mooring did not serve its OpenAPI document"; exit 1; }

# --- the fuzzing run ---------------------------------------------------------------------------
# Nothing is excluded. The one call that could lock the run out of itself is revoking the token it
# authenticates with (the fuzzer finds its name in GET /api-tokens), and Mooring refuses that (409):
# a token cannot revoke itself. Should that ever break, the check after the run says so.
log "running schemathesis $SCHEMATHESIS_VERSION (seed $SEED, $MAX_EXAMPLES examples per operation)"
started=$(date +%s)
set +e
# From the work folder: schemathesis keeps a cache of failures in the current directory.
(cd "$WORK" && timeout -s INT -k 30 "$TIME_LIMIT" "$VENV/bin/schemathesis" --no-color run "$BASE/v3/api-docs" \
  --header "Authorization: Bearer $TOKEN" \
  --phases examples,coverage,fuzzing,stateful \
  --mode all \
  --checks all \
  --continue-on-failure \
  --max-examples "$MAX_EXAMPLES" \
  --seed "$SEED" \
  --generation-database none \
  --request-timeout 10 \
  --report ndjson,junit \
  --report-ndjson-path "$WORK/report/events.ndjson" \
  --report-junit-path "$WORK/report/junit.xml" \
  >"$WORK/schemathesis.log" 2>&1)
schemathesis_status=$?
set -e
log "schemathesis exited with $schemathesis_status after $(( $(date +%s) - started )) s (output: $WORK/schemathesis.log)"
# Its own summary: failures by kind, and the errors and warnings (such as "only 401 answers") that
# the counts below do not show.
sed -n '/= SUMMARY =/,$p' "$WORK/schemathesis.log" >&2
if [ "$schemathesis_status" -eq 124 ]; then
  log "schemathesis was interrupted at the ${TIME_LIMIT} s limit: the counts cover only what it did until then"
fi

set +e
python3 .ci/fuzz-report.py "$WORK/report/events.ndjson"
report_status=$?
set -e
# Requests that never got an answer count as nothing in the report: a Mooring that died during the
# run must fail it here.
if ! kill -0 "$MOORING_PID" 2>/dev/null || ! curl -sf -o /dev/null --max-time 10 "$BASE/actuator/health"; then
  log "Mooring is no longer up after the run"
  exit 1
fi
# 1 is "failures found", which the counts above judge; anything else but the time limit means the
# run could not do its job (schema, configuration, network or internal error).
if [ "$schemathesis_status" -ne 0 ] && [ "$schemathesis_status" -ne 1 ] && [ "$schemathesis_status" -ne 124 ]; then
  log "schemathesis could not do its job (exit $schemathesis_status): see $WORK/schemathesis.log"
  exit 1
fi
# A run that locked itself out (revoked its own token) tested nothing after that point.
if ! curl -sf -o /dev/null --max-time 10 -H "Authorization: Bearer $TOKEN" "$BASE/api-tokens"; then
  log "the run's admin token no longer works: the run locked itself out, and what came after proves nothing"
  exit 1
fi
exit "$report_status"
