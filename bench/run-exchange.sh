#!/usr/bin/env bash
# Messages per second end to end through the reference platform on loopback (see README.md):
# builds the jar if needed, then runs org.gongwen.bench.exchange.ExchangeRun in one JVM (the three
# development nodes, the senders and the recipient). Arguments go to ExchangeRun, e.g.
#   bench/run-exchange.sh --seconds 30 --profiles RSA_SHA256 --senders 8
# Defaults: RSA_SHA256 and SM2_SM3, same node and one relay, 1 and 8 senders, 8 s warm-up (plus
# 30 s before the first case: the JIT needs minutes to settle) and 15 s measured per case: about
# 4.5 to 5 minutes in all. The work directory defaults to bench/target/exchange (never committed);
# --dir DIR overrides it.
set -euo pipefail
source "$(dirname "$0")/build-if-needed.sh"
# shellcheck disable=SC2086
exec java -Xmx256m ${BENCH_JAVA_OPTS:-} -cp "$bench_jar" org.gongwen.bench.exchange.ExchangeRun --dir "$bench_dir/target/exchange" "$@"
