#!/usr/bin/env bash
# Start-up time harness: launches the packaged jar as the README's run command does and prints the
# seconds from launch to GET /actuator/health answering UP (polled every 0.1 s), and the CPU seconds
# the JVM had used by then (user + system, from /proc; the PostgreSQL processes are not counted),
# which says more than wall time on a loaded machine.
#   backend/scripts/startup-time.sh [runs]      (build first: ./mvnw -B -q -DskipTests package -pl backend -am)
# Each run does one cold start (fresh data folder and fresh PostgreSQL binary cache: unpack, initdb,
# all migrations) and one warm restart on the same folder. Localhost only; every run is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$PWD/target/credence-backend.jar
[ -f "$jar" ] || { echo "build the jar first" >&2; exit 2; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

start_once() { # folder cache port -> "wall-seconds cpu-seconds" at health UP
  local folder=$1 cache=$2 port=$3 t0 pid
  t0=$(date +%s.%N)
  (cd "$folder" && exec "$java" -jar "$jar" --server.port="$port" \
      --credence.embedded-db.binary-cache="$cache" >"$folder/run.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 1800); do
    if curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      local ticks hz
      ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat"); hz=$(getconf CLK_TCK)
      awk -v a="$(date +%s.%N)" -v b="$t0" -v t="$ticks" -v hz="$hz" 'BEGIN { print a - b, t / hz }'
      kill "$pid"; wait "$pid" 2>/dev/null || true
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "exited: see $folder/run.log" >&2; return 1; }
    sleep 0.1
  done
  kill "$pid"; echo "not UP within 180 s" >&2; return 1
}

port=$((20000 + RANDOM % 20000))
for i in $(seq 1 "$runs"); do
  folder=$(mktemp -d); chmod 755 "$folder"; cache=$(mktemp -d); chmod 755 "$cache"
  read -r cold cold_cpu < <(start_once "$folder" "$cache" "$port")
  read -r warm warm_cpu < <(start_once "$folder" "$cache" "$port")
  printf 'run %d: cold %.1f s (JVM CPU %.1f s), warm %.1f s (JVM CPU %.1f s), load average %s\n' \
    "$i" "$cold" "$cold_cpu" "$warm" "$warm_cpu" "$(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$folder" "$cache"
done
