#!/usr/bin/env bash
# Installs (when missing) and starts the real components Mooring's end-to-end tests run against,
# all on loopback: Docker Engine, two registries (anonymous and htpasswd), PostgreSQL and the
# Temporal dev server; and installs Chromium with its driver for the dashboard's browser suite.
# Idempotent: what already runs is left running.
#
#   .ci/components.sh up      install what is missing and start everything
#   .ci/components.sh down    stop what 'up' started
#   .ci/components.sh env     print the environment variables that point at the components
#   .ci/components.sh restart-temporal | restart-docker | stop-postgres | start-postgres
#                                           faults for the outage tests
set -euo pipefail

WORK=${MOORING_CI_DIR:-/tmp/mooring-ci}
CACHE=${MOORING_CACHE_DIR:-$HOME/.cache/mooring}
TEMPORAL_VERSION=v1.5.1
TEMPORAL_BIN=$CACHE/temporal-$TEMPORAL_VERSION
REGISTRY_PORT=${MOORING_REGISTRY_PORT:-5000}
AUTH_REGISTRY_PORT=${MOORING_AUTH_REGISTRY_PORT:-5001}
REGISTRY_USER=mooring-ci
TEMPORAL_PORT=${MOORING_TEMPORAL_PORT:-7233}
TEMPORAL_UI_PORT=${MOORING_TEMPORAL_UI_PORT:-8233}
PG_PORT=${MOORING_PG_PORT:-5432}
# The run's dockerd gets a bridge of its own (never docker0, which another engine on this machine
# may own) on a subnet of its own; its containers are reached on 127.0.0.1 through published ports.
BRIDGE=${MOORING_BRIDGE:-mooringci0}
BRIDGE_ADDRESS=${MOORING_BRIDGE_ADDRESS:-10.213.77.1/24}
# Registries on the bridge (swarm mode's, which every node must reach) are plain HTTP, as on loopback.
BRIDGE_NETWORK=${BRIDGE_ADDRESS%.*}.0/${BRIDGE_ADDRESS#*/}
# Containers take their addresses from the upper half of the bridge's subnet; the lower half is for
# the hosts on it (this machine's .1, the swarm's worker node), which a container must never take.
CONTAINER_ADDRESSES=${MOORING_CONTAINER_ADDRESSES:-${BRIDGE_ADDRESS%.*}.128/25}

LOG_NAME=components
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  [ -x /usr/bin/docker-registry ] || missing+=(docker-registry)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  dpkg -s busybox-static >/dev/null 2>&1 || missing+=(busybox-static)
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  # The dashboard's browser suite: Debian's Chromium and its driver (nothing downloads a browser).
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

bridge_up() {
  if ip link show "$BRIDGE" >/dev/null 2>&1; then return; fi
  log "creating bridge $BRIDGE ($BRIDGE_ADDRESS)"
  ip link add name "$BRIDGE" type bridge
  ip addr add "$BRIDGE_ADDRESS" dev "$BRIDGE"
  ip link set "$BRIDGE" up
}

docker_up() {
  mkdir -p "$WORK/docker"
  if DOCKER_HOST=unix://$WORK/docker.sock docker info >/dev/null 2>&1; then return; fi
  bridge_up
  log "starting dockerd (bridge $BRIDGE)"
  # No iptables rules: this engine must not rewrite the chains another engine relies on. Published
  # ports go through the engine's userland proxy, and containers reach each other on the bridge.
  setsid dockerd --host "unix://$WORK/docker.sock" --data-root "$WORK/docker/data" --exec-root "$WORK/docker/exec" \
    --pidfile "$WORK/docker.pid" --bridge="$BRIDGE" --iptables=false --ip-forward=false --ip-masq=false \
    --fixed-cidr "$CONTAINER_ADDRESSES" --insecure-registry "$BRIDGE_NETWORK" </dev/null >"$WORK/dockerd.log" 2>&1 &
  wait_for 60 dockerd env DOCKER_HOST="unix://$WORK/docker.sock" docker info
}

registry_config() { # registry_config NAME PORT [htpasswd]
  local name=$1 port=$2 auth=${3:-}
  mkdir -p "$WORK/$name"
  cat >"$WORK/$name.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $WORK/$name
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
YML
  if [ -n "$auth" ]; then
    cat >>"$WORK/$name.yml" <<YML
auth:
  htpasswd:
    realm: mooring-ci
    path: $WORK/htpasswd
YML
  fi
}

registries_up() {
  if [ ! -f "$WORK/registry-password" ]; then
    head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$WORK/registry-password"
  fi
  htpasswd -Bbc "$WORK/htpasswd" "$REGISTRY_USER" "$(cat "$WORK/registry-password")" 2>/dev/null
  registry_config registry-anon "$REGISTRY_PORT"
  registry_config registry-auth "$AUTH_REGISTRY_PORT" htpasswd
  for pair in "registry-anon:$REGISTRY_PORT" "registry-auth:$AUTH_REGISTRY_PORT"; do
    local name=${pair%%:*} port=${pair##*:}
    if curl -s -o /dev/null "http://127.0.0.1:$port/v2/"; then continue; fi
    log "starting $name on 127.0.0.1:$port"
    setsid /usr/bin/docker-registry serve "$WORK/$name.yml" </dev/null >"$WORK/$name.log" 2>&1 &
    echo $! >"$WORK/$name.pid"
    wait_for 30 "$name" curl -s -o /dev/null "http://127.0.0.1:$port/v2/"
  done
}

postgres_up() {
  local version
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
    log "creating PostgreSQL cluster $version/main"
    pg_createcluster "$version" main -p "$PG_PORT" >/dev/null
  fi
  if ! pg_lsclusters -h | grep -q "^$version *main .*online"; then
    log "starting PostgreSQL $version"
    pg_ctlcluster "$version" main start
  fi
  wait_for 30 postgres su postgres -c "psql -p $PG_PORT -qAtc 'select 1'"
  su postgres -c "psql -p $PG_PORT -qAtc \"select 1 from pg_roles where rolname='mooring'\"" | grep -q 1 ||
    su postgres -c "psql -p $PG_PORT -qc \"create role mooring login password 'mooring' createdb\""
}

temporal_binary() {
  if [ -x "$TEMPORAL_BIN" ]; then return; fi
  log "building the Temporal CLI $TEMPORAL_VERSION (once; cached in $CACHE)"
  mkdir -p "$CACHE"
  GOBIN="$CACHE/gobin" go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_VERSION"
  mv "$CACHE/gobin/temporal" "$TEMPORAL_BIN"
}

temporal_up() {
  temporal_binary
  if "$TEMPORAL_BIN" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" >/dev/null 2>&1; then return; fi
  log "starting the Temporal dev server on 127.0.0.1:$TEMPORAL_PORT (UI on $TEMPORAL_UI_PORT)"
  setsid "$TEMPORAL_BIN" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
    --db-filename "$WORK/temporal.db" --log-level warn </dev/null >"$WORK/temporal.log" 2>&1 &
  echo $! >"$WORK/temporal.pid"
  wait_for 60 temporal "$TEMPORAL_BIN" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT"
}

print_env() {
  cat <<ENV
export MOORING_CI_DIR=$WORK
export MOORING_E2E_DOCKER_HOST=unix://$WORK/docker.sock
export MOORING_E2E_REGISTRY=127.0.0.1:$REGISTRY_PORT
export MOORING_E2E_AUTH_REGISTRY=127.0.0.1:$AUTH_REGISTRY_PORT
export MOORING_E2E_REGISTRY_USER=$REGISTRY_USER
export MOORING_E2E_REGISTRY_PASSWORD_FILE=$WORK/registry-password
export MOORING_E2E_TEMPORAL=127.0.0.1:$TEMPORAL_PORT
export MOORING_E2E_PG_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/
export MOORING_E2E_TEMPORAL_CLI=$TEMPORAL_BIN
export MOORING_E2E_BRIDGE=$BRIDGE
ENV
}

pg_version() { ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1; }

down() {
  # The swarm's worker first: it lives in a namespace of its own that nothing below would remove.
  "$(dirname "$0")/swarm.sh" down
  stop_pid "$WORK/temporal.pid"
  stop_pid "$WORK/registry-anon.pid"
  stop_pid "$WORK/registry-auth.pid"
  if DOCKER_HOST=unix://$WORK/docker.sock docker info >/dev/null 2>&1; then
    DOCKER_HOST=unix://$WORK/docker.sock docker ps -aq | xargs -r env DOCKER_HOST=unix://$WORK/docker.sock docker rm -f >/dev/null 2>&1 || true
  fi
  stop_pid "$WORK/docker.pid" 30
  ip link delete "$BRIDGE" type bridge 2>/dev/null || true
  if pg_lsclusters -h 2>/dev/null | grep -q "^$(pg_version) *main .*online"; then
    pg_ctlcluster "$(pg_version)" main stop -m fast
  fi
  # Whatever still runs from this folder (a containerd or shim that outlived dockerd) goes too: a
  # process left behind would outlive the CI run that started it.
  pgrep -f "$WORK/" | xargs -r kill -9 2>/dev/null || true
  # dockerd can leave mounts behind (network namespaces, overlay layers); they keep the folder busy.
  grep -o " $WORK/[^ ]*" /proc/mounts 2>/dev/null | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
}

case "${1:-up}" in
  restart-temporal)
    stop_pid "$WORK/temporal.pid"
    temporal_up
    ;;
  restart-docker)
    # A graceful daemon stop: it stops every container on the way down, as a host reboot would.
    stop_pid "$WORK/docker.pid" 30
    docker_up
    ;;
  stop-postgres) pg_ctlcluster "$(pg_version)" main stop ;;
  start-postgres) pg_ctlcluster "$(pg_version)" main start ;;
  up)
    mkdir -p "$WORK"
    install_packages
    docker_up
    registries_up
    postgres_up
    temporal_up
    log "all components are up"
    ;;
  down) down ;;
  env) print_env ;;
  *) echo "usage: $0 up|down|env|restart-temporal|restart-docker|stop-postgres|start-postgres" >&2; exit 2 ;;
esac
