#!/usr/bin/env bash
# One large package submitted and fetched through the reference node, beside plain HTTPS transfers
# of the same bytes (see README.md): builds the jar if needed, then runs
# org.gongwen.bench.exchange.LargeExchangeRun. The nodes and the plain server run in this JVM
# (-Xmx128m); the sender and the receiver run in child JVMs with -Xmx64m (--child-heap). Arguments
# go to LargeExchangeRun, e.g. --size-mib 64 --profiles RSA_SHA256; BENCH_CHILD_JAVA_OPTS adds
# options to the children (for example -Xlog:gc). The work directory defaults to
# bench/target/exchange-large (never committed; it needs room for five copies of the attachment).
set -euo pipefail
source "$(dirname "$0")/build-if-needed.sh"
# shellcheck disable=SC2086
exec java -Xmx128m ${BENCH_JAVA_OPTS:-} -cp "$bench_jar" org.gongwen.bench.exchange.LargeExchangeRun \
    --dir "$bench_dir/target/exchange-large" --child-java-opts "${BENCH_CHILD_JAVA_OPTS:-}" "$@"
