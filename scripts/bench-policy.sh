#!/usr/bin/env bash
# make bench-policy: how the check command scales with the size of a plan.
# Builds the provider binary once, generates two plans with tools/plangen
# (realistic terraform show -json documents: a dozen AWS types, a fifth of
# the data stores holding PII, unknown and sensitive values, references),
# checks each RUNS times with the built-in pack (every policy of policies/):
#
#   terraform-provider-pii check --format json --output /dev/null PLAN
#
# PACK=DIR checks with the pack in DIR instead (--policy-dir), such as the
# 30-policy benchmark pack of the engine: PACK=internal/engine/testdata/bench.
# ASSUME_PII=1 adds --var assume_pii=true (built-in pack): every data store
# is then checked, not only the fifth that holds PII.
#
# and prints the median wall time, the peak memory (RSS) and the ratio of
# the larger plan's median to the smaller's. Everything it writes goes to
# .bench/policy/.
#
# Sizes come from the environment; the defaults are the issue's:
#   SMALL=20000 LARGE=40000 RUNS=5
# A quick run: SMALL=2000 LARGE=4000 RUNS=1 make bench-policy
# Targets (reported, not enforced unless STRICT=1): a median of at most
# TARGET_WALL_S=3 seconds and a peak RSS of at most TARGET_RSS_MIB=1536 for
# SMALL, and a LARGE/SMALL ratio of at most TARGET_RATIO=2.2.
#
# Peak memory comes from GNU time (/usr/bin/time -v); without it, from the
# process's VmHWM in /proc, read while it runs (a close lower bound);
# without /proc it is not measured. The check exits 1 when mandatory
# policies fail, which the generated plans make them do on purpose; any
# other status (2: unusable input) stops the script with that status.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/.bench/policy"
logs="$work/logs"
PACK=${PACK:-}
ASSUME_PII=${ASSUME_PII:-0}
pack_args=()
if [ -n "$PACK" ]; then
  if ! [ -d "$root/$PACK" ]; then
    echo "bench-policy: PACK must be a directory of policies under the repository, not '$PACK'." >&2
    exit 2
  fi
  pack_args=(--policy-dir "$PACK")
  pack_name="$PACK ($(find "$root/$PACK" -name '*.policy.hcl' | wc -l | tr -d ' ') files)"
else
  pack_name="the built-in pack ($(cat "$root"/policies/*.policy.hcl "$root"/policies/*/*.policy.hcl | grep -c '^resource_policy ') policies)"
fi
if [ "$ASSUME_PII" = 1 ]; then
  pack_args+=(--var assume_pii=true)
  pack_name="$pack_name, assume_pii=true"
fi

SMALL=${SMALL:-20000}
LARGE=${LARGE:-40000}
RUNS=${RUNS:-5}
STRICT=${STRICT:-0}
TARGET_WALL_S=${TARGET_WALL_S:-3}
TARGET_RSS_MIB=${TARGET_RSS_MIB:-1536}
TARGET_RATIO=${TARGET_RATIO:-2.2}

for v in SMALL LARGE RUNS TARGET_RSS_MIB; do
  if ! [[ ${!v} =~ ^[1-9][0-9]*$ ]]; then
    echo "bench-policy: $v must be a positive whole number, not '${!v}'." >&2
    exit 2
  fi
done
for v in TARGET_WALL_S TARGET_RATIO; do
  if ! [[ ${!v} =~ ^[0-9]+(\.[0-9]+)?$ ]]; then
    echo "bench-policy: $v must be a number, not '${!v}'." >&2
    exit 2
  fi
done

step() { printf '\n==> %s\n' "$*"; }

# shellcheck source=scripts/bench-measure.sh
. "$(dirname "$0")/bench-measure.sh"

mkdir -p "$work/bin" "$logs"
rm -f "$logs"/*

step "Building terraform-provider-pii and plangen"
(cd "$root" && go build -o "$work/bin/terraform-provider-pii" . && go build -o "$work/bin/plangen" ./tools/plangen)
echo "$work/bin/terraform-provider-pii"

step "Generating the plans"
for n in "$SMALL" "$LARGE"; do
  "$work/bin/plangen" -resources "$n" -out "$work/plan-$n.json" >"$logs/plangen-$n.txt"
  sed -n -e '1p' -e '/^data stores:/p' "$logs/plangen-$n.txt"
done

# check N RUN: one timed check of the plan of N resources; appends its wall
# time (seconds) and peak RSS (KiB) to the result files of N.
check() {
  local n=$1 run=$2
  local log="$logs/check-$n-$run.log"
  local cmd=("$work/bin/terraform-provider-pii" check "${pack_args[@]}" --format json --output /dev/null "$work/plan-$n.json")
  local status=0
  (cd "$root" && measure "$log" "$logs/$n.wall" "$logs/$n.rss" "${cmd[@]}") || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "bench-policy: the check of the $n-resource plan exited with status $status; the end of $log:" >&2
    grep -v '^results: ' "$log" | tail -n 20 >&2
    exit "$status"
  fi
  printf '  %6d resources, run %d: %s s (exit status %d)\n' "$n" "$run" "$(tail -n 1 "$logs/$n.wall")" "$status"
}

step "Checking, $RUNS runs each (logs in ${logs#"$root"/})"
# Alternate the two so that a slow spell of the machine hits both alike.
for run in $(seq 1 "$RUNS"); do
  check "$SMALL" "$run"
  check "$LARGE" "$run"
done

s_med=$(median "$logs/$SMALL.wall" 3)
l_med=$(median "$logs/$LARGE.wall" 3)
ratio=$(awk -v s="$s_med" -v l="$l_med" 'BEGIN { if (s > 0) printf "%.2f", l / s; else print "n/a" }')
meets() { awk -v v="$1" -v t="$2" 'BEGIN { exit !(v <= t) }' && echo "within" || echo "OVER"; }

step "Results (check --format json with $pack_name)"
missed=0
for n in "$SMALL" "$LARGE"; do
  rss="not measured"
  if [ -s "$logs/$n.rss" ]; then rss="$(mib "$(maximum "$logs/$n.rss")") MiB"; fi
  printf '%6d resources   median wall %6s s   peak RSS %9s   (runs: %s)\n' "$n" "$(median "$logs/$n.wall")" "$rss" "$(paste -sd' ' "$logs/$n.wall")"
done
printf 'ratio %d/%d: %s\n' "$LARGE" "$SMALL" "$ratio"
rss_note

verdict=$(meets "$s_med" "$TARGET_WALL_S")
[ "$verdict" = within ] || missed=1
printf 'targets: median wall at %d %s %s s' "$SMALL" "$verdict" "$TARGET_WALL_S"
if [ -s "$logs/$SMALL.rss" ]; then
  verdict=$(meets "$(mib "$(maximum "$logs/$SMALL.rss")")" "$TARGET_RSS_MIB")
  [ "$verdict" = within ] || missed=1
  printf ', peak RSS %s %s MiB' "$verdict" "$TARGET_RSS_MIB"
fi
verdict=$(meets "$ratio" "$TARGET_RATIO")
[ "$verdict" = within ] || missed=1
printf ', ratio %s %s\n' "$verdict" "$TARGET_RATIO"
if [ "$missed" != 0 ] && [ "$STRICT" = 1 ]; then
  echo "bench-policy: a target is missed (STRICT=1)." >&2
  exit 1
fi
