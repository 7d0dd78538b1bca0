#!/usr/bin/env bash
# The registry watcher at scale, against the raw alternative:
#   1. one full poll cycle over 1,000 watched repositories (one image pushed under 1,000 names, a
#      service each), against a script reading the same 1,000 tag lists 16 at a time;
#   2. registry requests in a cycle where nothing changed, counted in the registry's access log
#      (target: exactly one per repository);
#   3. from pushing a new tag to the automatic deployment being admitted, for a service read every
#      INTERVAL seconds (target: at most INTERVAL + 1 s), against the interval itself (a cron job);
#   4. GET /images/... for a repository with 10,000 tags, p50 and p99 from the tag cache, against
#      reading the tag list from the registry each time.
# Needs the components of .ci/components.sh and the packaged jar (bench/components.sh sees to both).
# Everything talks to 127.0.0.1. Tags are pushed with the registry's own API (cross-repository blob
# mounts and manifest PUTs), so 11,000 tags take seconds rather than 11,000 docker pushes.
set -euo pipefail
REPOSITORIES=${REPOSITORIES:-1000}
MANY_TAGS=${MANY_TAGS:-10000}
INTERVAL=${INTERVAL:-5}
REQUESTS=${REQUESTS:-500}
PORT=${BENCH_PORT:-18492}
NAMESPACE=mooring-bench-watch-$$
source "$(dirname "$0")/components.sh"
db=""
cleanup() {
  [ -n "${mooring_pid:-}" ] && kill "$mooring_pid" 2>/dev/null || true
  docker ps -aq --filter label=mooring.service | xargs -r docker rm -f >/dev/null 2>&1 || true
  [ -z "$db" ] || su postgres -c "psql -qc 'drop database if exists $db'" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
access_log=$MOORING_CI_DIR/registry-anon.log
run=$(date +%s)
prefix="bench$run"

# --- 1,000 repositories and one of 10,000 tags, by the registry's API -----------------------------
python3 - "$registry" "$prefix" "$REPOSITORIES" "$MANY_TAGS" <<'EOF'
import json, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor
registry, prefix, repositories, many = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
MANIFEST = "application/vnd.docker.distribution.manifest.v2+json"
def call(method, path, body=None, headers=None):
    request = urllib.request.Request(f"http://{registry}{path}", data=body, method=method, headers=headers or {})
    with urllib.request.urlopen(request) as answer:
        return answer.read(), answer.headers
body, headers = call("GET", "/v2/demo/web/manifests/1.0.0", headers={"Accept": MANIFEST})
manifest = json.loads(body)
blobs = [manifest["config"]["digest"]] + [layer["digest"] for layer in manifest["layers"]]
def publish(name, tags, mount=True):
    for blob in blobs if mount else []:
        call("POST", f"/v2/{name}/blobs/uploads/?mount={blob}&from=demo/web", b"")
    for tag in tags:
        call("PUT", f"/v2/{name}/manifests/{tag}", body, {"Content-Type": MANIFEST})
with ThreadPoolExecutor(16) as pool:
    list(pool.map(lambda i: publish(f"{prefix}/r-{i:04d}", ["1.0.0"]), range(repositories)))
    publish(f"{prefix}/many", ["1.0.0"])
    # Mounted once above: side by side, mounts into one repository race and come back as uploads.
    list(pool.map(lambda chunk: publish(f"{prefix}/many", [f"1.{chunk}.{p}" for p in range(100)], False),
                  range(many // 100)))
EOF
echo "pushed $REPOSITORIES repositories and $MANY_TAGS tags of $prefix/many" >&2

# --- Mooring, real mode, in a Temporal namespace and a database of its own -----------------------
db="mooring_bench_watch_$run"
su postgres -c "psql -qc 'create database $db owner mooring'" >/dev/null
"$MOORING_E2E_TEMPORAL_CLI" operator namespace create --address "$MOORING_E2E_TEMPORAL" -n "$NAMESPACE" >/dev/null 2>&1
for _ in $(seq 1 150); do  # a new namespace takes a few seconds to reach the frontend's cache
  "$MOORING_E2E_TEMPORAL_CLI" workflow list --address "$MOORING_E2E_TEMPORAL" -n "$NAMESPACE" --limit 1 \
    >/dev/null 2>&1 && break
  sleep 0.2
done
{
  echo "services:"
  echo "  - {name: watched, repository: $registry/$prefix/up, tag: 1.0.0, replicas: 1, port: 39990, health-path: /health}"
  for i in $(seq 0 $((REPOSITORIES - 1))); do
    printf '  - {name: r-%04d, repository: %s/%s/r-%04d, tag: 1.0.0, replicas: 1, port: %d}\n' \
      "$i" "$registry" "$prefix" "$i" $((40000 + i))
  done
} >"$work/services.yml"
python3 - "$registry" "$prefix" <<'EOF'
import json, sys, urllib.request
registry, prefix = sys.argv[1], sys.argv[2]
M = "application/vnd.docker.distribution.manifest.v2+json"
def call(method, path, body=None, headers=None):
    with urllib.request.urlopen(urllib.request.Request(f"http://{registry}{path}", data=body, method=method,
                                                       headers=headers or {})) as answer:
        return answer.read()
body = call("GET", "/v2/demo/web/manifests/1.0.0", headers={"Accept": M})
for blob in [json.loads(body)["config"]["digest"]] + [l["digest"] for l in json.loads(body)["layers"]]:
    call("POST", f"/v2/{prefix}/up/blobs/uploads/?mount={blob}&from=demo/web", b"")
call("PUT", f"/v2/{prefix}/up/manifests/1.0.0", body, {"Content-Type": M})
EOF
MOORING_DATA_DIR=$work/data MOORING_SERVICES_FILE=$work/services.yml MOORING_RUNTIME_DOCKER_HOST=$DOCKER_HOST \
  MOORING_REGISTRY_DEFAULT_REGISTRY=$registry MOORING_REGISTRY_ALLOWED_HOSTS=$registry SERVER_PORT=$PORT \
  SPRING_TEMPORAL_TEST_SERVER_ENABLED=false SPRING_TEMPORAL_CONNECTION_TARGET=$MOORING_E2E_TEMPORAL \
  SPRING_TEMPORAL_NAMESPACE=$NAMESPACE \
  SPRING_DATASOURCE_URL="${MOORING_E2E_PG_URL}$db" SPRING_DATASOURCE_USERNAME=mooring SPRING_DATASOURCE_PASSWORD=mooring \
  java -jar api/target/mooring.jar >"$work/mooring.log" 2>&1 &
mooring_pid=$!
for _ in $(seq 1 1200); do
  [ -s "$work/data/admin-token" ] && curl -s -o /dev/null "http://127.0.0.1:$PORT/ping/" && break
  kill -0 "$mooring_pid" 2>/dev/null || { cat "$work/mooring.log" >&2; echo "Mooring did not start" >&2; exit 1; }
  sleep 0.1
done
auth="Authorization: Bearer $(cat "$work/data/admin-token")"
api() { # api METHOD PATH [BODY]
  curl -s -X "$1" "http://127.0.0.1:$PORT$2" -H "$auth" -H 'Content-Type: application/json' ${3:+-d "$3"}
}
tag_reads() { grep -c "GET /v2/$prefix/r-[0-9]*/tags/list" "$access_log" || true; }
requests_for_fleet() { grep -c "/v2/$prefix/r-" "$access_log" || true; }
settled_reads() { # settled_reads AT_LEAST: waits until that many reads are logged and no more come for 3 s
  local now last=-1
  for _ in $(seq 1 1200); do
    now=$(tag_reads)
    if [ "$now" -ge "$1" ] && [ "$now" -eq "$last" ]; then echo "$now"; return 0; fi
    last=$now; sleep 3
  done
  echo "the watcher did not read $1 repositories" >&2; exit 1
}

# --- 1 and 2: a full cycle, and the requests of a cycle where nothing changed ---------------------
before=$(tag_reads)
first=$(settled_reads $((before + REPOSITORIES)))
fleet_before=$(requests_for_fleet)
echo "first cycle read $((first - before)) repositories (new tags cached); waiting for the next, unchanged one" >&2
settled_reads $((first + REPOSITORIES)) >/dev/null
cycle_requests=$(( $(requests_for_fleet) - fleet_before ))
# The cycle's wall time from the watcher's own history: the reads of the last cycle that read them all.
cycle_ms=$("$MOORING_E2E_TEMPORAL_CLI" workflow show --workflow-id registry-watch --address "$MOORING_E2E_TEMPORAL" \
  -n "$NAMESPACE" -o json | python3 -c '
import json, sys, base64
from datetime import datetime
events = json.load(sys.stdin)["events"]
def when(e):
    seconds, _, fraction = e["eventTime"].rstrip("Z").partition(".")
    return datetime.fromisoformat(seconds + "." + (fraction + "000000")[:6] + "+00:00")
scheduled, cycles, current = {}, [], None
for e in events:
    if "activityTaskScheduledEventAttributes" in e:
        name = e["activityTaskScheduledEventAttributes"]["activityType"]["name"]
        scheduled[e["eventId"]] = (name, when(e))
        if name == "TagPollPollDue" and current is None:
            current = [when(e), None, 0]
        if name != "TagPollPollDue" and current is not None:
            cycles.append(current); current = None
    if "activityTaskCompletedEventAttributes" in e:
        a = e["activityTaskCompletedEventAttributes"]
        name, _ = scheduled[a["scheduledEventId"]]
        if name == "TagPollPollDue" and current is not None:
            current[1] = when(e)
            current[2] += json.loads(base64.b64decode(a["result"]["payloads"][0]["data"]))["polled"]
full = [c for c in cycles if c[2] >= int(sys.argv[1])]
print(int((full[-1][1] - full[-1][0]).total_seconds() * 1000))
' "$REPOSITORIES")
raw_start=$(now_ms)
seq -f "$prefix/r-%04g" 0 $((REPOSITORIES - 1)) | xargs -P 16 -I{} curl -s -o /dev/null "http://$registry/v2/{}/tags/list?n=1000"
raw_ms=$(( $(now_ms) - raw_start ))

# --- 3: push to admitted ---------------------------------------------------------------------------
deployed=$(api PUT /service-image-tag/watched '{"tag": "1.0.0"}')
grep -q statusLink <<<"$deployed" || { echo "could not deploy the watched service: $deployed" >&2; exit 1; }
for _ in $(seq 1 600); do api GET "/service-deployment?service=watched" | grep -q '"status":"running"' || break; sleep 0.2; done
api POST /tags/watched "{\"auto_deploy\": true, \"poll_interval_seconds\": $INTERVAL}" >/dev/null
sleep $((INTERVAL + 2))   # a read or two of the unchanged repository first, so the push lands mid-interval
push_ms=$(now_ms)
python3 - "$registry" "$prefix" <<'EOF'
import sys, urllib.request
registry, prefix = sys.argv[1], sys.argv[2]
M = "application/vnd.docker.distribution.manifest.v2+json"
with urllib.request.urlopen(urllib.request.Request(f"http://{registry}/v2/demo/web/manifests/1.1.0",
                                                   headers={"Accept": M})) as answer:
    body = answer.read()
import json
for blob in [json.loads(body)["config"]["digest"]] + [l["digest"] for l in json.loads(body)["layers"]]:
    urllib.request.urlopen(urllib.request.Request(f"http://{registry}/v2/{prefix}/up/blobs/uploads/?mount={blob}&from=demo/web",
                                                  data=b"", method="POST")).read()
urllib.request.urlopen(urllib.request.Request(f"http://{registry}/v2/{prefix}/up/manifests/1.1.0", data=body,
                                              method="PUT", headers={"Content-Type": M})).read()
EOF
admitted_ms=""
for _ in $(seq 1 1200); do
  created=$(api GET "/service-deployment?service=watched" | python3 -c '
import json, sys
from datetime import datetime
for d in json.load(sys.stdin):
    if d["username"] == "registry-watcher" and d["tag"] == "1.1.0":
        print(int(datetime.fromisoformat(d["createdAt"].replace("Z", "+00:00")).timestamp() * 1000)); break')
  if [ -n "$created" ]; then admitted_ms=$((created - push_ms)); break; fi
  sleep 0.1
done
[ -n "$admitted_ms" ] || { echo "the push was never deployed" >&2; exit 1; }

# --- 4: GET /images for 10,000 tags ----------------------------------------------------------------
latencies() { # latencies URL [HEADER]: REQUESTS sequential requests, prints p50 p99 in ms
  python3 - "$REQUESTS" "$@" <<'EOF'
import re, sys, time, urllib.parse, urllib.request
count, url = int(sys.argv[1]), sys.argv[2]
headers = {"Authorization": sys.argv[3]} if len(sys.argv) > 3 else {}
samples = []
for i in range(count + 20):
    started = time.perf_counter()
    page = url
    while page:  # a registry's list comes in pages: the raw side reads them all, as Mooring's cache holds them all
        with urllib.request.urlopen(urllib.request.Request(page, headers=headers)) as answer:
            answer.read()
            assert answer.status == 200, answer.status
            link = re.search(r'<([^>]+)>;\s*rel="?next', answer.headers.get("Link") or "")
            page = urllib.parse.urljoin(url, link.group(1)) if link else None
    if i >= 20:  # the first ones warm the cache (and, for Mooring, read the image once)
        samples.append((time.perf_counter() - started) * 1000)
samples.sort()
print(f"{samples[len(samples) // 2]:.1f} {samples[int(len(samples) * 0.99) - 1]:.1f}")
EOF
}
read -r images_p50 images_p99 < <(latencies "http://127.0.0.1:$PORT/images/$prefix/many/1.0.0?strategy=major" "${auth#Authorization: }")
read -r raw_p50 raw_p99 < <(latencies "http://$registry/v2/$prefix/many/tags/list?n=100000")

printf '\n%-58s %12s %12s\n' "registry watcher ($REPOSITORIES repositories)" "Mooring" "raw"
printf '%-58s %10s ms %10s ms\n' "one full poll cycle (raw: a script, 16 reads at a time)" "$cycle_ms" "$raw_ms"
printf '%-58s %12s %12s\n' "registry requests in a cycle where nothing changed" "$cycle_requests" "$REPOSITORIES"
printf '%-58s %10s ms %10s ms\n' "push to deployment admitted (raw: the interval itself)" "$admitted_ms" "$((INTERVAL * 1000))"
printf '%-58s %10s ms %10s ms\n' "GET /images, $MANY_TAGS tags, p50 (raw: the registry's list)" "$images_p50" "$raw_p50"
printf '%-58s %10s ms %10s ms\n' "GET /images, $MANY_TAGS tags, p99" "$images_p99" "$raw_p99"
