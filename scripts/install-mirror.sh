#!/usr/bin/env bash
# make mirror: builds the provider from this checkout and installs it into a
# Terraform filesystem mirror, so that a configuration with
#
#   terraform { required_providers { pii = { source = "privacycode/pii" } } }
#
# runs 'terraform init' as usual and records the build in its lock file.
#
#   scripts/install-mirror.sh DIR [VERSION]
#
# writes DIR/HOST/privacycode/pii/VERSION/OS_ARCH/terraform-provider-pii_vVERSION
# (the unpacked layout). HOST is the one Terraform itself gives the bare
# source address, read from 'terraform providers' rather than written down
# here. OS_ARCH follows GOOS and GOARCH, so GOOS=darwin GOARCH=arm64 adds a
# build for another platform next to this one.
#
# VERSION must be semver. Without one: X.Y.Z when the checkout is exactly at
# a tag vX.Y.Z, else 0.0.1. Not 0.0.0, which Terraform reads as "no
# version", and not a pre-release such as 0.0.1-dev by default, which
# Terraform selects only when required_providers pins exactly that version.
set -euo pipefail

usage="usage: $0 DIR [VERSION]"
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "$usage" >&2; exit 2; }
[ -n "$1" ] || { echo "$usage" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)

version=${2:-}
if [ -z "$version" ]; then
  tag=$(git -C "$root" describe --tags --exact-match 2>/dev/null || true)
  if [[ $tag =~ ^v([0-9]+\.[0-9]+\.[0-9]+)$ ]]; then
    version=${BASH_REMATCH[1]}
  else
    version=0.0.1
  fi
fi
version=${version#v}
semver='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$'
if ! [[ $version =~ $semver ]]; then
  echo "version \"$version\" is not semver (MAJOR.MINOR.PATCH, optionally -PRERELEASE): Terraform would not find it in the mirror." >&2
  exit 2
fi
if [ "$version" = 0.0.0 ]; then
  echo "version 0.0.0 is what Terraform uses for \"no version\" and never selects it: choose another, such as 0.0.1." >&2
  exit 2
fi

if ! command -v terraform >/dev/null 2>&1; then
  echo "make mirror needs terraform (>= 1.8) on PATH: it asks terraform which host the source address privacycode/pii stands for." >&2
  exit 1
fi

# The fully qualified address of privacycode/pii, from Terraform: a
# configuration that only requires the provider, and an empty CLI
# configuration so that the user's own cannot change the answer.
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
cat >"$probe/main.tf" <<'TF'
terraform {
  required_providers {
    pii = { source = "privacycode/pii" }
  }
}
TF
: >"$probe/terraformrc"
providers=$(cd "$probe" && CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_CLI_CONFIG_FILE="$probe/terraformrc" TF_DATA_DIR="$probe/.terraform" terraform providers -no-color 2>&1) || {
  echo "terraform providers failed:" >&2
  echo "$providers" >&2
  exit 1
}
host=$(sed -n 's|.*provider\[\([^]/]*\)/privacycode/pii\].*|\1|p' <<<"$providers" | head -n 1)
if [ -z "$host" ]; then
  echo "could not read the provider's host from terraform providers:" >&2
  echo "$providers" >&2
  exit 1
fi

mkdir -p "$1"
dir=$(cd "$1" && pwd)
goos=$(go env GOOS)
goarch=$(go env GOARCH)
exe=
[ "$goos" = windows ] && exe=.exe
target="$dir/$host/privacycode/pii/$version/${goos}_${goarch}"
# Build first, so that a failed build leaves the mirror as it was; then
# replace the platform's directory, since a stale file next to the new
# binary would change the checksum Terraform computes for the package.
(cd "$root" && go build -trimpath -ldflags "-s -w -X main.version=$version" -o "$probe/terraform-provider-pii_v$version$exe" .)
rm -rf "$target"
mkdir -p "$target"
mv "$probe/terraform-provider-pii_v$version$exe" "$target/"

cat <<EOF
Installed privacycode/pii $version for ${goos}_${goarch}:
  $target/terraform-provider-pii_v$version$exe

To use it, write a CLI configuration file with

provider_installation {
  filesystem_mirror {
    path    = "$dir"
    include = ["privacycode/pii"]
  }
  direct {
    exclude = ["privacycode/pii"]
  }
}

and export TF_CLI_CONFIG_FILE=/path/to/that/file before terraform init.
EOF
