#!/usr/bin/env bash
# The end-to-end large-part run (see README.md): builds the jar if needed, then packs, signs,
# verifies and extracts a package with a 1 GiB attachment in a JVM limited to 64 MiB of heap.
# Arguments go to LargePartRun, e.g. --size-mib 64 --profiles SM2_SM3. The work directory
# defaults to bench/target/large (never committed); --dir DIR overrides it.
set -euo pipefail
source "$(dirname "$0")/build-if-needed.sh"
# shellcheck disable=SC2086
exec java -Xmx64m ${BENCH_JAVA_OPTS:-} -cp "$bench_jar" org.gongwen.bench.LargePartRun --dir "$bench_dir/target/large" "$@"
