#!/usr/bin/env bash
# Rewrites the saved plans that the report tests read
# (internal/report/testdata/<example>-plan.json) from the examples they come
# from, planned against a build of this checkout through a development
# override (scripts/local-provider.sh: nothing is downloaded, your own
# Terraform configuration is left alone), then derives
# controller-scope-plan.json from complete-plan.json as
# internal/report/testdata/README.md describes.
#
# TestAccReportTestdataIsCurrent (internal/provider) fails when a saved plan
# no longer matches its example; run this, then review and update the
# goldens with: go test ./internal/report/ -update
set -euo pipefail

# shellcheck source=scripts/local-provider.sh
. "$(dirname "$0")/local-provider.sh"

root=$(cd "$(dirname "$0")/.." && pwd)
testdata="$root/internal/report/testdata"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$root" && go build -o "$work/bin/terraform-provider-pii" .)
use_local_provider "$work" "$work/bin"

for example in complete cloud-processor verified-posture; do
  if ! terraform -chdir="$root/examples/$example" plan -input=false -no-color -lock=false -out="$work/$example.tfplan" >"$work/$example.log" 2>&1; then
    cat "$work/$example.log" >&2
    echo "terraform plan of examples/$example failed" >&2
    exit 1
  fi
  terraform -chdir="$root/examples/$example" show -json "$work/$example.tfplan" >"$testdata/$example-plan.json"
  echo "internal/report/testdata/$example-plan.json"
done

# The controller-scope fixture: complete-plan.json with constant
# catalog_files (the example writes "${path.module}/catalog.hcl", which the
# plan does not evaluate) and an organisation that acts as a controller only.
python3 - "$testdata" <<'PY'
import json, sys
testdata = sys.argv[1]
with open(f"{testdata}/complete-plan.json", encoding="utf-8") as f:
    d = json.load(f)
e = d["configuration"]["provider_config"]["pii"]["expressions"]
e["catalog_files"] = {"constant_value": ["complete-catalog.hcl"]}
e["organization"] = {"constant_value": {
    "name": "Acme Retail Ltd",
    "contact": "privacy@acme.example, 1 High Street, Leeds LS1 1AA, United Kingdom",
    "dpo_contact": "dpo@acme.example",
    "jurisdiction": "EEA",
    "roles": ["controller"],
    "scope_justification": "Acme processes PII only for its own purposes; it hosts no one else's PII, so the controls for processors do not apply.",
}}
with open(f"{testdata}/controller-scope-plan.json", "w", encoding="utf-8") as f:
    f.write(json.dumps(d, separators=(",", ":"), ensure_ascii=False))
PY
echo "internal/report/testdata/controller-scope-plan.json"
cp "$root/examples/complete/catalog.hcl" "$testdata/complete-catalog.hcl"
