# Builds the demo service's images FROM scratch with a static busybox: nothing is pulled. Sourced by
# demo/prepare.sh (a first deployment) and .ci/test-images.sh (the end-to-end suite).
#
#   build_web TAG      mooring-demo/web:TAG, serving TAG at /version and /health on $PORT
#                      (2.0.0-broken never answers /health; 1.3.0-slow-start answers after 3 s)
#   build_tests TAG MODE   mooring-demo/web-tests:TAG: pass (checks the version), fail, or slow (15 s, then checks)
# Needs DEMO_BUILD (a scratch folder) set, and docker reaching an engine.

DEMO_IMAGES=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

demo_busybox() { # the path of a statically linked busybox, or nothing
  local candidate
  for candidate in /bin/busybox /usr/bin/busybox; do
    if [ -x "$candidate" ] && ! ldd "$candidate" >/dev/null 2>&1; then echo "$candidate"; return; fi
  done
}

demo_rootfs() { # demo_rootfs DIR: a minimal root with busybox and the applets the images use
  rm -rf "$1"; mkdir -p "$1/bin"
  cp "$(demo_busybox)" "$1/bin/busybox"
  for applet in sh httpd wget cat sleep echo kill; do ln -s busybox "$1/bin/$applet"; done
}

demo_build() { # demo_build DIR IMAGE
  DOCKER_BUILDKIT=0 docker build -q -t "$2" "$1" >/dev/null 2>"$DEMO_BUILD/build.log" \
    || { cat "$DEMO_BUILD/build.log" >&2; return 1; }
}

build_web() {
  local tag=$1 dir=$DEMO_BUILD/web-$1
  demo_rootfs "$dir/rootfs"; mkdir -p "$dir/rootfs/www"
  echo "$tag" >"$dir/rootfs/www/version"
  [ "$tag" = 2.0.0-broken ] || echo ok >"$dir/rootfs/www/health"
  cp "$DEMO_IMAGES/web/Dockerfile" "$dir/"
  [ "$tag" != 1.3.0-slow-start ] || echo "ENV STARTUP_DELAY=3" >>"$dir/Dockerfile"
  demo_build "$dir" "mooring-demo/web:$tag"
}

build_tests() {
  local tag=$1 mode=$2 dir=$DEMO_BUILD/web-tests-$1
  demo_rootfs "$dir/rootfs"
  cp "$DEMO_IMAGES/web-tests/run-tests" "$dir/rootfs/run-tests"
  { cat "$DEMO_IMAGES/web-tests/Dockerfile"; echo "ENV MODE=$mode"; } >"$dir/Dockerfile"
  demo_build "$dir" "mooring-demo/web-tests:$tag"
}
