# A control is imported by its qualified id, <catalog>:<control_id>.
terraform import pii_control.encryption iso29151:10.1.1

# Or, with Terraform 1.5 and later, an import block:
#
# import {
#   to = pii_control.encryption
#   id = "iso29151:10.1.1"
# }
