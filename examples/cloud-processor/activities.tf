# What Deskly processes on behalf of its customers, and what it processes for
# itself. The first is a processor's record: it names the controllers it acts
# for, and its categories of processing are the purposes the customers set.

resource "pii_processing_activity" "tickets" {
  name        = "Support ticket hosting"
  description = "Customer organisations run their help desk on Deskly: their own customers write in by email or web form, the customers' agents answer in the ticket view, and attachments stay with the ticket."
  owner       = "Head of Product"
  role        = "processor"
  controllers = ["Each customer organisation, under the Deskly data processing agreement"]
  purposes = [
    "Receive, store and route the support requests sent to each customer organisation",
    "Deliver the replies that the customer's agents write",
  ]
  pii_categories = ["identifiers.name", "contact.email", "communications"]
  principals     = ["customer_end_user"]
  volume         = 2000000 # large scale
  retention      = "P2Y"   # the default; each customer can set a shorter period

  collection {
    source  = "data_subject"
    systems = ["aws_lb.inbound", "aws_ses_receipt_rule_set.inbound"]
  }
  storage {
    systems   = ["aws_rds_cluster.tickets", "aws_s3_bucket.attachments"]
    countries = ["IE", "DE"]
  }
  use {
    systems = ["aws_ecs_service.agent_console"]
  }
  transfer {
    recipient      = "Outbound email delivery service (sub-processor)"
    recipient_role = "processor"
    country        = "US"
    mechanism      = "scc"
    systems        = ["outbound_email"]
  }
  disposal {
    method  = "deletion"
    systems = ["aws_rds_cluster.tickets", "aws_s3_bucket.attachments"]
  }
}

resource "pii_processing_activity" "staff_directory" {
  name           = "Staff directory and accounts"
  description    = "Deskly's own employees: their accounts, roles and on-call rota."
  owner          = "Head of People"
  purposes       = ["Give each employee an account and the access their role needs"]
  legal_basis    = "contract"
  pii_categories = ["identifiers.name", "contact.email", "employment"]
  principals     = ["employee"]
  volume         = 140
  retention      = "P1Y" # after the employee leaves

  storage {
    systems   = ["identity_provider"]
    countries = ["IE"]
  }
  disposal {
    method = "deletion"
  }
}
