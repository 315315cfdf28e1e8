# The level of likelihood × impact on the provider's risk scale:
# low (1–3), medium (4–6), high (8–9), very_high (12–16).

output "card_skimming" {
  value = provider::pii::risk_level("significant", "maximum") # 3 × 4 = 12: "very_high"
}

output "with_numbers" {
  value = provider::pii::risk_level(2, 3) # 6: "medium"
}

output "mixed" {
  value = provider::pii::risk_level("limited", 4) # 8: "high"
}

# The whole 4 × 4 matrix, likelihood by impact.
output "matrix" {
  value = {
    for l in ["negligible", "limited", "significant", "maximum"] :
    l => [for i in range(1, 5) : provider::pii::risk_level(l, i)]
  }
}
