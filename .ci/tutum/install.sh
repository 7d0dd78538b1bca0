#!/usr/bin/env bash
# CI: installs Tutum's own Python SDK (python-tutum from PyPI, pinned) into a virtualenv kept between
# runs, and prints the virtualenv's python. python-tutum pins 2015's requests, which no longer
# imports on Python 3.10+, so it is installed without its pins beside current versions of what it
# uses; the one shim it then needs lives in drive-lifecycle.py.
set -euo pipefail
CACHE=${MOORING_CACHE_DIR:-$HOME/.cache/mooring}
VENV=$CACHE/tutum-venv
PINS="python-tutum==0.21.2 requests==2.32.3 six==1.17.0 future==1.0.0 websocket-client==0.59.0"

if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "[tutum] installing python3-venv" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
fi
if [ "$(cat "$VENV/.pins" 2>/dev/null)" != "$PINS" ]; then
  echo "[tutum] installing $PINS into $VENV" >&2
  rm -rf "$VENV"
  mkdir -p "$CACHE"
  python3 -m venv "$VENV"
  # pip's resolver complains that these are not python-tutum's pins: that is the point, so its
  # output is shown only when an install fails.
  pip_log=$CACHE/tutum-pip.log
  # shellcheck disable=SC2086
  if ! { "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps python-tutum==0.21.2 &&
         "$VENV/bin/pip" install -q --disable-pip-version-check ${PINS#python-tutum==0.21.2 }; } >"$pip_log" 2>&1; then
    cat "$pip_log" >&2
    exit 1
  fi
  "$VENV/bin/python" -c 'import tutum' >&2
  echo "$PINS" >"$VENV/.pins"
fi
echo "$VENV/bin/python"
