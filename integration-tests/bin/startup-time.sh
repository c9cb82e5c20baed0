#!/usr/bin/env bash
# Start-up cost of the agent: milliseconds from JVM launch to the demo's first 200 response,
# alternating no agent / agent so machine drift hits both alike.
# Usage (from the top folder, after mvn -B -q package -DskipTests): integration-tests/bin/startup-time.sh [runs]
set -euo pipefail
runs=${1:-5}
port=18080
once() {
  local args=()
  [ "$1" = agent ] && args=(-javaagent:agent/target/monitor.jar -Dmonitor.http.port=0)
  local start end pid
  start=$(date +%s%N)
  java "${args[@]}" -Ddemo.port=$port -Ddemo.selfTraffic=false -jar integration-tests/target/monitor-demo.jar >/dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' localhost:$port/api/hello 2>/dev/null)" = 200 ]; do sleep 0.01; done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
echo "run | no agent (ms) | monitor agent (ms)"
for i in $(seq 1 "$runs"); do
  echo "$i | $(once none) | $(once agent)"
done
