#!/usr/bin/env bash
# Builds the end-to-end test images (the demo service's, demo/images) FROM scratch with Debian's
# static busybox and pushes every tag to both test registries. Nothing is pulled from the internet.
#
#   web:        1.0.0 1.1.0 1.2.0 (healthy), 1.3.0-slow-start (healthy 3 s after it starts),
#               2.0.0-broken (never healthy: no /health)
#   web-tests:  1.0.0 and latest (check the version), 1.0.1-fail (always fails), 1.0.2-slow (15 s, then checks)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
eval "$("$here/components.sh" env)"
export DOCKER_HOST=$MOORING_E2E_DOCKER_HOST
export DOCKER_CONFIG=$MOORING_CI_DIR/docker-config
export DOCKER_BUILDKIT=0
build=$MOORING_CI_DIR/image-build
mkdir -p "$DOCKER_CONFIG"

DEMO_BUILD=$build
mkdir -p "$DEMO_BUILD"
# shellcheck source=../demo/images/build.sh
source "$here/../demo/images/build.sh"

push_everywhere() { # push_everywhere LOCAL_IMAGE NAME:TAG
  for registry in "$MOORING_E2E_REGISTRY" "$MOORING_E2E_AUTH_REGISTRY"; do
    docker tag "$1" "$registry/demo/$2"
    docker push -q "$registry/demo/$2" >/dev/null
  done
}

docker login -u "$MOORING_E2E_REGISTRY_USER" --password-stdin "$MOORING_E2E_AUTH_REGISTRY" \
  <"$MOORING_E2E_REGISTRY_PASSWORD_FILE" >/dev/null 2>&1

for tag in 1.0.0 1.1.0 1.2.0 1.3.0-slow-start 2.0.0-broken; do
  build_web "$tag"
  push_everywhere "mooring-demo/web:$tag" "web:$tag"
done

for pair in 1.0.0:pass latest:pass 1.0.1-fail:fail 1.0.2-slow:slow; do
  tag=${pair%%:*}
  build_tests "$tag" "${pair##*:}"
  push_everywhere "mooring-demo/web-tests:$tag" "web-tests:$tag"
done
echo "[test-images] pushed web and web-tests tags to $MOORING_E2E_REGISTRY and $MOORING_E2E_AUTH_REGISTRY" >&2
