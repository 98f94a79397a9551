#!/usr/bin/env bash
# The cost of persistence (see README.md): messages per second end to end through the reference
# platform with the SDK's outbox and inbox on H2 and on PostgreSQL, beside the plain client. Builds
# the jar if needed, then runs org.gongwen.bench.exchange.ReliableRun in one JVM (the three
# development nodes, the senders and the recipient). Arguments go to ReliableRun, e.g.
#   bench/run-reliable.sh --seconds 20
#   bench/run-reliable.sh --modes plain,h2 --routes same --senders 1,4 --payload-kib 100
# Defaults: RSA_SHA256, same node and one relay, 2 senders, 10 KiB 正文, modes plain, h2 and
# postgresql, 10 s warm-up (plus 20 s before the first case) and 20 s measured: about 4 minutes.
# PostgreSQL: --postgres JDBC-URL or GONGWEN_TEST_POSTGRES_URL (a user that may create databases;
# each case makes two fresh databases and drops them); without either that mode is skipped. The
# work directory defaults to bench/target/reliable (never committed); --dir DIR overrides it.
set -euo pipefail
source "$(dirname "$0")/build-if-needed.sh"
# shellcheck disable=SC2086
exec java -Xmx256m ${BENCH_JAVA_OPTS:-} -cp "$bench_jar" org.gongwen.bench.exchange.ReliableRun --dir "$bench_dir/target/reliable" "$@"
