#!/usr/bin/env bash
# Pass-through throughput and latency through the proxy versus direct, and routed revoke calls per
# second, against a fast upstream stub on loopback, side by side in one run. Needs wrk.
#   legacy-proxy/bench/proxy-bench.sh [DURATION] [CONNECTIONS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
duration="${1:-20s}"
connections="${2:-64}"
stub_port=18080
proxy_port=18787

cd "$root"
./mvnw -q -B -pl legacy-proxy -am package -DskipTests >&2
jar="$(ls legacy-proxy/target/regshift-legacy-proxy-*-all.jar)"
cp_file="$(mktemp)"
./mvnw -q -B -pl legacy-proxy dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2

java -cp "$(cat "$cp_file")" "$here/UpstreamStub.java" "$stub_port" > /tmp/regshift-bench-stub.log 2>&1 &
stub=$!
# The access log stays on, as in production; it goes to a file.
java -jar "$jar" --listen "127.0.0.1:$proxy_port" --upstream "http://127.0.0.1:$stub_port/client/v4" \
  > /tmp/regshift-bench-proxy.out 2> /tmp/regshift-bench-proxy.log &
proxy=$!
trap 'kill "$proxy" "$stub" 2>/dev/null || true; rm -f "$cp_file"' EXIT
until curl -sf "http://127.0.0.1:$stub_port/client/v4/zones" > /dev/null \
    && curl -sf "http://127.0.0.1:$proxy_port/__regshift/health" > /dev/null; do
  sleep 0.2
done

direct="http://127.0.0.1:$stub_port/client/v4/zones?per_page=50"
proxied="http://127.0.0.1:$proxy_port/client/v4/zones?per_page=50"
revoke="http://127.0.0.1:$proxy_port/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/devices/revoke"
replacement="http://127.0.0.1:$stub_port/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/devices/registrations/revoke?id=f174e90a-fafe-4643-bbbc-4a0ed4fc8415"

run() { echo "== $1"; shift; wrk --latency "$@"; echo; }

# CPU time a process has used, in clock ticks (utime + stime in /proc/PID/stat).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# cost LABEL WRK-ARGS...: one wrk run, and the CPU the stub and the proxy spent per request in it,
# in microseconds (from /proc, so it does not depend on how the two vCPUs were shared).
cost() {
  local label="$1" s0 p0 out n hz
  shift
  hz="$(getconf CLK_TCK)"
  s0="$(ticks "$stub")"; p0="$(ticks "$proxy")"
  out="$(wrk "$@")"
  n="$(awk '/requests in/ {print $1}' <<<"$out")"
  awk -v l="$label" -v n="$n" -v hz="$hz" -v s="$(( $(ticks "$stub") - s0 ))" -v p="$(( $(ticks "$proxy") - p0 ))" \
    'BEGIN { printf "== %s: %d requests; CPU per request: stub %.1f us, proxy %.1f us\n", l, n, s / hz * 1e6 / n, p / hz * 1e6 / n }'
}

echo "# warm-up, until the JIT has settled (not reported)"
for _ in 1 2 3; do
  wrk -t2 -c"$connections" -d10s "$direct" > /dev/null
  wrk -t2 -c"$connections" -d10s "$proxied" > /dev/null
  wrk -t2 -c"$connections" -d10s -s "$here/revoke.lua" "$revoke" > /dev/null
done

for round in 1 2 3; do
  run "round $round: direct, $connections connections" -t2 -c"$connections" -d"$duration" "$direct"
  run "round $round: through the proxy, $connections connections" -t2 -c"$connections" -d"$duration" "$proxied"
done
for round in 1 2; do
  run "round $round: direct, 1 connection" -t1 -c1 -d"$duration" "$direct"
  run "round $round: through the proxy, 1 connection" -t1 -c1 -d"$duration" "$proxied"
done
run "replacement call direct to the stub, $connections connections" -t2 -c"$connections" -d"$duration" -s "$here/replacement.lua" "$replacement"
run "routed revoke through the proxy, $connections connections" -t2 -c"$connections" -d"$duration" -s "$here/revoke.lua" "$revoke"
run "routed revoke through the proxy, 1 connection" -t1 -c1 -d"$duration" -s "$here/revoke.lua" "$revoke"

echo "# CPU per request, $connections connections"
for round in 1 2; do
  cost "round $round: direct" -t2 -c"$connections" -d"$duration" "$direct"
  cost "round $round: through the proxy" -t2 -c"$connections" -d"$duration" "$proxied"
done
echo

echo "# proxy metrics after the run"
curl -s "http://127.0.0.1:$proxy_port/__regshift/metrics" | grep -E '^regshift_proxy_(passthrough|deprecated_calls|upstream_errors)' | grep -v ' 0$'
