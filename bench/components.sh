# Sourced by the benchmarks: starts the real components on 127.0.0.1 (.ci/components.sh), pushes
# the test images, packages Mooring (always, so the jar is never older than the code), and sets
#   DOCKER_HOST, registry (host:port of the anonymous registry), work (a fresh scratch folder),
#   and now_ms (a function: the time in milliseconds).
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export MOORING_CI_DIR=${MOORING_CI_DIR:-/tmp/mooring-ci}
.ci/components.sh up >/dev/null
eval "$(.ci/components.sh env)"
.ci/test-images.sh 2>/dev/null
export DOCKER_HOST=$MOORING_E2E_DOCKER_HOST
./mvnw -q -B -DskipTests package
work=$(mktemp -d /tmp/mooring-bench.XXXXXX)
registry=$MOORING_E2E_REGISTRY

now_ms() { date +%s%3N; }

# start_mooring PORT DATABASE NAMESPACE SERVICES_FILE: Mooring in real mode from the packaged jar, on
# a database and a Temporal namespace of its own (both created here), logging to $work/mooring.log;
# returns once it answers and its admin token is written. Sets mooring_pid and auth (the header).
start_mooring() {
  local port=$1 db=$2 namespace=$3 services=$4
  su postgres -c "psql -qc 'create database $db owner mooring'" >/dev/null
  "$MOORING_E2E_TEMPORAL_CLI" operator namespace create --address "$MOORING_E2E_TEMPORAL" -n "$namespace" >/dev/null 2>&1
  for _ in $(seq 1 150); do  # a new namespace takes a few seconds to reach the frontend's cache
    "$MOORING_E2E_TEMPORAL_CLI" workflow list --address "$MOORING_E2E_TEMPORAL" -n "$namespace" --limit 1 \
      >/dev/null 2>&1 && break
    sleep 0.2
  done
  MOORING_DATA_DIR=$work/data MOORING_SERVICES_FILE=$services MOORING_RUNTIME_DOCKER_HOST=$DOCKER_HOST \
    MOORING_REGISTRY_DEFAULT_REGISTRY=$registry MOORING_REGISTRY_ALLOWED_HOSTS=$registry SERVER_PORT=$port \
    SPRING_TEMPORAL_TEST_SERVER_ENABLED=false SPRING_TEMPORAL_CONNECTION_TARGET=$MOORING_E2E_TEMPORAL \
    SPRING_TEMPORAL_NAMESPACE=$namespace \
    SPRING_DATASOURCE_URL="${MOORING_E2E_PG_URL}$db" SPRING_DATASOURCE_USERNAME=mooring SPRING_DATASOURCE_PASSWORD=mooring \
    java -jar api/target/mooring.jar >"$work/mooring.log" 2>&1 &
  mooring_pid=$!
  for _ in $(seq 1 1200); do
    [ -s "$work/data/admin-token" ] && curl -s -o /dev/null "http://127.0.0.1:$port/ping/" && break
    kill -0 "$mooring_pid" 2>/dev/null || { cat "$work/mooring.log" >&2; echo "Mooring did not start" >&2; exit 1; }
    sleep 0.1
  done
  auth="Authorization: Bearer $(cat "$work/data/admin-token")"
}
