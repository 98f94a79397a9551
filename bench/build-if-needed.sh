#!/usr/bin/env bash
# Sourced by the run-*.sh scripts: builds target/gongwen-bench.jar when it is missing or
# older than any source of the modules it contains. Extra Maven arguments (for example -o) can
# be given in BENCH_MAVEN_ARGS.
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root_dir=$(dirname "$bench_dir")
bench_jar="$bench_dir/target/gongwen-bench.jar"
if [ ! -f "$bench_jar" ] || [ -n "$(find "$bench_dir/src" "$bench_dir/pom.xml" "$root_dir/pom.xml" \
        "$root_dir/api/src/main" "$root_dir/api/pom.xml" "$root_dir/impl/src/main" "$root_dir/impl/pom.xml" \
        "$root_dir/platform/src/main" "$root_dir/platform/pom.xml" "$root_dir/spec/xsd" -newer "$bench_jar" -print -quit 2>/dev/null)" ]; then
    echo "building $bench_jar ..." >&2
    # shellcheck disable=SC2086
    (cd "$root_dir" && mvn -q ${BENCH_MAVEN_ARGS:-} -pl bench -am -DskipTests package) >&2
fi
