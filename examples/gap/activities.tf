# The records of processing (GDPR Art. 30), one per activity, described along
# the PII life cycle. The provider derives each activity's sensitivity and
# the WP248 criteria it meets (pia_triggers); two or more make a privacy
# impact assessment necessary (pia_required), and assessments.tf has one for
# each activity.

resource "pii_processing_activity" "checkout" {
  name        = "Checkout and payments"
  description = "Customers place orders in the web shop and pay by card; orders are fulfilled from the warehouse."
  owner       = "Head of E-commerce"
  purposes    = ["Take and deliver customer orders", "Process card payments for orders"]
  legal_basis = "contract"
  pii_categories = [
    "identifiers.name", "contact.email", "contact.phone", "contact.postal_address", "financial.payment_card",
  ]
  principals = ["customer"]
  volume     = 250000 # large scale: above the provider's large_scale_threshold (100000)
  retention  = "P7Y"  # order records, for tax law; card numbers are tokenised

  collection {
    source  = "data_subject"
    systems = ["aws_lb.storefront", "aws_ecs_service.checkout"]
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
    mechanism      = "not_required" # same jurisdiction (EU)
  }
  disposal {
    method  = "crypto_erasure"
    systems = ["aws_kms_key.orders"]
  }
}

resource "pii_processing_activity" "payroll" {
  name        = "Payroll and absence management"
  description = "Salaries, statutory sick pay and trade-union dues deducted at the employee's request."
  owner       = "Head of People"
  purposes = [
    "Pay salaries and statutory sick pay",
    "Deduct trade-union dues that employees ask us to pay on their behalf",
  ]
  legal_basis = "legal_obligation"
  pii_categories = [
    "identifiers.name", "identifiers.government_id", "contact.postal_address", "financial.bank_account",
    "employment", "special.health", "special.trade_union",
  ]
  # Sick-leave records (health) and union dues (trade-union membership) are
  # special categories: GDPR Art. 9(2)(b) allows them for employment law.
  special_category_condition = "employment_social_protection"
  principals                 = ["employee"]
  volume                     = 1200
  retention                  = "P6Y"

  collection {
    source  = "data_subject"
    systems = ["hr_portal"]
  }
  storage {
    systems   = ["payroll_saas"]
    countries = ["DE"]
  }
  use {
    systems = ["payroll_saas"]
  }
  transfer {
    recipient      = "Tax and social security authorities"
    recipient_role = "public_authority"
    country        = "DE"
    mechanism      = "not_required"
  }
  disposal {
    method = "deletion"
  }
}

resource "pii_processing_activity" "marketing" {
  name        = "Marketing analytics and personalisation"
  description = "Web analytics, campaign measurement and product recommendations built from browsing and purchases."
  owner       = "Head of Marketing"
  purposes = [
    "Measure how our campaigns perform",
    "Recommend products based on what you browse and buy",
  ]
  legal_basis = "consent"
  pii_categories = [
    "identifiers.online", "contact.email", "behavioral.browsing", "behavioral.purchase_history", "behavioral.profiling",
  ]
  principals        = ["customer", "website_visitor"]
  volume            = 400000
  retention         = "P13M"
  profiling         = true # recommendations score customers' interests
  datasets_combined = true # browsing joined with purchase history

  collection {
    source  = "data_subject"
    systems = ["consent_banner", "aws_kinesis_stream.clickstream"]
  }
  storage {
    systems   = ["aws_s3_bucket.analytics"]
    countries = ["IE"]
  }
  use {
    systems = ["recommendation_service"]
  }
  transfer {
    recipient      = "Analytics platform (US processor)"
    recipient_role = "processor"
    country        = "US"
    mechanism      = "scc"
  }
  disposal {
    method = "anonymisation"
  }
}
