#!/usr/bin/env bash
# A two-node Docker Swarm on one machine, for swarm mode's end-to-end suite and for anyone who wants
# to try swarm mode on a laptop. The run's dockerd (components.sh) is the manager; a second dockerd
# runs in a network namespace of the run's own, reached through a veth pair on the run's bridge,
# and joins as a worker. Both nodes pull from a registry served on the bridge's address.
# Every name, address and folder is the run's own; the machine's interfaces, routes and firewall
# are left as they are.
#
#   .ci/swarm.sh up      start the worker and form the swarm (components.sh up first)
#   .ci/swarm.sh down    dissolve the swarm and stop what 'up' started
#   .ci/swarm.sh env     print the environment variables that point at the swarm
set -euo pipefail

WORK=${MOORING_CI_DIR:-/tmp/mooring-ci}
BRIDGE=${MOORING_BRIDGE:-mooringci0}
BRIDGE_ADDRESS=${MOORING_BRIDGE_ADDRESS:-10.213.77.1/24}
MANAGER=${BRIDGE_ADDRESS%/*}
PREFIX=${BRIDGE_ADDRESS#*/}
WORKER=${MOORING_WORKER_ADDRESS:-${MANAGER%.*}.2}
NETNS=${MOORING_WORKER_NETNS:-mooringci-w1}
VETH_BRIDGE=${NETNS}b
VETH_WORKER=${NETNS}n
# Networks Swarm makes for itself (ingress) come from a pool of the run's own, not 10.0.0.0/8.
ADDRESS_POOL=${MOORING_SWARM_POOL:-10.213.96.0/20}
SWARM_REGISTRY_PORT=${MOORING_SWARM_REGISTRY_PORT:-5002}
LOCAL_REGISTRY=127.0.0.1:${MOORING_REGISTRY_PORT:-5000}
MANAGER_SOCK=unix://$WORK/docker.sock
WORKER_SOCK=unix://$WORK/worker/docker.sock

LOG_NAME=swarm
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

manager() { DOCKER_HOST=$MANAGER_SOCK docker "$@"; }
worker() { DOCKER_HOST=$WORKER_SOCK docker "$@"; }

namespace_up() {
  if ip netns list | grep -qw "$NETNS"; then return; fi
  log "creating network namespace $NETNS ($WORKER on $BRIDGE)"
  ip netns add "$NETNS"
  ip link add "$VETH_BRIDGE" type veth peer name "$VETH_WORKER"
  ip link set "$VETH_WORKER" netns "$NETNS"
  ip link set "$VETH_BRIDGE" master "$BRIDGE"
  ip link set "$VETH_BRIDGE" up
  ip netns exec "$NETNS" ip addr add "$WORKER/$PREFIX" dev "$VETH_WORKER"
  ip netns exec "$NETNS" ip link set "$VETH_WORKER" up
  ip netns exec "$NETNS" ip link set lo up
}

worker_up() {
  mkdir -p "$WORK/worker"
  if worker info >/dev/null 2>&1; then return; fi
  log "starting the worker's dockerd in $NETNS"
  # Its default bridge lives inside the namespace; no iptables rules, as for the manager. A host
  # name of its own (in a UTS namespace of its own: the machine's stays as it is), so the nodes of
  # the swarm, and the containers that name them, can be told apart.
  setsid nsenter --net="/var/run/netns/$NETNS" unshare --uts sh -c "hostname $NETNS && exec dockerd \
    --host $WORKER_SOCK --data-root $WORK/worker/data --exec-root $WORK/worker/exec \
    --pidfile $WORK/worker/docker.pid --iptables=false --ip-forward=false --ip-masq=false \
    --insecure-registry ${MANAGER%.*}.0/$PREFIX" </dev/null >"$WORK/worker/dockerd.log" 2>&1 &
  wait_for 60 "the worker's dockerd" worker info
}

registry_up() {
  if curl -s -o /dev/null "http://$MANAGER:$SWARM_REGISTRY_PORT/v2/"; then return; fi
  mkdir -p "$WORK/registry-swarm"
  cat >"$WORK/registry-swarm.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $WORK/registry-swarm
  delete:
    enabled: true
http:
  addr: $MANAGER:$SWARM_REGISTRY_PORT
YML
  log "starting the swarm's registry on $MANAGER:$SWARM_REGISTRY_PORT"
  setsid /usr/bin/docker-registry serve "$WORK/registry-swarm.yml" </dev/null >"$WORK/registry-swarm.log" 2>&1 &
  echo $! >"$WORK/registry-swarm.pid"
  wait_for 30 "the swarm's registry" curl -s -o /dev/null "http://$MANAGER:$SWARM_REGISTRY_PORT/v2/"
}

swarm_up() {
  if [ "$(manager info --format '{{.Swarm.LocalNodeState}}')" != active ]; then
    log "forming the swarm: manager $MANAGER"
    manager swarm init --advertise-addr "$MANAGER" --listen-addr "$MANAGER:2377" \
      --default-addr-pool "$ADDRESS_POOL" >/dev/null
  fi
  if [ "$(worker info --format '{{.Swarm.LocalNodeState}}')" != active ]; then
    log "joining the worker: $WORKER"
    worker swarm join --token "$(manager swarm join-token -q worker)" --advertise-addr "$WORKER" \
      --listen-addr "$WORKER:2377" "$MANAGER:2377"
  fi
  wait_for 60 "both nodes ready" sh -c \
    "[ \$(DOCKER_HOST=$MANAGER_SOCK docker node ls --format '{{.Status}}' | grep -c Ready) -eq 2 ]"
}

images_up() { # the demo images the swarm suite runs, from the run's registry to the swarm's
  local image
  for image in demo/web:1.0.0 demo/web:1.1.0; do
    if manager image inspect "$LOCAL_REGISTRY/$image" >/dev/null 2>&1; then
      manager tag "$LOCAL_REGISTRY/$image" "$MANAGER:$SWARM_REGISTRY_PORT/$image"
      manager push -q "$MANAGER:$SWARM_REGISTRY_PORT/$image" >/dev/null
    fi
  done
}

print_env() {
  cat <<ENV
export MOORING_E2E_SWARM_MANAGER=$MANAGER_SOCK
export MOORING_E2E_SWARM_WORKER=$WORKER_SOCK
export MOORING_E2E_SWARM_REGISTRY=$MANAGER:$SWARM_REGISTRY_PORT
export MOORING_E2E_SWARM_NODES=$MANAGER,$WORKER
ENV
}

down() {
  if worker info >/dev/null 2>&1; then
    worker ps -aq | xargs -r env DOCKER_HOST="$WORKER_SOCK" docker rm -f >/dev/null 2>&1 || true
    worker swarm leave --force >/dev/null 2>&1 || true
  fi
  stop_pid "$WORK/worker/docker.pid" 30
  if manager info >/dev/null 2>&1; then
    manager service ls -q 2>/dev/null | xargs -r env DOCKER_HOST="$MANAGER_SOCK" docker service rm >/dev/null 2>&1 || true
    manager swarm leave --force >/dev/null 2>&1 || true
  fi
  stop_pid "$WORK/registry-swarm.pid"
  # The veth pair goes with the namespace.
  if ip netns list | grep -qw "$NETNS"; then ip netns delete "$NETNS"; fi
  ip link delete "$VETH_BRIDGE" 2>/dev/null || true
  grep -o " $WORK/worker[^ ]*" /proc/mounts 2>/dev/null | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
}

case "${1:-up}" in
  up)
    namespace_up
    worker_up
    registry_up
    swarm_up
    images_up
    log "two nodes: manager $MANAGER, worker $WORKER; registry $MANAGER:$SWARM_REGISTRY_PORT"
    ;;
  down) down ;;
  env) print_env ;;
  *) echo "usage: $0 up|down|env" >&2; exit 2 ;;
esac
