#!/bin/sh
# Runs the x509-limbo suite through limbo_native (verify.h with limbo_check.c's policy) and fails unless
# nettls agrees with the expected results at least as often as OpenSSL 3.0 does, and accepts fewer cases it
# should reject: the README of x509-limbo gives OpenSSL's counts (9606 agree, 54 false accepts).
#
# Usage: limbo.sh LIMBO_NATIVE LIMBO_DIR [MIN_AGREE MAX_FALSE_ACCEPT]
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
min_agree=${3:-9606}
max_fa=${4:-53}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' \
    "$src/limbo.json.xz" "$work/limbo.json"
python3 "$src/convert.py" --force "$work/limbo.json" "$work/cases" > /dev/null 2>&1
cut -f1 "$work/cases/index.tsv" > "$work/list"
(cd "$work/cases" && "$bin" -f "$work/list") > "$work/results.txt"

python3 - "$work/results.txt" "$min_agree" "$max_fa" <<'PY'
import collections, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
min_agree, max_fa = int(sys.argv[2]), int(sys.argv[3])
def stats(rs):
    agree = sum(1 for r in rs if r[1] == r[2])
    fa = sum(1 for r in rs if r[1] == "FAILURE" and r[2] == "SUCCESS")
    fr = sum(1 for r in rs if r[1] == "SUCCESS" and r[2] != "SUCCESS")
    return len(rs), agree, len(rs) - agree, fa, fr
groups = collections.defaultdict(list)
for r in rows:
    parts = r[0].split("::")
    groups[parts[0]].append(r)
    if len(parts) > 2:
        groups["::".join(parts[:2])].append(r)
n, agree, dis, fa, fr = stats(rows)
print("limbo: %d cases, agree=%d, disagree=%d (false-accept=%d, false-reject=%d)" % (n, agree, dis, fa, fr))
for k in sorted(groups):
    print("limbo[%s]: %d cases, agree=%d, disagree=%d (false-accept=%d, false-reject=%d)"
          % ((k,) + stats(groups[k])))
for r in rows:
    if r[1] == "FAILURE" and r[2] == "SUCCESS":
        print("false accept: %s" % r[0])
bad = n < 9780 or agree < min_agree or fa > max_fa or any(r[2] not in ("SUCCESS", "FAILURE") for r in rows)
sys.exit(1 if bad else 0)
PY
