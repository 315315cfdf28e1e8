# A privacy impact assessment (ISO/IEC 29134) of each activity. Every risk is
# rated before controls (likelihood × impact, 1–4 each) and treated:
# mitigated by the controls selected for it, accepted, avoided or
# transferred. Each implemented, in-scope control that treats the risk's
# category lowers its likelihood or its impact by one step (at most two steps
# each); a mitigated risk must end at or below the risk appetite ("medium",
# a score of 6 or less), or the plan fails. Every life-cycle stage an
# activity declares has at least one risk.

resource "pii_risk_assessment" "checkout" {
  activity    = pii_processing_activity.checkout
  assessor    = "Data protection officer"
  assessed_on = "2026-10-06"
  next_review = "2027-10-06"
  status      = "approved"
  approved_by = "Chief Executive Officer"

  risks = [
    {
      name            = "Card data intercepted at checkout"
      description     = "An attacker skims card numbers between the customer's browser and the payment page; customers suffer fraud."
      category        = "illegitimate_access"
      lifecycle_stage = "collection"
      risk_source     = "External attacker"
      likelihood      = "significant" # 3 × 4 = 12, very_high
      impact          = "maximum"
      # transmission lowers likelihood, encryption impact: 2 × 3 = 6, medium
      controls = [pii_control.transmission, pii_control.encryption]
    },
    {
      name            = "Order database breached"
      description     = "Names, addresses and order histories are copied from the orders database."
      category        = "illegitimate_access"
      lifecycle_stage = "storage"
      risk_source     = "External attacker or rogue administrator"
      likelihood      = "significant" # 3 × 3 = 9, high
      impact          = "significant"
      # two likelihood and two impact steps: 1 × 1 = 1, low
      controls = [pii_control.access_policy, pii_control.privileged_access, pii_control.encryption, pii_control.kms]
    },
    {
      name            = "Order data reused for unrelated purposes"
      category        = "purpose_creep"
      lifecycle_stage = "use"
      risk_source     = "Employees"
      likelihood      = "limited" # 2 × 3 = 6, medium
      impact          = "significant"
      controls        = [pii_control.access_policy] # 1 × 3 = 3, low
    },
    {
      name            = "Card data breached at the payment service provider"
      category        = "illegitimate_access"
      lifecycle_stage = "transfer"
      risk_source     = "Processor"
      likelihood      = "limited" # 2 × 4 = 8, high
      impact          = "maximum"
      treatment       = "transfer"
      transfer_to     = "Payment service provider: PCI DSS level 1, liable for card data under the processing agreement"
    },
    {
      name            = "Orders kept past the retention period"
      category        = "over_retention"
      lifecycle_stage = "disposal"
      likelihood      = "significant" # 3 × 2 = 6, medium
      impact          = "limited"
      controls        = [pii_control.retention_schedule, pii_control.deletion] # 2 × 1 = 2, low
    },
  ]
}

resource "pii_risk_assessment" "payroll" {
  activity    = pii_processing_activity.payroll
  assessor    = "Data protection officer"
  assessed_on = "2026-09-22"
  next_review = "2027-09-22"
  status      = "approved"
  approved_by = "Chief People Officer"

  # The activity processes special categories, so every impact is rated
  # significant or maximum (a lower rating would need a rationale).
  risks = [
    {
      name            = "Bank details entered wrongly"
      description     = "An employee mistypes their account number and a salary goes astray."
      category        = "inaccurate_data"
      lifecycle_stage = "collection"
      risk_source     = "Employees"
      likelihood      = "limited" # 2 × 3 = 6, medium
      impact          = "significant"
      treatment       = "accept"
      acceptance = {
        accepted_by = "Chief People Officer"
        rationale   = "Employees enter and confirm their own details; a misdirected payment is recovered and repaid within the next payroll run."
        expires     = "2099-12-31"
      }
    },
    {
      name            = "Payroll records lost"
      category        = "data_loss"
      lifecycle_stage = "storage"
      risk_source     = "Outage or operator error"
      likelihood      = "limited" # 2 × 3 = 6, medium
      impact          = "significant"
      controls        = [pii_control.privileged_access, pii_control.backup] # 1 × 2 = 2, low
    },
    {
      name            = "Sick-leave reasons seen by line managers"
      description     = "Managers or colleagues learn an employee's diagnosis from the absence records."
      category        = "illegitimate_access"
      lifecycle_stage = "use"
      risk_source     = "Employees"
      likelihood      = "significant" # 3 × 4 = 12, very_high
      impact          = "maximum"
      # three likelihood controls, but at most two steps count: 1 × 3 = 3, low
      controls = [
        pii_control.access_policy, pii_control.hr_access_restriction, pii_control.privileged_access,
        pii_control.encryption,
      ]
    },
    {
      name            = "Union membership used against employees"
      category        = "purpose_creep"
      lifecycle_stage = "use"
      risk_source     = "Management"
      likelihood      = "limited" # 2 × 4 = 8, high
      impact          = "maximum"
      controls        = [pii_control.access_policy] # 1 × 4 = 4, medium
    },
    {
      name            = "Payroll file intercepted on its way to the authorities"
      category        = "illegitimate_access"
      lifecycle_stage = "transfer"
      likelihood      = "limited" # 2 × 4 = 8, high
      impact          = "maximum"
      controls        = [pii_control.transmission, pii_control.encryption] # 1 × 3 = 3, low
    },
    {
      name            = "Leavers' records kept too long"
      category        = "over_retention"
      lifecycle_stage = "disposal"
      likelihood      = "significant" # 3 × 3 = 9, high
      impact          = "significant"
      controls        = [pii_control.retention_schedule, pii_control.deletion] # 2 × 2 = 4, medium
    },
  ]
}

resource "pii_risk_assessment" "marketing" {
  activity    = pii_processing_activity.marketing
  assessor    = "Data protection officer"
  assessed_on = "2026-10-20"
  next_review = "2027-04-20"
  status      = "in_review"

  risks = [
    {
      name            = "Visitors tracked before they consent"
      category        = "unlawful_processing"
      lifecycle_stage = "collection"
      likelihood      = "significant" # 3 × 2 = 6, medium
      impact          = "limited"
      controls        = [pii_control.consent] # 2 × 2 = 4, medium
    },
    {
      name            = "More events collected than the purposes need"
      category        = "excessive_collection"
      lifecycle_stage = "collection"
      likelihood      = "significant" # 3 × 2 = 6, medium
      impact          = "limited"
      controls        = [pii_control.limit_collection] # 2 × 2 = 4, medium
    },
    {
      name            = "Customers re-identified from the analytics store"
      category        = "re_identification"
      lifecycle_stage = "storage"
      likelihood      = "limited" # 2 × 3 = 6, medium
      impact          = "significant"
      # pii_control.minimisation would lower the likelihood too, but it is
      # only planned: selecting it now would draw a warning and change nothing.
      controls = [pii_control.deletion] # 2 × 2 = 4, medium
    },
    {
      name            = "Sensitive traits inferred from purchases"
      description     = "The recommendation model infers health conditions or sexual orientation from what people buy."
      category        = "purpose_creep"
      lifecycle_stage = "use"
      likelihood      = "significant" # 3 × 4 = 12, very_high
      impact          = "maximum"
      treatment       = "avoid"
      rationale       = "Products from the pharmacy and adult ranges are excluded from the model's features, so it cannot learn such traits."
    },
    {
      name            = "US authorities access the analytics data"
      description     = "The US analytics processor is compelled to disclose EU customers' profiles."
      category        = "unlawful_transfer"
      lifecycle_stage = "transfer"
      risk_source     = "Foreign public authority"
      likelihood      = "significant" # 3 × 3 = 9, high
      impact          = "significant"
      # THE GAP: no control selected, so nothing lowers the risk: 3 × 3 = 9,
      # high, above the risk appetite (medium). The plan fails here.
      controls = []
    },
    {
      name            = "Profiles kept after consent is withdrawn"
      category        = "over_retention"
      lifecycle_stage = "disposal"
      likelihood      = "significant" # 3 × 2 = 6, medium
      impact          = "limited"
      controls        = [pii_control.retention_schedule, pii_control.deletion] # 2 × 1 = 2, low
    },
  ]
}
