#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole message path under an open-loop load (issue #22; results go to docs/performance.md).
# Starts the packaged jar with an embedded PostgreSQL in a fresh temporary folder, opens web chat
# sessions past consent, offers steps of messages per second (2 % crisis messages), then times the
# analyze API against langchain4j's in-process MiniLM peer. Run from the repository root on an idle
# machine after `mvn -B -q install -DskipTests` (or `package`):
#   bash bot/src/test/bench/chat-load.sh [rates] [seconds] [out.md]
# With MHAI_BENCH_JFR=/abs/path.jfr the service runs under Java Flight Recorder (profile settings) and writes the
# recording there on exit; bot/src/test/bench/jfr-summary.py says where the CPU went.
set -euo pipefail
rates=${1:-25,50,100,200,300}
seconds=${2:-20}
out=${3:-bot/target/chat-load.md}
root=$(pwd)
jar=$root/bot/target/mentalhealthai.jar
texts=$root/../shared/data/goemotions/original/test.tsv
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
port=18$((RANDOM % 900 + 100))
token=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
(cd "$work" && exec env -i PATH="$PATH" HOME="$work" DJL_OFFLINE=true OPT_OUT_TRACKING=true \
  MHAI_HTTP_PORT=$port MHAI_DATA_DIR="$work/data" MHAI_API_TOKEN="$token" \
  MHAI_CHAT_RATE_PER_MINUTE=10000 MHAI_SESSIONS_PER_MINUTE=1000000 \
  java ${MHAI_BENCH_JFR:+-XX:StartFlightRecording=filename=$MHAI_BENCH_JFR,settings=profile,dumponexit=true} -jar "$jar" > "$work/service.log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/" > /dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/" > /dev/null || { tail -30 "$work/service.log"; exit 1; }
jpid=$(pgrep -P "$pid" -f mentalhealthai.jar || echo "$pid")
mvn -B -q -o -pl bot exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.mhai.bot.bench.ChatLoadBenchmark \
  -Dexec.args="http://127.0.0.1:$port $texts $root/models/risk $rates $seconds 300 0.02 $jpid $root/$out $token"
echo "written: $out"
