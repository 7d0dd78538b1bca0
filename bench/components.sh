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
