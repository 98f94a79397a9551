#!/usr/bin/env bash
# The JMH suite (see README.md): builds the jar if needed, runs the benchmarks and prints the
# ratio table. Any JMH option may be given and overrides the default of the same name, e.g.
#   bench/run-jmh.sh -wi 1 -i 1 -f 1 -r 1s -p profile=SM2_SM3
#   bench/run-jmh.sh EnvelopeSignatureBenchmark.sign -prof gc
# Defaults suit a quiet 2-core machine: one benchmark thread, two forks, 5 x 3 s warm-up
# (the XML code paths need several thousand operations to be compiled), 5 x 2 s measurement.
set -euo pipefail
source "$(dirname "$0")/build-if-needed.sh"

given() {
    local opt=$1; shift
    for a in "$@"; do
        if [ "$a" = "$opt" ]; then return 0; fi
    done
    return 1
}

defaults=()
given -f "$@" || defaults+=(-f 2)
given -wi "$@" || defaults+=(-wi 5)
given -w "$@" || defaults+=(-w 3s)
given -i "$@" || defaults+=(-i 5)
given -r "$@" || defaults+=(-r 2s)
given -t "$@" || defaults+=(-t 1)
if ! given -rf "$@" && ! given -rff "$@"; then
    defaults+=(-rf json -rff "$bench_dir/target/jmh-result.json")
fi
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:-} -cp "$bench_jar" org.gongwen.bench.RatioReport "${defaults[@]}" "$@"
