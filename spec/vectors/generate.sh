#!/bin/sh
# generate.sh: makes the package vectors of spec/vectors/packages again from their fixed seed,
# with the reference implementation and the attack recipes of spec/vectors/attacks.
#
#   spec/vectors/generate.sh [OUT_DIR]     (default: spec/vectors/packages)
#
# Builds what is needed with Maven first (set GONGWEN_MAVEN_FLAGS=-o to build offline).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
OUT=${1:-spec/vectors/packages}
cd "$ROOT"
# shellcheck disable=SC2086 # GONGWEN_MAVEN_FLAGS is a list of flags
mvn -q -B ${GONGWEN_MAVEN_FLAGS:-} -DskipTests -pl spec -am package dependency:build-classpath \
    -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
exec java -cp "spec/target/test-classes:spec/target/classes:$(cat spec/target/test.classpath)" \
    org.gongwen.conformance.packages.VectorGenerator "$OUT" spec/vectors/attacks
