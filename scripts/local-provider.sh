# Sourced by the scripts that run terraform against the provider built from
# this checkout (demo, report, bench-scale, bench-report).
#
#   use_local_provider WORK_DIR PROVIDER_DIR
#
# writes WORK_DIR/terraformrc, a CLI configuration of our own whose
# dev_overrides take privacycode/pii from PROVIDER_DIR (the user's own
# configuration, if any, is left alone and nothing is downloaded), and
# exports it with the variables that keep terraform quiet and offline.
# The override makes 'terraform init' unnecessary.
use_local_provider() {
  local work=$1 dir=$2
  cat > "$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "privacycode/pii" = "$dir"
  }
  direct {}
}
RC
  export TF_CLI_CONFIG_FILE="$work/terraformrc"
  export CHECKPOINT_DISABLE=1
  export TF_IN_AUTOMATION=1
}
