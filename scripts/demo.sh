#!/usr/bin/env bash
# make demo: builds the provider, plans examples/complete against the local
# build (a dev override, so nothing is downloaded) and expects it to pass
# without a warning, plans examples/gap (the same organisation with one
# uncovered risk) and expects it to fail with the gap, checks the saved plan
# of examples/complete with the built-in policy pack (it must pass), plans
# and checks examples/cloud-processor (a cloud processor with ISO/IEC 27018
# controls; it must pass too), checks a
# real AWS plan with assume_pii (it must block), checks the posture of
# examples/verified-posture against a storage workspace's plan (a claimed
# control is contradicted, a risk covered on paper only) and against a fixed
# variant (verified), runs the pack's tests, and
# shows the command line. It exits 0 only when every step behaves as
# expected. Everything it writes goes to .demo/, which git ignores.
set -euo pipefail

# shellcheck source=scripts/local-provider.sh
. "$(dirname "$0")/local-provider.sh"

root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/.demo"
bin="$work/bin"
mkdir -p "$bin"

if ! command -v terraform >/dev/null 2>&1; then
  echo "make demo needs terraform (>= 1.8) on PATH; it never downloads one." >&2
  exit 1
fi

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Building the provider"
(cd "$root" && go build -ldflags "-X main.version=${VERSION:-dev}" -o "$bin/terraform-provider-pii" .)
echo "$bin/terraform-provider-pii"

# The provider comes from the local build (scripts/local-provider.sh).
use_local_provider "$work" "$bin"

# The provider override makes 'terraform init' unnecessary; Terraform says
# so in a warning that we filter to keep the demo readable.
plan() {
  local dir=$1
  shift
  terraform -chdir="$root/examples/$dir" plan -input=false -no-color -lock=false "$@" 2>&1 |
    awk '/Warning: Provider development overrides are in effect/{skip=1} skip&&/releases\./{skip=0; next} !skip && !/: Read(ing\.\.\.| complete after)/'
}

# fail prints a plan and why the demo stops.
fail() {
  cat "$1"
  echo "demo failed: $2" >&2
  exit 1
}

# errors shows only the diagnostics of a failed plan, from the first error.
errors() { sed -n '/^Error:/,$p' "$1"; }

step "terraform plan examples/complete: three activities, their controls and assessments"
if ! plan complete >"$work/complete-plan.txt"; then
  fail "$work/complete-plan.txt" "examples/complete should plan without errors"
fi
if grep -q '^Warning:' "$work/complete-plan.txt"; then
  fail "$work/complete-plan.txt" "examples/complete should plan without warnings"
fi
# The full plan shows every computed attribute; the demo shows what it would
# create and the posture the outputs summarise.
grep -E '^  # .* will be created$|^Plan:' "$work/complete-plan.txt"
echo
awk '/^Changes to Outputs:/{on=1; print; next}
     on && /^  [+~-] /{show = ($2 ~ /^(activities|assessments|risks|statement_of_applicability)$/)}
     on && show' "$work/complete-plan.txt"
echo "(the full plan is in .demo/complete-plan.txt)"

step "The same plan with a mistyped control id: the plan fails and suggests the right one"
if plan complete -var focus_control=9.21 >"$work/failing-plan.txt"; then
  fail "$work/failing-plan.txt" "expected the plan with a mistyped control id to fail"
fi
grep -q '^Error: Unknown control' "$work/failing-plan.txt" ||
  fail "$work/failing-plan.txt" "expected the error \"Unknown control\""
errors "$work/failing-plan.txt"

step "terraform plan examples/gap: the same organisation with one risk left without controls"
if plan gap >"$work/gap-plan.txt"; then
  fail "$work/gap-plan.txt" "expected examples/gap to fail with an uncovered risk"
fi
if [ "$(grep -c '^Error:' "$work/gap-plan.txt")" -ne 1 ] ||
  ! grep -q '^Error: Risk not covered' "$work/gap-plan.txt" ||
  ! grep -q 'US authorities access the analytics data' "$work/gap-plan.txt"; then
  fail "$work/gap-plan.txt" "expected exactly one error, \"Risk not covered\", for the risk \"US authorities access the analytics data\""
fi
errors "$work/gap-plan.txt"

step "terraform-provider-pii check: the built-in policy pack over the saved plan of examples/complete"
if ! plan complete -out="$work/complete.tfplan" >"$work/complete-plan-saved.txt"; then
  fail "$work/complete-plan-saved.txt" "examples/complete should plan without errors"
fi
terraform -chdir="$root/examples/complete" show -json "$work/complete.tfplan" >"$work/complete-plan.json"
echo "\$ terraform show -json complete.tfplan > complete-plan.json"
echo "\$ terraform-provider-pii check complete-plan.json"
status=0
"$bin/terraform-provider-pii" check --no-color "$work/complete-plan.json" >"$work/check-complete.txt" || status=$?
cat "$work/check-complete.txt"
[ "$status" -eq 0 ] || fail "$work/check-complete.txt" "the built-in pack should pass examples/complete (advisory findings only), exit status $status"

step "terraform plan examples/cloud-processor: a cloud service that processes its customers' PII, with ISO/IEC 27018 controls"
if ! plan cloud-processor -out="$work/cloud-processor.tfplan" >"$work/cloud-processor-plan.txt"; then
  fail "$work/cloud-processor-plan.txt" "examples/cloud-processor should plan without errors"
fi
if grep -q '^Warning:' "$work/cloud-processor-plan.txt"; then
  fail "$work/cloud-processor-plan.txt" "examples/cloud-processor should plan without warnings"
fi
grep -E '^Plan:' "$work/cloud-processor-plan.txt"
awk '/^Changes to Outputs:/{on=1; print; next}
     on && /^  [+~-] /{show = ($2 ~ /^(cloud_processor_controls|statement_of_applicability)$/)}
     on && show' "$work/cloud-processor-plan.txt"
grep -q 'iso27018:A.12.1 Geographical location of PII: implemented' "$work/cloud-processor-plan.txt" ||
  fail "$work/cloud-processor-plan.txt" "expected the iso27018 control A.12.1 among the outputs"
terraform -chdir="$root/examples/cloud-processor" show -json "$work/cloud-processor.tfplan" >"$work/cloud-processor-plan.json"
echo
echo "\$ terraform-provider-pii check cloud-processor-plan.json   # the processor's duties: processor_activity_controls"
status=0
"$bin/terraform-provider-pii" check --no-color "$work/cloud-processor-plan.json" >"$work/check-cloud-processor.txt" || status=$?
grep -E '^  pii_processing_activity|^results:|^result:' "$work/check-cloud-processor.txt"
[ "$status" -eq 0 ] || fail "$work/check-cloud-processor.txt" "the built-in pack should pass examples/cloud-processor, exit status $status"

fixture="internal/tfplan/testdata/plans/fugue__regula__tf_aws_cloudtrail_issue355_infra.json"
step "terraform-provider-pii check: a real AWS plan from a public repository, every data store assumed to hold PII"
echo "\$ terraform-provider-pii check --var assume_pii=true ${fixture##*/}"
status=0
(cd "$root" && "$bin/terraform-provider-pii" check --no-color --var assume_pii=true "$fixture") >"$work/check-aws.txt" || status=$?
cat "$work/check-aws.txt"
[ "$status" -eq 1 ] || fail "$work/check-aws.txt" "expected blocking failures on the AWS plan with assume_pii=true (exit status 1), got $status"

step "A posture verified against another workspace's infrastructure: examples/verified-posture"
if ! plan verified-posture -out="$work/verified-posture.tfplan" >"$work/verified-posture-plan.txt"; then
  fail "$work/verified-posture-plan.txt" "examples/verified-posture should plan without errors"
fi
grep -E '^Plan:' "$work/verified-posture-plan.txt"
terraform -chdir="$root/examples/verified-posture" show -json "$work/verified-posture.tfplan" >"$work/posture.json"
infra="examples/verified-posture/infrastructure"
# verification shows the verification's results of a check's text output:
# the posture's document, whose resources the verification policies check.
verification() { sed -n '/^posture.json$/,/^$/p' "$1"; }
echo "\$ terraform show -json verified-posture.tfplan > posture.json"
echo "\$ terraform-provider-pii check posture.json storage=../$infra/storage.json"
status=0
(cd "$work" && "$bin/terraform-provider-pii" check --no-color posture.json "storage=../$infra/storage.json") >"$work/check-verified.txt" || status=$?
verification "$work/check-verified.txt"
tail -n 2 "$work/check-verified.txt"
[ "$status" -eq 1 ] || fail "$work/check-verified.txt" "expected the check to block (exit status 1), got $status"
grep -q 'pii_control.backup_encryption (iso29151:10.1.1, declared implemented) is contradicted: fails: aws_s3_bucket_pii_kms_encryption on storage:aws_s3_bucket.grafana_backups' "$work/check-verified.txt" ||
  fail "$work/check-verified.txt" "expected pii_control.backup_encryption to be contradicted by the unencrypted bucket"
grep -q 'risk "backups_read_by_outsiders" is covered on paper only' "$work/check-verified.txt" ||
  fail "$work/check-verified.txt" "expected risk \"backups_read_by_outsiders\" to be covered on paper only"
echo "(the storage workspace's own findings, region, logging and the rest, are in .demo/check-verified.txt)"
echo
echo "\$ terraform-provider-pii check posture.json storage=../$infra/storage-fixed.json   # the bucket encrypted with KMS"
status=0
(cd "$work" && "$bin/terraform-provider-pii" check --no-color posture.json "storage=../$infra/storage-fixed.json") >"$work/check-verified-fixed.txt" || status=$?
verification "$work/check-verified-fixed.txt"
grep -q 'pii_control.backup_encryption (iso29151:10.1.1, declared implemented) is verified: passes: aws_s3_bucket_pii_kms_encryption on storage:aws_s3_bucket.grafana_backups' "$work/check-verified-fixed.txt" ||
  fail "$work/check-verified-fixed.txt" "expected pii_control.backup_encryption to be verified on the fixed bucket"
if grep -qE 'is contradicted|covered on paper only' "$work/check-verified-fixed.txt"; then
  fail "$work/check-verified-fixed.txt" "expected nothing contradicted on the fixed bucket"
fi
echo "The posture's own results pass; the check still exits $status for the storage workspace's other findings (in .demo/check-verified-fixed.txt)."
(cd "$work" && "$bin/terraform-provider-pii" report --with-check --format html --output verified-posture.html posture.json "storage=../$infra/storage.json")
echo "The report of the first run, with its Verification section: .demo/verified-posture.html"

step "terraform-provider-pii test: the built-in pack's own policy tests"
"$bin/terraform-provider-pii" test

step "The command line: controls that treat over-retention, across the three catalogs"
"$bin/terraform-provider-pii" catalog --treats over_retention

step "The command line: a user's catalog file with a mistake"
printf 'control "iso29151" "A.3.9" {\n  title  = "Mine"\n  parent = "A.3"\n  treats = ["data_los"]\n}\n' > "$work/broken.hcl"
if "$bin/terraform-provider-pii" catalog --catalog-file "$work/broken.hcl"; then
  echo "expected the catalog file to be rejected" >&2
  exit 1
fi

step "Done"
echo "The demo passed: examples/complete and examples/cloud-processor planned cleanly and passed the policy pack, the uncovered risk in"
echo "examples/gap failed the plan, the pack blocked the unprotected AWS stores, the storage workspace's plan contradicted a claimed"
echo "control (and the fixed plan verified it), and both mistakes were caught with a suggestion."
