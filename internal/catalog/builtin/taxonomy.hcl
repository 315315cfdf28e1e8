# Built-in taxonomy: the ISO/IEC 29100 privacy principles, the risk categories
# (feared events for the PII principal) and the PII categories with their
# sensitivity. Every description is written in the project's own words.

# ---------------------------------------------------------------------------
# Privacy principles (ISO/IEC 29100, in the order of the standard)
# ---------------------------------------------------------------------------

principle "consent_and_choice" {
  number      = 1
  title       = "Consent and choice"
  description = "People get a real, informed choice about whether their PII is processed, and can change their mind later. Where consent is the basis, it is asked for before processing starts and is as easy to withdraw as to give."
}

principle "purpose_legitimacy_and_specification" {
  number      = 2
  title       = "Purpose legitimacy and specification"
  description = "Every processing serves purposes that are lawful and stated in advance. The purposes are explained to people before their PII is collected or put to a new use."
}

principle "collection_limitation" {
  number      = 3
  title       = "Collection limitation"
  description = "Only the PII that the stated purposes actually need is gathered, and it is gathered by lawful and fair means."
}

principle "data_minimization" {
  number      = 4
  title       = "Data minimization"
  description = "Systems are designed so that as little PII as possible is processed, seen by as few people as possible, kept identifiable no longer than needed and deleted once its purpose is spent."
}

principle "use_retention_and_disclosure_limitation" {
  number      = 5
  title       = "Use, retention and disclosure limitation"
  description = "PII is used, shared and kept only as far as the stated purposes and the law allow. When it is no longer needed it is securely deleted or made anonymous."
}

principle "accuracy_and_quality" {
  number      = 6
  title       = "Accuracy and quality"
  description = "PII is kept correct, complete and up to date for its purpose, and its reliability is checked, especially where it feeds decisions about people."
}

principle "openness_transparency_and_notice" {
  number      = 7
  title       = "Openness, transparency and notice"
  description = "People can find out, in clear language, who processes their PII, why, how, with whom it is shared and how to exercise their rights."
}

principle "individual_participation_and_access" {
  number      = 8
  title       = "Individual participation and access"
  description = "People can see the PII held about them and have it corrected, completed, exported or erased, through simple and timely procedures."
}

principle "accountability" {
  number      = 9
  title       = "Accountability"
  description = "The organization takes responsibility for its processing: it assigns owners, documents its decisions, binds its processors and partners, and can show what it does with PII."
}

principle "information_security" {
  number      = 10
  title       = "Information security"
  description = "PII is protected against unauthorized access, alteration, loss and destruction by technical and organizational measures in proportion to the risk."
}

principle "privacy_compliance" {
  number      = 11
  title       = "Privacy compliance"
  description = "The organization checks, through risk assessments, audits and reviews, that its processing meets the law and its own policies, and can demonstrate it."
}

# ---------------------------------------------------------------------------
# Risk categories: the feared events, seen from the PII principal's side
# ---------------------------------------------------------------------------

risk_category "illegitimate_access" {
  title       = "Illegitimate access"
  description = "Someone who has no right to see a person's PII reads, copies or publishes it, exposing the person to embarrassment, fraud, discrimination or other harm."
  principles  = ["information_security"]
}

risk_category "unwanted_modification" {
  title       = "Unwanted modification"
  description = "A person's PII is altered without authorization, by mistake or by malice, so that decisions about the person rest on falsified information."
  principles  = ["information_security", "accuracy_and_quality"]
}

risk_category "data_loss" {
  title       = "Data loss"
  description = "A person's PII disappears or becomes unavailable when it is needed, so the person loses access to a service, a benefit or proof of their situation."
  principles  = ["information_security"]
}

risk_category "excessive_collection" {
  title       = "Excessive collection"
  description = "More PII is gathered about a person than the purpose requires, widening what can be exposed, misused or inferred about them."
  principles  = ["collection_limitation", "data_minimization"]
}

risk_category "purpose_creep" {
  title       = "Purpose creep"
  description = "A person's PII is reused for purposes they were not told about and would not expect, such as marketing or profiling."
  principles  = ["purpose_legitimacy_and_specification", "use_retention_and_disclosure_limitation"]
}

risk_category "unlawful_processing" {
  title       = "Unlawful processing"
  description = "A person's PII is processed without a valid legal basis, or outside the instructions and agreements that should govern it."
  principles  = ["consent_and_choice", "purpose_legitimacy_and_specification", "privacy_compliance"]
}

risk_category "over_retention" {
  title       = "Over-retention"
  description = "A person's PII is kept longer than needed, leaving it exposed to leaks and reuse long after the person's relationship with the organization has ended."
  principles  = ["use_retention_and_disclosure_limitation", "data_minimization"]
}

risk_category "inaccurate_data" {
  title       = "Inaccurate data"
  description = "Outdated, incomplete or wrong PII is used, and the person suffers decisions or treatment based on a false picture of them."
  principles  = ["accuracy_and_quality"]
}

risk_category "lack_of_transparency" {
  title       = "Lack of transparency"
  description = "A person cannot find out who holds their PII, for what, or where it goes, so they cannot judge the processing or react to it."
  principles  = ["openness_transparency_and_notice"]
}

risk_category "rights_not_honoured" {
  title       = "Rights not honoured"
  description = "A person's request to access, correct, erase, port, object or withdraw consent is ignored, delayed or handled incorrectly."
  principles  = ["individual_participation_and_access", "consent_and_choice"]
}

risk_category "unlawful_transfer" {
  title       = "Unlawful transfer"
  description = "A person's PII is sent to another party or another jurisdiction without a valid basis or adequate safeguards, putting it beyond the protection the person relies on."
  principles  = ["use_retention_and_disclosure_limitation", "accountability"]
}

risk_category "re_identification" {
  title       = "Re-identification"
  description = "Data believed to be anonymous or pseudonymous is linked back to a person, for example by combining data sets, revealing who they are and what the data says about them."
  principles  = ["data_minimization", "information_security"]
}

# ---------------------------------------------------------------------------
# PII categories. A parent key stands for all of its children. A parent's
# sensitivity is the highest sensitivity among its children, so that naming
# the parent never understates what may be processed.
# ---------------------------------------------------------------------------

# Identifiers

pii_category "identifiers" {
  title       = "Identifiers"
  sensitivity = "high"
  description = "Data that singles out a person, directly or indirectly."
}

pii_category "identifiers.name" {
  title       = "Name"
  sensitivity = "low"
  description = "First name, family name, initials, aliases and titles."
}

pii_category "identifiers.government_id" {
  title       = "Government identifier"
  sensitivity = "high"
  description = "Numbers issued by public authorities, such as national identity, passport, driving licence, tax or social security numbers."
}

pii_category "identifiers.online" {
  title       = "Online identifier"
  sensitivity = "medium"
  description = "User names, account ids, IP addresses, cookie and advertising identifiers that recognise a person online."
}

pii_category "identifiers.device" {
  title       = "Device identifier"
  sensitivity = "medium"
  description = "Hardware and software identifiers of a person's devices, such as serial numbers, IMEI or MAC addresses and device fingerprints."
}

# Contact details

pii_category "contact" {
  title       = "Contact details"
  sensitivity = "medium"
  description = "Data that lets the organization or others reach a person."
}

pii_category "contact.email" {
  title       = "Email address"
  sensitivity = "medium"
  description = "Personal or work email addresses."
}

pii_category "contact.phone" {
  title       = "Phone number"
  sensitivity = "medium"
  description = "Fixed and mobile phone numbers."
}

pii_category "contact.postal_address" {
  title       = "Postal address"
  sensitivity = "medium"
  description = "Home, delivery or billing address, which also reveals where a person lives."
}

# Financial data

pii_category "financial" {
  title       = "Financial data"
  sensitivity = "high"
  description = "Data about a person's money, means of payment and economic situation."
}

pii_category "financial.payment_card" {
  title       = "Payment card"
  sensitivity = "high"
  description = "Card numbers, expiry dates, security codes and cardholder data."
}

pii_category "financial.bank_account" {
  title       = "Bank account"
  sensitivity = "high"
  description = "Account numbers, IBAN, balances and transaction history."
}

pii_category "financial.income" {
  title       = "Income and assets"
  sensitivity = "medium"
  description = "Salary, other income, wealth, debts and credit standing."
}

# Location data

pii_category "location" {
  title       = "Location data"
  sensitivity = "high"
  description = "Data about where a person is or has been."
}

pii_category "location.precise" {
  title       = "Precise location"
  sensitivity = "high"
  description = "GPS positions, location traces and other fine-grained positions that can reveal homes, workplaces and habits."
}

pii_category "location.coarse" {
  title       = "Coarse location"
  sensitivity = "medium"
  description = "Country, region, city or postcode level location, for example derived from an IP address."
}

# Behavioral data

pii_category "behavioral" {
  title       = "Behavioral data"
  sensitivity = "high"
  description = "Data about what a person does, buys or prefers, and what can be inferred from it."
}

pii_category "behavioral.browsing" {
  title       = "Browsing and usage"
  sensitivity = "medium"
  description = "Pages visited, clicks, searches, app usage and similar activity records."
}

pii_category "behavioral.purchase_history" {
  title       = "Purchase history"
  sensitivity = "medium"
  description = "Orders, baskets, subscriptions and other records of what a person bought."
}

pii_category "behavioral.profiling" {
  title       = "Profiles and inferences"
  sensitivity = "high"
  description = "Scores, segments, predictions and other inferences drawn about a person to evaluate or target them."
}

# Credentials

pii_category "credentials" {
  title       = "Credentials"
  sensitivity = "high"
  description = "Passwords, PINs, security answers, tokens and keys that let a person, or anyone holding them, act as that person."
}

# Communications

pii_category "communications" {
  title       = "Communications content"
  sensitivity = "high"
  description = "The content of a person's messages, calls, chats and correspondence, which often reveals far more than its subject."
}

# Demographic data

pii_category "demographic" {
  title       = "Demographic data"
  sensitivity = "medium"
  description = "General characteristics of a person used to describe or group people."
}

pii_category "demographic.age" {
  title       = "Age and date of birth"
  sensitivity = "medium"
  description = "Date of birth, age or age range, which can also show that a person is a child."
}

pii_category "demographic.gender" {
  title       = "Gender"
  sensitivity = "medium"
  description = "Sex or gender as recorded or declared. Not a special category by itself, but can be sensitive in context."
}

pii_category "demographic.nationality" {
  title       = "Nationality"
  sensitivity = "medium"
  description = "Citizenship and nationality. Not a special category by itself, but it must not be used as a proxy for ethnic origin."
}

# Employment and education

pii_category "employment" {
  title       = "Employment data"
  sensitivity = "medium"
  description = "Employer, job title, work history, performance, absences and other records of a person's working life."
}

pii_category "education" {
  title       = "Education data"
  sensitivity = "medium"
  description = "Schools attended, qualifications, grades and training records."
}

# Special categories (GDPR Art. 9)

pii_category "special" {
  title       = "Special categories"
  sensitivity = "special"
  description = "Data whose processing can seriously affect a person's fundamental rights and which most laws allow only under strict conditions."
}

pii_category "special.health" {
  title       = "Health"
  sensitivity = "special"
  description = "Physical or mental health, care received, disabilities and other data revealing a person's health status."
}

pii_category "special.genetic" {
  title       = "Genetic data"
  sensitivity = "special"
  description = "Inherited or acquired genetic characteristics, such as DNA analysis results."
}

pii_category "special.biometric" {
  title       = "Biometric data"
  sensitivity = "special"
  description = "Fingerprints, face templates, voice prints and other physical or behavioral traits processed to recognise a person uniquely."
}

pii_category "special.racial_or_ethnic_origin" {
  title       = "Racial or ethnic origin"
  sensitivity = "special"
  description = "Data revealing a person's racial or ethnic origin."
}

pii_category "special.political_opinions" {
  title       = "Political opinions"
  sensitivity = "special"
  description = "Political views, party membership and political activity."
}

pii_category "special.religious_beliefs" {
  title       = "Religious or philosophical beliefs"
  sensitivity = "special"
  description = "Religion, faith or philosophical convictions, or the absence of them."
}

pii_category "special.trade_union" {
  title       = "Trade union membership"
  sensitivity = "special"
  description = "Membership of, or activity in, a trade union."
}

pii_category "special.sex_life_or_orientation" {
  title       = "Sex life or sexual orientation"
  sensitivity = "special"
  description = "Data about a person's sex life or sexual orientation."
}

# Criminal data (GDPR Art. 10)

pii_category "criminal" {
  title       = "Criminal data"
  sensitivity = "special"
  description = "Data about criminal convictions, offences and related security measures, which may be processed only under official authority or specific legal safeguards."
}

pii_category "criminal.convictions" {
  title       = "Criminal convictions"
  sensitivity = "special"
  description = "Sentences, criminal records and court decisions about a person."
}

pii_category "criminal.offences" {
  title       = "Offences"
  sensitivity = "special"
  description = "Alleged or proven offences, suspicions, investigations and proceedings involving a person."
}
