#!/usr/bin/env bash
# make report: the reports people read, for people to look at. Builds the
# provider, plans examples/complete against the local build (a dev override,
# as make demo does: nothing is downloaded, no init, and your own Terraform
# configuration is left alone), saves the plan as JSON and writes, with
# terraform-provider-pii report (--with-check for the formats that show
# policy results):
#
#   .report/report.html   the self-contained HTML report
#   .report/report.md     the pull-request comment
#   .report/report.csv    the records of processing
#   .report/report.json   the posture model
#   .report/report.oscal-ssp.json, .report/report.oscal-ar.json
#                         only when 'terraform-provider-pii report --help'
#                         lists the oscal-ssp and oscal-ar formats
#
# Then it opens report.html in headless Chromium through the browser test of
# internal/report (the checks of make test: every section, the heat maps
# drawn, no console error, no request, no sideways scrolling at phone width,
# the print layout), which writes the full-page screenshot
# .report/report.png. Without chromium on PATH the reports are still
# written, the script says so and exits 1. Any failing step exits non-zero.
# Everything it writes goes to .report/, which git ignores.
set -euo pipefail

# shellcheck source=scripts/local-provider.sh
. "$(dirname "$0")/local-provider.sh"

root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/.report"
bin="$work/bin"

if ! command -v terraform >/dev/null 2>&1; then
  echo "make report needs terraform (>= 1.8) on PATH; it never downloads one." >&2
  exit 1
fi

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

mkdir -p "$bin"
rm -f "$work"/report.* "$work"/plan.* "$work"/*.log

step "Building the provider"
(cd "$root" && go build -ldflags "-X main.version=${VERSION:-dev}" -o "$bin/terraform-provider-pii" .)
echo "$bin/terraform-provider-pii"

# The provider comes from the local build (scripts/local-provider.sh).
use_local_provider "$work" "$bin"

step "terraform plan examples/complete, saved as JSON"
if ! terraform -chdir="$root/examples/complete" plan -input=false -no-color -lock=false -out="$work/plan.tfplan" >"$work/plan.log" 2>&1; then
  cat "$work/plan.log" >&2
  echo "make report: terraform plan of examples/complete failed (the log is in .report/plan.log)" >&2
  exit 1
fi
grep -E '^Plan:' "$work/plan.log"
terraform -chdir="$root/examples/complete" show -json "$work/plan.tfplan" >"$work/plan.json"
echo "$work/plan.json"

step "terraform-provider-pii report --with-check"
# format:file; the OSCAL formats only when this build has them.
formats=(html:report.html markdown:report.md csv:report.csv json:report.json)
help=$("$bin/terraform-provider-pii" report --help 2>&1 || true)
for f in oscal-ssp oscal-ar; do
  if grep -q -- "$f" <<<"$help"; then
    formats+=("$f:report.$f.json")
  fi
done
written=()
for entry in "${formats[@]}"; do
  format=${entry%%:*} file=${entry#*:}
  check=(--with-check)
  # The records of processing and the system security plan hold no policy
  # results.
  case $format in csv | oscal-ssp) check=() ;; esac
  echo "\$ terraform-provider-pii report ${check[*]:+${check[*]} }--format $format --output .report/$file plan.json"
  if ! (cd "$work" && "$bin/terraform-provider-pii" report "${check[@]}" --format "$format" --output "$file" plan.json) 2>"$work/report-$format.log"; then
    cat "$work/report-$format.log" >&2
    echo "make report: the $format report failed" >&2
    exit 1
  fi
  written+=("$work/$file")
done

step "The HTML report in headless Chromium: checks and a screenshot"
browser=""
for name in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$name" >/dev/null 2>&1; then browser=$name; break; fi
done
if [ -z "$browser" ]; then
  echo "chromium is not installed (looked for chromium, chromium-browser, google-chrome, google-chrome-stable):" >&2
  echo "the reports are written, but report.html was not checked in a browser and there is no screenshot." >&2
  echo "Install it (Debian, Ubuntu: apt-get install chromium) and run make report again." >&2
  printf '%s\n' "${written[@]}"
  exit 1
fi
echo "$(command -v "$browser"): the browser test of internal/report on .report/report.html"
rm -f "$work/report.png"
# The browser test is the one source of the checks and the screenshot:
# PII_REPORT_HTML points it at the report just written.
if ! (cd "$root" && PII_BROWSER_TEST=1 PII_REPORT_HTML="$work/report.html" PII_REPORT_SCREENSHOT_DIR="$work" \
  go test -count=1 -run '^TestBrowser$' -v ./internal/report/ >"$work/browser.log" 2>&1); then
  cat "$work/browser.log" >&2
  echo "make report: the browser test failed on .report/report.html (the log is in .report/browser.log)" >&2
  exit 1
fi
# The test's own summary lines, without the go test scaffolding.
sed -n 's/^ *browser_test\.go:[0-9]*: //p' "$work/browser.log"
if ! [ -s "$work/report.png" ]; then
  echo "make report: the browser test passed but wrote no .report/report.png" >&2
  exit 1
fi
written+=("$work/report.png")

step "Done"
printf '%s\n' "${written[@]}"
