#!/usr/bin/env bash
# The dashboard in Debian's headless Chromium, against the JSON the same page shows fetched raw:
#   1. the services page with 1,000 services;
#   2. the deployments page over 100,000 deployment records (the newest page, one service's page,
#      and the failed ones);
# each loaded RUNS times in one logged-in browser session: first contentful paint, DOMContentLoaded
# (the deferred scripts, htmx and the dashboard's, have run: the page is interactive) and load, from
# the Performance API, the medians printed; and the page's weight (document, and every resource it
# loads). Target: interactive within 1 s. The raw alternative is the API's JSON answer for the same
# data, timed with curl. Chromium is driven through Debian's chromedriver over the WebDriver protocol
# (nothing downloads a browser). Needs the components of .ci/components.sh and the packaged jar
# (bench/components.sh sees to both); everything talks to 127.0.0.1.
set -euo pipefail
SERVICES=${SERVICES:-1000}
DEPLOYMENTS=${DEPLOYMENTS:-100000}
RUNS=${RUNS:-7}
PORT=${BENCH_PORT:-18493}
DRIVER_PORT=${BENCH_DRIVER_PORT:-18494}
run=$(date +%s)
NAMESPACE=mooring-bench-dashboard-$run
db="mooring_bench_dashboard_$run"
source "$(dirname "$0")/components.sh"
cleanup() {
  [ -n "${driver_pid:-}" ] && kill "$driver_pid" 2>/dev/null || true
  [ -n "${mooring_pid:-}" ] && kill "$mooring_pid" 2>/dev/null || true
  su postgres -c "psql -qc 'drop database if exists $db'" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

{
  echo "services:"
  for i in $(seq 0 $((SERVICES - 1))); do
    printf '  - {name: d-%04d, repository: %s/demo/web, tag: 1.0.0, replicas: 2, port: %d}\n' "$i" "$registry" $((41000 + i))
  done
} >"$work/services.yml"
start_mooring "$PORT" "$db" "$NAMESPACE" "$work/services.yml"

# 100,000 finished deployments over the services, one a minute back from now; one in twenty failed.
su postgres -c "psql -q -d $db" >/dev/null <<SQL
INSERT INTO deployment (id, username, service, tag, regression_test_version, status, phase, message, digest,
                        previous_tag, rolled_back, created_at, updated_at, caller_kind)
SELECT md5('bench' || i)::uuid, 'bench', 'd-' || lpad((i % $SERVICES)::text, 4, '0'), '1.' || (i % 40) || '.0', 'latest',
       CASE WHEN i % 20 = 0 THEN 'failed' ELSE 'successful' END, 'finished',
       'Deployment ' || CASE WHEN i % 20 = 0 THEN 'failed' ELSE 'successful' END, NULL, '1.0.0', i % 20 = 0,
       now() - make_interval(mins => i), now() - make_interval(mins => i) + interval '40 seconds', 'pipeline'
FROM generate_series(1, $DEPLOYMENTS) AS i;
ANALYZE deployment;
SQL
echo "Mooring has $SERVICES services and $(su postgres -c "psql -tA -d $db -c 'select count(*) from deployment'") deployments" >&2

chromedriver --port="$DRIVER_PORT" >"$work/chromedriver.log" 2>&1 &
driver_pid=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$DRIVER_PORT/status" && break; sleep 0.1; done

raw() { # raw PATH: the API's JSON for the same data, median of RUNS, and its size
  local times=() size=0
  for _ in $(seq 1 "$RUNS"); do
    read -r t size < <(curl -s --compressed -o /dev/null -w '%{time_total} %{size_download}\n' -H "$auth" "http://127.0.0.1:$PORT$1")
    times+=("$t")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v size="$size" '{a[NR]=$1} END {printf "%.0f ms, %.1f KB\n", a[int((NR+1)/2)]*1000, size/1024}'
}

python3 - "$PORT" "$DRIVER_PORT" "$(cat "$work/data/admin-token")" "$RUNS" "$work" \
  "$(raw /repos)" "$(raw '/service-deployment?limit=50')" "$(raw '/service-deployment?limit=50&service=d-0500')" \
  "$(raw '/service-deployment?limit=50&status=failed')" <<'PYTHON'
import json, statistics, sys, urllib.request
port, driver, token, runs, work = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
raw = dict(zip(["/", "/ui/deployments", "/ui/deployments?service=d-0500", "/ui/deployments?status=failed"], sys.argv[6:]))
root = f"http://127.0.0.1:{port}"

def webdriver(method, path, body=None):
    request = urllib.request.Request(f"http://127.0.0.1:{driver}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as answer:
        return json.loads(answer.read())["value"]

session = webdriver("POST", "/session", {"capabilities": {"alwaysMatch": {
    "browserName": "chrome", "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--window-size=1400,1000", f"--user-data-dir={work}/chromium"]}}}})["sessionId"]
def go(url): webdriver("POST", f"/session/{session}/url", {"url": url})
def script(code): return webdriver("POST", f"/session/{session}/execute/sync", {"script": code, "args": []})
def later(code): return webdriver("POST", f"/session/{session}/execute/async", {"script": code, "args": []})
try:
    go(root + "/ui/login")
    script(f"document.getElementById('token').value = {json.dumps(token)}; document.querySelector('main form').submit();")
    # Two frames after load, so the paint entries are in.
    MEASURE = """
      const done = arguments[arguments.length - 1];
      requestAnimationFrame(() => requestAnimationFrame(() => {
      const n = performance.getEntriesByType('navigation')[0];
      const paint = performance.getEntriesByType('paint').find(p => p.name === 'first-contentful-paint');
      const resources = performance.getEntriesByType('resource');
      done({fcp: paint ? paint.startTime : null, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd,
              document: n.encodedBodySize, decoded: n.decodedBodySize,
              total: n.encodedBodySize + resources.reduce((s, r) => s + r.encodedBodySize, 0),
              server: n.responseStart - n.requestStart, rows: document.querySelectorAll('tbody tr').length});
      }));"""
    print(f"{'page':30} {'rows':>5} {'server':>8} {'first paint':>12} {'interactive':>12} {'load':>8}"
          f" {'document sent (HTML)':>22} {'all sent':>9}   raw JSON API (median, size)")
    for page, label in [("/", "services, 1,000"), ("/ui/deployments", "deployments, newest 50"),
                        ("/ui/deployments?service=d-0500", "deployments of one service"),
                        ("/ui/deployments?status=failed", "failed deployments")]:
        samples = []
        for _ in range(runs):
            go(root + page)
            samples.append(later(MEASURE))
        m = lambda key: statistics.median(s[key] for s in samples if s[key] is not None)
        last = samples[-1]
        print(f"{label:30} {last['rows']:>5} {m('server'):>5.0f} ms {m('fcp'):>9.0f} ms {m('dcl'):>9.0f} ms {m('load'):>5.0f} ms"
              f" {last['document']/1024:>8.1f} KB ({last['decoded']/1024:>4.0f} KB) {last['total']/1024:>6.1f} KB   {raw[page]}")
finally:
    webdriver("DELETE", f"/session/{session}")
PYTHON
