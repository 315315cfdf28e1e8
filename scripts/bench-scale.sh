#!/usr/bin/env bash
# make bench-scale: how terraform plan scales with the provider. Builds the
# provider (like make demo: a dev override, so nothing is downloaded and no
# init is needed), generates a large posture with tools/posturegen and a
# baseline of as many terraform_data resources with comparable inputs and
# the same references, plans each RUNS times and prints the median wall
# times, their ratio and the peak memory. Everything it writes goes to
# .bench/.
#
# Sizes come from the environment; the defaults are the issue's posture:
#   ACTIVITIES=500 CONTROLS=200 RISKS=6 CONTROLS_PER_RISK=4 RUNS=3
# A quick run: ACTIVITIES=50 CONTROLS=60 RUNS=1 make bench-scale
# With GNU time (/usr/bin/time) it also reports CPU time and peak memory,
# and, through a wrapper around the provider binary, the provider processes'
# own; PROVIDER_RSS=0 leaves the wrapper out. Other variables (TF_LOG_SDK,
# ...) pass through to terraform and the provider.
set -euo pipefail

# shellcheck source=scripts/local-provider.sh
. "$(dirname "$0")/local-provider.sh"

root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/.bench"
bin="$work/bin"
logs="$work/logs"

ACTIVITIES=${ACTIVITIES:-500}
CONTROLS=${CONTROLS:-200}
RISKS=${RISKS:-6}
CONTROLS_PER_RISK=${CONTROLS_PER_RISK:-4}
RUNS=${RUNS:-3}
PROVIDER_RSS=${PROVIDER_RSS:-1}

for v in ACTIVITIES CONTROLS RISKS CONTROLS_PER_RISK RUNS; do
  if ! [[ ${!v} =~ ^[1-9][0-9]*$ ]]; then
    echo "bench-scale: $v must be a positive whole number, not '${!v}'." >&2
    exit 2
  fi
done

if ! command -v terraform >/dev/null 2>&1; then
  echo "make bench-scale needs terraform (>= 1.8) on PATH; it never downloads one." >&2
  exit 1
fi

step() { printf '\n==> %s\n' "$*"; }

# GNU time gives peak memory and CPU time; without it only wall time is
# measured (the script never needs root to install anything).
gnu_time=""
if [ -x /usr/bin/time ] && /usr/bin/time -f '%M' -o /dev/null true >/dev/null 2>&1; then
  gnu_time=/usr/bin/time
fi

mkdir -p "$bin" "$logs"
rm -f "$logs"/*

step "Building the provider"
(cd "$root" && go build -ldflags "-X main.version=${VERSION:-dev}" -o "$bin/terraform-provider-pii" .)
echo "$bin/terraform-provider-pii"

# The override points at the build, or at a wrapper that records the
# provider process's own peak memory and CPU time (terraform runs the
# provider several times per plan; the wrapper appends one line per
# process).
override="$bin"
if [ -n "$gnu_time" ] && [ "$PROVIDER_RSS" != 0 ]; then
  override="$work/wrap"
  mkdir -p "$override"
  cat > "$override/terraform-provider-pii" <<WRAP
#!/bin/sh
exec $gnu_time -a -o "\${PII_BENCH_PROVIDER:-/dev/null}" -f 'provider_rss_kb=%M provider_cpu_s=%U %S' "$bin/terraform-provider-pii" "\$@"
WRAP
  chmod +x "$override/terraform-provider-pii"
fi

# The provider comes from the local build (scripts/local-provider.sh).
use_local_provider "$work" "$override"

step "Generating the posture and the baseline"
gen=(-activities "$ACTIVITIES" -controls "$CONTROLS" -risks "$RISKS" -controls-per-risk "$CONTROLS_PER_RISK")
(cd "$root" && go run ./tools/posturegen "${gen[@]}" -out "$work/posture")
(cd "$root" && go run ./tools/posturegen "${gen[@]}" -baseline -out "$work/baseline")
resources=$((2 * ACTIVITIES + CONTROLS))
risks_total=$((ACTIVITIES * RISKS))

# plan KIND RUN: one timed terraform plan; appends its wall time (seconds),
# CPU time and peak RSS (KiB) to the KIND's result files.
plan() {
  local kind=$1 run=$2
  local log="$logs/$kind-$run.log" stats="$logs/$kind-$run.time"
  local start end status=0
  rm -f "$logs/$kind-$run.provider"
  start=$(date +%s%N)
  if [ -n "$gnu_time" ]; then
    PII_BENCH_PROVIDER="$logs/$kind-$run.provider" \
      "$gnu_time" -o "$stats" -f 'rss_kb=%M cpu_s=%U %S' \
      terraform -chdir="$work/$kind" plan -refresh=false -input=false -no-color >"$log" 2>&1 || status=$?
  else
    terraform -chdir="$work/$kind" plan -refresh=false -input=false -no-color >"$log" 2>&1 || status=$?
  fi
  end=$(date +%s%N)
  if [ "$status" -ne 0 ]; then
    echo "bench-scale: terraform plan of the $kind failed (exit status $status); the end of $log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  if ! grep -q "^Plan: $resources to add, 0 to change, 0 to destroy\.$" "$log"; then
    echo "bench-scale: the $kind plan does not add the $resources resources expected; see $log" >&2
    exit 1
  fi
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", (e - s) / 1e9 }' >>"$logs/$kind.wall"
  if [ -n "$gnu_time" ]; then
    sed -n 's/^rss_kb=\([0-9]*\) cpu_s=\([0-9.]*\) \([0-9.]*\)$/\1/p' "$stats" >>"$logs/$kind.rss"
    sed -n 's/^rss_kb=\([0-9]*\) cpu_s=\([0-9.]*\) \([0-9.]*\)$/\2 \3/p' "$stats" |
      awk '{ printf "%.2f\n", $1 + $2 }' >>"$logs/$kind.cpu"
    if [ -f "$logs/$kind-$run.provider" ]; then
      # Peak over the run's provider processes; CPU summed over them.
      sed -n 's/^provider_rss_kb=\([0-9]*\) .*/\1/p' "$logs/$kind-$run.provider" | sort -n | tail -n 1 >>"$logs/$kind.provider-rss"
      sed -n 's/^provider_rss_kb=[0-9]* provider_cpu_s=\([0-9.]*\) \([0-9.]*\)$/\1 \2/p' "$logs/$kind-$run.provider" |
        awk '{ s += $1 + $2 } END { printf "%.2f\n", s }' >>"$logs/$kind.provider-cpu"
    fi
  fi
  printf '  %-8s run %d: %s s\n' "$kind" "$run" "$(tail -n 1 "$logs/$kind.wall")"
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { sort -n "$1" | tail -n 1; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }

step "Planning, $RUNS runs each (terraform plan -refresh=false -input=false; logs in ${logs#"$root"/})"
# Alternate the two so that a slow spell of the machine hits both alike.
for run in $(seq 1 "$RUNS"); do
  plan posture "$run"
  plan baseline "$run"
done

# What the provider concluded, from the last posture plan.
last="$logs/posture-$RUNS.log"
covered=$(grep -Ec '^[ +~]*coverage += "covered"$' "$last" || true)
warnings=$(grep -E '^(│ )?Warning: ' "$last" | grep -vc 'Provider development overrides are in effect' || true)

p_med=$(median "$logs/posture.wall")
b_med=$(median "$logs/baseline.wall")

step "Results ($ACTIVITIES activities, $CONTROLS controls, $ACTIVITIES assessments of $RISKS risks with $CONTROLS_PER_RISK controls each)"
printf 'posture   %5d pii resources        median wall %8s s   (runs: %s)\n' "$resources" "$p_med" "$(paste -sd' ' "$logs/posture.wall")"
printf 'baseline  %5d terraform_data       median wall %8s s   (runs: %s)\n' "$resources" "$b_med" "$(paste -sd' ' "$logs/baseline.wall")"
awk -v p="$p_med" -v b="$b_med" 'BEGIN { if (b > 0) printf "ratio posture/baseline: %.2f\n", p / b }'
if [ -n "$gnu_time" ]; then
  printf 'CPU time (user+sys, median): posture %s s, baseline %s s\n' "$(median "$logs/posture.cpu")" "$(median "$logs/baseline.cpu")"
  printf 'peak RSS of the largest process (terraform or provider): posture %s, baseline %s\n' \
    "$(mib "$(maximum "$logs/posture.rss")")" "$(mib "$(maximum "$logs/baseline.rss")")"
  if [ -s "$logs/posture.provider-rss" ]; then
    printf 'the provider processes alone: peak RSS %s, CPU time (user+sys, median) %s s\n' \
      "$(mib "$(maximum "$logs/posture.provider-rss")")" "$(median "$logs/posture.provider-cpu")"
  fi
else
  echo "peak RSS: not measured (GNU time, /usr/bin/time, is not installed)"
fi
echo "risks covered in the posture plan: $covered of $risks_total; warnings besides the dev override notice: $warnings"
