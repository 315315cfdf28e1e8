# A processing activity is imported by its id, which the provider derives
# from the name: a slug and a short hash of the exact name, so that
# "Checkout and payments" is always checkout-and-payments-29028de6.
terraform import pii_processing_activity.checkout checkout-and-payments-29028de6

# Or, with Terraform 1.5 and later, an import block:
#
# import {
#   to = pii_processing_activity.checkout
#   id = "checkout-and-payments-29028de6"
# }
