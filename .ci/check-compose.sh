#!/usr/bin/env bash
# Validates docker-compose.yml against the Compose schema with Debian's docker-compose. Images
# cannot be pulled here, so nothing is started; which settings Mooring reads from the file is
# checked by ComposeFileTest in the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v docker-compose >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi
POSTGRES_PASSWORD=only-for-validation docker-compose -f docker-compose.yml config -q
echo "[compose] docker-compose.yml is valid"
