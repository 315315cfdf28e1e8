# One record of processing, described along the PII life cycle. Each block
# (collection, storage, use, transfer, disposal) declares a life-cycle stage
# that risk assessments of the activity must cover.
resource "pii_processing_activity" "checkout" {
  name        = "Checkout and payments"
  description = "Customers place orders in the web shop and pay by card."
  owner       = "Head of E-commerce"
  purposes    = ["Take and deliver customer orders", "Process card payments for orders"]
  legal_basis = "contract"
  pii_categories = [
    "identifiers.name", "contact.email", "contact.postal_address", "financial.payment_card",
  ]
  principals = ["customer"]
  volume     = 250000
  retention  = "P7Y"

  collection {
    source  = "data_subject"
    systems = ["aws_ecs_service.checkout"]
  }
  storage {
    systems   = ["aws_db_instance.orders"]
    countries = ["IE"]
  }
  use {
    systems = ["aws_ecs_service.fulfilment"]
  }
  transfer {
    recipient      = "Payment service provider"
    recipient_role = "processor"
    country        = "NL"
    mechanism      = "not_required"
  }
  disposal {
    method = "crypto_erasure"
  }
}

# Special categories need a GDPR Art. 9(2) condition.
resource "pii_processing_activity" "payroll" {
  name                       = "Payroll and absence management"
  purposes                   = ["Pay salaries and statutory sick pay"]
  legal_basis                = "legal_obligation"
  pii_categories             = ["identifiers.name", "financial.bank_account", "employment", "special.health"]
  special_category_condition = "employment_social_protection"
  principals                 = ["employee"]
  retention                  = "P6Y"

  storage {
    countries = ["DE"]
  }
}

# Processing done on behalf of others, as a cloud service does for its
# customers: role "processor" and the controllers it acts for, which a
# processor's record of processing names (GDPR Art. 30(2)).
resource "pii_processing_activity" "hosted_tickets" {
  name           = "Support ticket hosting"
  role           = "processor"
  controllers    = ["Each customer organisation, under its data processing agreement"]
  purposes       = ["Store and route the support requests sent to each customer organisation"]
  pii_categories = ["identifiers.name", "contact.email", "communications"]
  principals     = ["customer_end_user"]
  retention      = "P2Y"

  disposal {
    method = "deletion"
  }
}

# Computed at plan: sensitivity "high", pia_triggers
# ["sensitive_data", "large_scale"], pia_required true.
output "checkout_pia" {
  value = {
    id           = pii_processing_activity.checkout.id
    sensitivity  = pii_processing_activity.checkout.sensitivity
    pia_triggers = pii_processing_activity.checkout.pia_triggers
    pia_required = pii_processing_activity.checkout.pia_required
  }
}
