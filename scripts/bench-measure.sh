# Sourced by the bench-* scripts: one timed run of a command with its peak
# memory, and the statistics they print. Peak memory comes from GNU time
# (/usr/bin/time -v); without it, from the process's VmHWM in /proc, read
# every 20 ms while it runs (a close lower bound); without either it is not
# measured.

# rss_mode says how peak memory is measured: gnu-time, proc or none.
rss_mode=none
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
  rss_mode=gnu-time
elif [ -r /proc/self/status ] && grep -q '^VmHWM:' /proc/self/status; then
  rss_mode=proc
fi

# measure LOG WALL RSS COMMAND...: runs COMMAND in the current directory
# with its output in LOG, appends its wall time (seconds) to the file WALL
# and its peak RSS (KiB) to the file RSS, and returns its exit status.
measure() {
  local log=$1 wall=$2 rss=$3
  shift 3
  local stats="$log.time" start end status=0 hwm=0
  start=$(date +%s%N)
  case $rss_mode in
    gnu-time)
      /usr/bin/time -v -o "$stats" "$@" >"$log" 2>&1 || status=$?
      ;;
    proc)
      "$@" >"$log" 2>&1 &
      local pid=$! v
      while kill -0 "$pid" 2>/dev/null; do
        v=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB$/\1/p' "/proc/$pid/status" 2>/dev/null || true)
        if [ -n "$v" ] && [ "$v" -gt "$hwm" ]; then hwm=$v; fi
        sleep 0.02
      done
      wait "$pid" || status=$?
      ;;
    *)
      "$@" >"$log" 2>&1 || status=$?
      ;;
  esac
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", (e - s) / 1e9 }' >>"$wall"
  case $rss_mode in
    gnu-time) sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): \([0-9]*\)$/\1/p' "$stats" >>"$rss" ;;
    proc) echo "$hwm" >>"$rss" ;;
  esac
  return "$status"
}

# rss_note prints how peak memory was measured, when it is not GNU time.
rss_note() {
  case $rss_mode in
    proc) echo "peak RSS from VmHWM in /proc, read every 20 ms (GNU time is not installed)" ;;
    none) echo "peak RSS: not measured (neither GNU time nor /proc is available)" ;;
  esac
}

# median FILE [DECIMALS]
median() { sort -n "$1" | awk -v d="${2:-2}" '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.*f", d, m }'; }
maximum() { sort -n "$1" | tail -n 1; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
