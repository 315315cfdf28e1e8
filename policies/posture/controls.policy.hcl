# Control implementations: accountability and a single source of truth.

locals {
  in_place = contains(["implemented", "partial", "alternative"], try(attrs.status, ""))
}

resource_policy "pii_control" "control_owner_and_evidence" {
  description       = "A control in place names who owns it and where the evidence of its operation is"
  controls          = ["iso29151:6.1.1", "iso29151:18.2.2"]
  severity          = "low"
  enforcement_level = "advisory"
  filter            = local.in_place

  enforce {
    condition     = trimspace(coalesce(try(attrs.owner, null), "")) != ""
    error_message = "${meta.address} (${try(attrs.id, "")}) is ${attrs.status} but has no owner: set owner to the team or role accountable for it."
  }

  enforce {
    condition     = try(length(attrs.evidence), 0) > 0
    error_message = "${meta.address} (${try(attrs.id, "")}) is ${attrs.status} but lists no evidence: add the documents, links or Terraform addresses that show it works to evidence."
  }
}

resource_policy "pii_control" "control_review_current" {
  description       = "A control in place has been reviewed, and its next review is not overdue"
  controls          = ["iso29151:18.2.1", "iso29151:18.2.3"]
  severity          = "low"
  enforcement_level = "advisory"
  filter            = local.in_place

  locals {
    today = input.as_of != "" ? input.as_of : core::today()
  }

  enforce {
    condition     = try(attrs.review_due, null) != null
    error_message = "${meta.address} (${try(attrs.id, "")}) has never been reviewed: set last_reviewed to the date of its last review (YYYY-MM-DD)."
  }

  enforce {
    condition     = try(attrs.review_due, null) == null || tonumber(replace(attrs.review_due, "-", "")) >= tonumber(replace(local.today, "-", ""))
    error_message = "${meta.address} (${try(attrs.id, "")}) was due for review on ${try(attrs.review_due, "")} (checked as of ${local.today}): review it and update last_reviewed."
  }
}

resource_policy "pii_control" "control_declared_once" {
  description       = "Each catalog control is declared once per scope, so that the Statement of Applicability has one status for it"
  controls          = ["iso29151:5.1.1", "iso29151:18.2.2"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"

  locals {
    # The scope as text, so that null, [] and the same ids in another
    # order compare equal.
    scope = join(", ", try(sort(attrs.activities), []))
    same_scope = [for c in core::getresources("pii_control", { id = attrs.id }) : c.meta.address
    if c.meta.address != meta.address && join(", ", try(sort(c.attrs.activities), [])) == local.scope]
  }

  enforce {
    condition     = length(local.same_scope) == 0
    error_message = "${meta.address} declares ${attrs.id} for the same scope (${local.scope == "" ? "organisation-wide" : local.scope}) as ${join(", ", local.same_scope)}: keep one pii_control per control and scope, or give each its own activities."
  }
}
