#!/usr/bin/env bash
# Prepares everything the README's first deployment needs, on a machine with a Docker Engine
# (the one DOCKER_HOST names, else /var/run/docker.sock):
#   - a registry on 127.0.0.1:5000: one that already answers there, else Debian's docker-registry
#     (installed with apt-get when missing and run as root), else the `registry:2` image;
#   - the demo service's images, built FROM scratch with a static busybox (nothing else is pulled),
#     pushed as 127.0.0.1:5000/demo/web (1.0.0, 1.1.0, 1.2.0, 2.0.0-broken) and
#     127.0.0.1:5000/demo/web-tests (1.0.0, latest, 1.0.1-fail), which config/services.example.yml names.
# Idempotent: run it again and it only pushes again.
#
#   demo/prepare.sh         prepare
#   demo/prepare.sh stop    stop the registry this script started (its images stay in mooring-data/demo)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
PORT=${MOORING_DEMO_REGISTRY_PORT:-5000}
REGISTRY=127.0.0.1:$PORT
STATE=${MOORING_DEMO_DIR:-$PWD/mooring-data/demo}

say() { printf '[demo] %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }
answers() { curl -s -o /dev/null --max-time 2 "http://$REGISTRY/v2/"; }

stop() {
  if [ -f "$STATE/registry.pid" ] && kill "$(cat "$STATE/registry.pid")" 2>/dev/null; then
    say "stopped the registry on $REGISTRY"
  elif docker inspect mooring-demo-registry >/dev/null 2>&1; then
    docker rm -f mooring-demo-registry >/dev/null && say "removed the mooring-demo-registry container"
  else
    say "no registry of this script runs"
  fi
  rm -f "$STATE/registry.pid"
}

registry_up() {
  if answers; then say "using the registry that answers on $REGISTRY"; return; fi
  if [ ! -x /usr/bin/docker-registry ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's docker-registry"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry >/dev/null
    # Debian starts it as a service on 127.0.0.1:5000 where systemd runs; this script starts its own otherwise.
    sleep 1
    if answers; then say "using Debian's docker-registry service on $REGISTRY"; return; fi
  fi
  mkdir -p "$STATE/registry"
  if [ -x /usr/bin/docker-registry ]; then
    cat >"$STATE/registry.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE/registry
http:
  addr: $REGISTRY
YML
    say "starting docker-registry on $REGISTRY (data in $STATE/registry)"
    setsid /usr/bin/docker-registry serve "$STATE/registry.yml" </dev/null >"$STATE/registry.log" 2>&1 &
    echo $! >"$STATE/registry.pid"
  else
    say "starting the registry:2 image on $REGISTRY (pulled from Docker Hub)"
    docker run -d --name mooring-demo-registry -p "$REGISTRY:5000" -v "$STATE/registry:/var/lib/registry" \
      registry:2 >/dev/null || fail "no registry: install Debian's docker-registry, or let Docker pull registry:2"
  fi
  for _ in $(seq 1 50); do answers && return; sleep 0.2; done
  fail "the registry on $REGISTRY did not answer; see $STATE/registry.log"
}

busybox_ready() {
  # shellcheck source=images/build.sh
  source demo/images/build.sh
  if [ -z "$(demo_busybox)" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's busybox-static (the images are FROM scratch with it)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends busybox-static >/dev/null
  fi
  [ -n "$(demo_busybox)" ] || fail "no statically linked busybox: install busybox-static (Debian, Ubuntu) or busybox-static (Fedora)"
}

case "${1:-prepare}" in
  stop) stop; exit 0 ;;
  prepare) ;;
  *) fail "usage: demo/prepare.sh [prepare|stop]" ;;
esac

command -v docker >/dev/null || fail "no docker command: install Docker Engine (Debian: apt-get install docker.io)"
docker info >/dev/null 2>&1 || fail "no Docker Engine answers at ${DOCKER_HOST:-unix:///var/run/docker.sock}: start it, or set DOCKER_HOST"
command -v curl >/dev/null || fail "no curl: install it (Debian: apt-get install curl)"
mkdir -p "$STATE"
busybox_ready
registry_up
DEMO_BUILD=$STATE/build
mkdir -p "$DEMO_BUILD"
for tag in 1.0.0 1.1.0 1.2.0 2.0.0-broken; do
  build_web "$tag"
  docker tag "mooring-demo/web:$tag" "$REGISTRY/demo/web:$tag"
  docker push -q "$REGISTRY/demo/web:$tag" >/dev/null
done
for pair in 1.0.0:pass latest:pass 1.0.1-fail:fail; do
  tag=${pair%%:*}
  build_tests "$tag" "${pair##*:}"
  docker tag "mooring-demo/web-tests:$tag" "$REGISTRY/demo/web-tests:$tag"
  docker push -q "$REGISTRY/demo/web-tests:$tag" >/dev/null
done
say "pushed $REGISTRY/demo/web (1.0.0 1.1.0 1.2.0 2.0.0-broken) and $REGISTRY/demo/web-tests (1.0.0 latest 1.0.1-fail) in $(( $(date +%s) - started )) s"
say "next: MOORING_SERVICES_FILE=config/services.example.yml MOORING_REGISTRY_DEFAULT_REGISTRY=$REGISTRY ./mvnw -q -pl api -am spring-boot:run"
