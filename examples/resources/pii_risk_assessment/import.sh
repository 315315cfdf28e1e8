# An assessment is imported by its id: "pia-" followed by the id of the
# activity it assesses.
terraform import pii_risk_assessment.newsletter pia-newsletter-f84ca2e7

# Or, with Terraform 1.5 and later, an import block:
#
# import {
#   to = pii_risk_assessment.newsletter
#   id = "pia-newsletter-f84ca2e7"
# }
