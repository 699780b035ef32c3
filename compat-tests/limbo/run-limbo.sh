#!/usr/bin/env bash
# Runs the x509-limbo path-validation suite (/work/shared/x509-limbo, or $LIMBO_DIR) through its OpenSSL-API
# harness limbo_check.c, built unchanged against nettls's libssl/libcrypto from a meson build directory.
# Not a CI test: it takes a minute and needs the suite, which is not part of this repository.
#
# usage: compat-tests/limbo/run-limbo.sh [BUILD_DIR]      (default: build)
#
# Environment: LIMBO_DIR (the suite: limbo.json.xz, limbo_check.c, run.sh), LIMBO_WORK (scratch folder,
# default a new mktemp -d; converted cases are kept there and reused), LIMBO_JOBS (default 2), and
# anything run.sh reads (LIMBO_DEFINES, LIMBO_TIMEOUT, ...).
#
# A build with -Db_sanitize=... has the harness built with the same sanitizers, so a memory error in
# nettls shows up as a CRASH line. The summary is run.sh's: compare it with the OpenSSL 3.0 baseline in
# the suite's README (agree=9606, false-accept=54).
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
LIMBO_DIR=${LIMBO_DIR:-/work/shared/x509-limbo}
export LIMBO_WORK=${LIMBO_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/nettls-limbo.XXXXXX")}
export LIMBO_JOBS=${LIMBO_JOBS:-2}
mkdir -p "$LIMBO_WORK"

libdir="$build/lib/compat"
if [ ! -e "$libdir/libssl.so" ] || [ ! -e "$libdir/libcrypto.so" ]; then
    echo "run-limbo: no libssl.so/libcrypto.so in $libdir (run ninja -C $build first)" >&2
    exit 2
fi

# The sanitizers the library was built with, if any (meson's b_sanitize).
sanitize=$(python3 - "$build" <<'PY'
import json, sys
for o in json.load(open(sys.argv[1] + "/meson-info/intro-buildoptions.json")):
    if o["name"] == "b_sanitize" and o["value"] not in ("none", "", []):
        v = o["value"]
        print("-fsanitize=" + (",".join(v) if isinstance(v, list) else v))
PY
)

# The suite is shipped compressed; run.sh converts it once into $LIMBO_WORK/cases.
json="$LIMBO_WORK/limbo.json"
if [ ! -f "$LIMBO_WORK/cases/index.tsv" ] && [ ! -f "$json" ]; then
    xz -dc "$LIMBO_DIR/limbo.json.xz" > "$json"
fi
[ -f "$json" ] && export LIMBO_JSON="$json"

export CFLAGS="-O1 -g -I$src/include $sanitize"
export LDFLAGS="$sanitize"
export LIBS="-L$libdir -lssl -lcrypto"
# Leak reports at exit would turn a finished run into a failure exit; leaks are the unit tests' job.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
exec "$LIMBO_DIR/run.sh"
