#!/usr/bin/env bash
# make bench-verify: the cost of checking one posture with many
# infrastructure documents, against the same resources in one document.
# Builds the provider binary once, writes the documents of
# BenchmarkVerifyManyDocuments (internal/verification) as files with
# tools/workspacegen (one generator, plangen.GenerateWorkspaces, for the
# benchmark and this script): a posture of ACTIVITIES
# pii_processing_activity resources, each naming data stores qualified
# with their document's label (ws07:aws_s3_bucket...), and CONTROLS
# implemented pii_control resources; and RESOURCES generated AWS resources
# (internal/plangen), once in DOCS documents of RESOURCES/DOCS and once in
# one, the same resources in both. Then it times the check of each, RUNS
# times:
#
#   terraform-provider-pii check --format json --output /dev/null posture.json ws00=ws00.json ws01=ws01.json ...
#   terraform-provider-pii check --format json --output /dev/null posture.json ws00=ws00.json
#
# and prints the median wall time, the peak memory (RSS) and the ratio of
# DOCS documents to one.
#
# Sizes come from the environment; the defaults are the issue's:
#   RESOURCES=50000 DOCS=50 ACTIVITIES=500 CONTROLS=100 RUNS=5
# DOCS must divide RESOURCES. A quick run: RESOURCES=5000 RUNS=1 make bench-verify
# Target (reported, not enforced unless STRICT=1): a DOCS/1 ratio of the
# median wall time of at most TARGET_RATIO=1.2.
#
# Peak memory comes from GNU time (/usr/bin/time -v); without it, from the
# process's VmHWM in /proc, read while it runs (a close lower bound);
# without /proc it is not measured. The check exits 1 when mandatory
# policies fail, which the generated documents make them do on purpose;
# any other status (2: unusable input) stops the script with that status.
# Everything it writes goes to .bench/verify/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/.bench/verify"
logs="$work/logs"
docs_dir="$work/docs"

RESOURCES=${RESOURCES:-50000}
DOCS=${DOCS:-50}
ACTIVITIES=${ACTIVITIES:-500}
CONTROLS=${CONTROLS:-100}
RUNS=${RUNS:-5}
STRICT=${STRICT:-0}
TARGET_RATIO=${TARGET_RATIO:-1.2}

for v in RESOURCES DOCS ACTIVITIES CONTROLS RUNS; do
  if ! [[ ${!v} =~ ^[1-9][0-9]*$ ]]; then
    echo "bench-verify: $v must be a positive whole number, not '${!v}'." >&2
    exit 2
  fi
done
if [ $((RESOURCES % DOCS)) -ne 0 ]; then
  echo "bench-verify: DOCS=$DOCS must divide RESOURCES=$RESOURCES, so that every document has as many resources." >&2
  exit 2
fi
if ! [[ $TARGET_RATIO =~ ^[0-9]+(\.[0-9]+)?$ ]]; then
  echo "bench-verify: TARGET_RATIO must be a number, not '$TARGET_RATIO'." >&2
  exit 2
fi

step() { printf '\n==> %s\n' "$*"; }

# shellcheck source=scripts/bench-measure.sh
. "$(dirname "$0")/bench-measure.sh"

mkdir -p "$work/bin" "$logs"
rm -f "$logs"/*

step "Building terraform-provider-pii and the document writer"
(cd "$root" && go build -o "$work/bin/terraform-provider-pii" . && go build -o "$work/bin/workspacegen" ./tools/workspacegen)
echo "$work/bin/terraform-provider-pii"

step "Writing the documents"
# docs-DOCS/ and docs-1/ under $docs_dir, each a posture.json and ws*.json.
"$work/bin/workspacegen" -out "$docs_dir" -docs "$DOCS" -resources-per-doc $((RESOURCES / DOCS)) \
  -activities "$ACTIVITIES" -controls "$CONTROLS" >"$logs/write.txt" 2>&1 || {
  echo "bench-verify: writing the documents failed; the end of $logs/write.txt:" >&2
  tail -n 20 "$logs/write.txt" >&2
  exit 2
}
while IFS= read -r line; do echo "${line#"$root"/}"; done <"$logs/write.txt"

# check N RUN: one timed check of the posture with the N documents of
# docs-N; appends its wall time (seconds) and peak RSS (KiB) to the result
# files of N.
check() {
  local n=$1 run=$2 dir="$docs_dir/docs-$1"
  local log="$logs/check-$n-$run.log"
  local cmd=("$work/bin/terraform-provider-pii" check --format json --output /dev/null "$dir/posture.json")
  local f
  for f in "$dir"/ws*.json; do
    cmd+=("$(basename "$f" .json)=$f")
  done
  local status=0
  (cd "$root" && measure "$log" "$logs/$n.wall" "$logs/$n.rss" "${cmd[@]}") || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "bench-verify: the check with $n documents exited with status $status; the end of $log:" >&2
    grep -v '^results: ' "$log" | tail -n 20 >&2
    exit "$status"
  fi
  printf '  %3d %s, run %d: %s s (exit status %d)\n' "$n" "$(documents "$n")" "$run" "$(tail -n 1 "$logs/$n.wall")" "$status"
}

documents() { if [ "$1" = 1 ]; then echo document; else echo documents; fi; }

step "Checking, $RUNS runs each (logs in ${logs#"$root"/})"
# Alternate the two so that a slow spell of the machine hits both alike.
for run in $(seq 1 "$RUNS"); do
  check "$DOCS" "$run"
  check 1 "$run"
done

one=$(median "$logs/1.wall" 3)
many=$(median "$logs/$DOCS.wall" 3)
ratio=$(awk -v o="$one" -v m="$many" 'BEGIN { if (o > 0) printf "%.2f", m / o; else print "n/a" }')

step "Results (check --format json, the built-in pack; $ACTIVITIES activities, $CONTROLS controls, $RESOURCES resources)"
for n in 1 "$DOCS"; do
  rss="not measured"
  if [ -s "$logs/$n.rss" ]; then rss="$(mib "$(maximum "$logs/$n.rss")") MiB"; fi
  printf '%3d %-9s of %6d resources   median wall %6s s   peak RSS %9s   (runs: %s)\n' \
    "$n" "$(documents "$n")" $((RESOURCES / n)) "$(median "$logs/$n.wall")" "$rss" "$(paste -sd' ' "$logs/$n.wall")"
done
printf 'ratio %d documents / 1: %s\n' "$DOCS" "$ratio"
if [ -s "$logs/1.rss" ] && [ -s "$logs/$DOCS.rss" ]; then
  printf 'peak RSS ratio %d documents / 1: %s\n' "$DOCS" \
    "$(awk -v o="$(maximum "$logs/1.rss")" -v m="$(maximum "$logs/$DOCS.rss")" 'BEGIN { printf "%.2f", m / o }')"
fi
# The split must change the cost only: the checks' verdict lines (on
# stderr, in the logs) must be the same.
if [ "$(grep '^results: ' "$logs/check-1-1.log")" = "$(grep '^results: ' "$logs/check-$DOCS-1.log")" ]; then
  echo "results: the same with $DOCS documents as with one"
else
  echo "results: they DIFFER between $DOCS documents and one; compare the last lines of $logs/check-1-1.log and check-$DOCS-1.log" >&2
  [ "$STRICT" = 1 ] && exit 1
fi
rss_note

verdict=OVER
if awk -v v="$ratio" -v t="$TARGET_RATIO" 'BEGIN { exit !(v <= t) }'; then verdict=within; fi
printf 'target: ratio %s %s\n' "$verdict" "$TARGET_RATIO"
if [ "$verdict" != within ] && [ "$STRICT" = 1 ]; then
  echo "bench-verify: the target is missed (STRICT=1)." >&2
  exit 1
fi
