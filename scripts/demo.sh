#!/usr/bin/env bash
# make demo: builds the provider, plans examples/complete against the local
# build (a dev override, so nothing is downloaded), and shows the command
# line. Everything it writes goes to .demo/, which git ignores.
set -euo pipefail

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

# A CLI configuration of our own: the provider comes from the local build,
# and the user's own configuration (if any) is left alone.
cat > "$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "privacycode/pii" = "$bin"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc"
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1

# The provider override makes 'terraform init' unnecessary; Terraform says
# so in a warning that we filter to keep the demo readable.
plan() {
  terraform -chdir="$root/examples/complete" plan -input=false -no-color "$@" 2>&1 |
    awk '/Warning: Provider development overrides are in effect/{skip=1} skip&&/releases\./{skip=0; next} !skip && !/: Read(ing\.\.\.| complete after)/'
}

step "terraform plan examples/complete (catalog data sources, with the example's own catalog file)"
plan

step "The same plan with a mistyped control id: the plan fails and suggests the right one"
if plan -var focus_control=9.21 >"$work/failing-plan.txt"; then
  cat "$work/failing-plan.txt"
  echo "expected the plan to fail" >&2
  exit 1
fi
sed -n '/^Error:/,$p' "$work/failing-plan.txt"

step "The command line: controls that treat over-retention, across both catalogs"
"$bin/terraform-provider-pii" catalog --treats over_retention

step "The command line: a user's catalog file with a mistake"
printf 'control "iso29151" "A.3.9" {\n  title  = "Mine"\n  parent = "A.3"\n  treats = ["data_los"]\n}\n' > "$work/broken.hcl"
if "$bin/terraform-provider-pii" catalog --catalog-file "$work/broken.hcl"; then
  echo "expected the catalog file to be rejected" >&2
  exit 1
fi

step "Done"
echo "The demo passed: the example planned, and both mistakes were caught with a suggestion."
