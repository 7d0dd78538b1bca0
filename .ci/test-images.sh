#!/usr/bin/env bash
# Builds the end-to-end test images FROM scratch with Debian's static busybox and pushes every tag
# to both test registries. Nothing is pulled from the internet.
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

rootfs() { # rootfs DIR: a minimal root with busybox and the applets the images use
  rm -rf "$1"; mkdir -p "$1/bin"
  cp /bin/busybox "$1/bin/busybox"
  for applet in sh httpd wget cat sleep echo kill; do ln -s busybox "$1/bin/$applet"; done
}

push_everywhere() { # push_everywhere LOCAL_IMAGE NAME:TAG
  for registry in "$MOORING_E2E_REGISTRY" "$MOORING_E2E_AUTH_REGISTRY"; do
    docker tag "$1" "$registry/demo/$2"
    docker push -q "$registry/demo/$2" >/dev/null
  done
}

docker login -u "$MOORING_E2E_REGISTRY_USER" --password-stdin "$MOORING_E2E_AUTH_REGISTRY" \
  <"$MOORING_E2E_REGISTRY_PASSWORD_FILE" >/dev/null 2>&1

for tag in 1.0.0 1.1.0 1.2.0 1.3.0-slow-start 2.0.0-broken; do
  dir=$build/web-$tag
  rootfs "$dir/rootfs"; mkdir -p "$dir/rootfs/www"
  echo "$tag" >"$dir/rootfs/www/version"
  [ "$tag" = 2.0.0-broken ] || echo ok >"$dir/rootfs/www/health"
  cp "$here/images/web/Dockerfile" "$dir/"
  [ "$tag" != 1.3.0-slow-start ] || echo "ENV STARTUP_DELAY=3" >>"$dir/Dockerfile"
  docker build -q -t "mooring-test/web:$tag" "$dir" >/dev/null 2>"$build/build.log" || { cat "$build/build.log"; exit 1; }
  push_everywhere "mooring-test/web:$tag" "web:$tag"
done

for pair in 1.0.0:pass latest:pass 1.0.1-fail:fail 1.0.2-slow:slow; do
  tag=${pair%%:*} mode=${pair##*:}
  dir=$build/web-tests-$tag
  rootfs "$dir/rootfs"
  cp "$here/images/web-tests/run-tests" "$dir/rootfs/run-tests"
  { cat "$here/images/web-tests/Dockerfile"; echo "ENV MODE=$mode"; } >"$dir/Dockerfile"
  docker build -q -t "mooring-test/web-tests:$tag" "$dir" >/dev/null 2>"$build/build.log" || { cat "$build/build.log"; exit 1; }
  push_everywhere "mooring-test/web-tests:$tag" "web-tests:$tag"
done
echo "[test-images] pushed web and web-tests tags to $MOORING_E2E_REGISTRY and $MOORING_E2E_AUTH_REGISTRY" >&2
