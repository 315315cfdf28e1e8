# ISO/IEC 27701:2019, Annex A (PII controllers) and Annex B (PII processors).
# Only control ids and short titles come from the standard. Objectives,
# principle, treats, reduces, stages and related are the project's own
# judgement. gdpr_articles is an indicative crosswalk assembled for this
# project, not the standard's Annex D.

catalog "iso27701" {
  version     = "2019"
  title       = "ISO/IEC 27701:2019 Privacy information management (Annex A controller and Annex B processor controls)"
  description = "Privacy-specific controls that extend an information security management system into a privacy information management system: 31 controls for organizations acting as PII controllers and 18 for organizations acting as PII processors."
}

# A.7.2 Conditions for collection and processing (controller)

group "iso27701" "A.7.2" {
  title = "Conditions for collection and processing"
}

control "iso27701" "A.7.2.1" {
  title         = "Identify and document purpose"
  group         = "A.7.2"
  principle     = "purpose_legitimacy_and_specification"
  objective     = "Each processing activity has specific, written purposes before any PII is collected. Later uses can then be checked against them and people can be told why their data is needed."
  treats        = ["purpose_creep", "unlawful_processing"]
  reduces       = "likelihood"
  stages        = ["collection", "use"]
  related       = ["iso29151:A.4"]
  role          = "controller"
  gdpr_articles = ["5(1)(b)"]
}

control "iso27701" "A.7.2.2" {
  title         = "Identify lawful basis"
  group         = "A.7.2"
  principle     = "purpose_legitimacy_and_specification"
  objective     = "For every purpose the organization settles and records which legal ground allows the processing, so that no PII is handled without one."
  treats        = ["unlawful_processing"]
  reduces       = "likelihood"
  stages        = ["collection", "use"]
  related       = ["iso29151:A.4", "iso29151:18.1.1"]
  role          = "controller"
  gdpr_articles = ["6"]
}

control "iso27701" "A.7.2.3" {
  title         = "Determine when and how consent is to be obtained"
  group         = "A.7.2"
  principle     = "consent_and_choice"
  objective     = "The organization decides in advance which processing depends on consent and designs how that consent will be asked for, so that it is informed, specific and freely given."
  treats        = ["unlawful_processing"]
  reduces       = "likelihood"
  stages        = ["collection"]
  related       = ["iso29151:A.3"]
  role          = "controller"
  gdpr_articles = ["6", "7"]
}

control "iso27701" "A.7.2.4" {
  title         = "Obtain and record consent"
  group         = "A.7.2"
  principle     = "consent_and_choice"
  objective     = "Consent is actually collected before the processing that relies on it, and a record is kept of who agreed to what and when, so the organization can prove it later."
  treats        = ["unlawful_processing"]
  reduces       = "likelihood"
  stages        = ["collection"]
  related       = ["iso29151:A.3", "iso29151:A.11"]
  role          = "controller"
  gdpr_articles = ["7"]
}

control "iso27701" "A.7.2.5" {
  title         = "Privacy impact assessment"
  group         = "A.7.2"
  principle     = "privacy_compliance"
  objective     = "New or changed processing that may put people at risk is assessed before it starts, and the risks found are treated. Problems are designed out instead of discovered in production."
  treats        = ["unlawful_processing", "excessive_collection", "purpose_creep", "illegitimate_access"]
  reduces       = "likelihood"
  related       = ["iso29151:A.13", "iso29151:18.1.4"]
  role          = "controller"
  gdpr_articles = ["35"]
}

control "iso27701" "A.7.2.6" {
  title         = "Contracts with PII processors"
  group         = "A.7.2"
  principle     = "accountability"
  objective     = "Every processor works under a written agreement that limits it to the controller's instructions and requires suitable protection, so PII handed over stays under the controller's control."
  treats        = ["unlawful_processing", "purpose_creep", "illegitimate_access"]
  reduces       = "likelihood"
  stages        = ["transfer", "use"]
  related       = ["iso29151:15.1.2", "iso29151:A.11"]
  role          = "controller"
  gdpr_articles = ["28"]
}

control "iso27701" "A.7.2.7" {
  title         = "Joint PII controller"
  group         = "A.7.2"
  principle     = "accountability"
  objective     = "When several organizations decide together on a processing, they agree and write down who is responsible for what, including who answers people's requests."
  treats        = ["rights_not_honoured", "unlawful_processing"]
  reduces       = "likelihood"
  related       = ["iso29151:A.11", "iso29151:13.2.2"]
  role          = "controller"
  gdpr_articles = ["26"]
}

control "iso27701" "A.7.2.8" {
  title         = "Records related to processing PII"
  group         = "A.7.2"
  principle     = "accountability"
  objective     = "The organization keeps an up-to-date record of its processing activities: purposes, categories of data and people, recipients, transfers, retention and safeguards. This inventory makes the processing reviewable."
  treats        = ["lack_of_transparency", "unlawful_processing"]
  reduces       = "likelihood"
  related       = ["iso29151:A.11", "iso29151:8.1.1"]
  role          = "controller"
  gdpr_articles = ["30"]
}

# A.7.3 Obligations to PII principals (controller)

group "iso27701" "A.7.3" {
  title = "Obligations to PII principals"
}

control "iso27701" "A.7.3.1" {
  title         = "Determining and fulfilling obligations to PII principals"
  group         = "A.7.3"
  principle     = "individual_participation_and_access"
  objective     = "The organization works out what it owes the people whose PII it processes, under law and its own commitments, and sets up the means to meet those duties."
  treats        = ["rights_not_honoured", "lack_of_transparency"]
  reduces       = "likelihood"
  related       = ["iso29151:A.10", "iso29151:A.9"]
  role          = "controller"
  gdpr_articles = ["12"]
}

control "iso27701" "A.7.3.2" {
  title         = "Determining information for PII principals"
  group         = "A.7.3"
  principle     = "openness_transparency_and_notice"
  objective     = "The organization decides what people must be told about the processing of their PII, such as purposes, recipients, retention and rights, and keeps that content accurate."
  treats        = ["lack_of_transparency"]
  reduces       = "likelihood"
  stages        = ["collection"]
  related       = ["iso29151:A.9"]
  role          = "controller"
  gdpr_articles = ["13", "14"]
}

control "iso27701" "A.7.3.3" {
  title         = "Providing information to PII principals"
  group         = "A.7.3"
  principle     = "openness_transparency_and_notice"
  objective     = "People actually receive that information, in clear and accessible language and at the right moment, normally when their PII is collected."
  treats        = ["lack_of_transparency"]
  reduces       = "likelihood"
  stages        = ["collection"]
  related       = ["iso29151:A.9"]
  role          = "controller"
  gdpr_articles = ["13", "14"]
}

control "iso27701" "A.7.3.4" {
  title         = "Providing mechanism to modify or withdraw consent"
  group         = "A.7.3"
  principle     = "consent_and_choice"
  objective     = "People can change or withdraw their consent as easily as they gave it, and the processing that relied on it stops accordingly."
  treats        = ["rights_not_honoured", "unlawful_processing"]
  reduces       = "likelihood"
  stages        = ["use"]
  related       = ["iso29151:A.3", "iso29151:A.10"]
  role          = "controller"
  gdpr_articles = ["7"]
}

control "iso27701" "A.7.3.5" {
  title         = "Providing mechanism to object to PII processing"
  group         = "A.7.3"
  principle     = "consent_and_choice"
  objective     = "People have a simple way to object to processing of their PII, for example for direct marketing, and their objection is acted upon."
  treats        = ["rights_not_honoured", "purpose_creep"]
  reduces       = "likelihood"
  stages        = ["use"]
  related       = ["iso29151:A.3", "iso29151:A.10"]
  role          = "controller"
  gdpr_articles = ["21"]
}

control "iso27701" "A.7.3.6" {
  title         = "Access, correction and/or erasure"
  group         = "A.7.3"
  principle     = "individual_participation_and_access"
  objective     = "People can see the PII held about them, have mistakes fixed and have it deleted where they are entitled to, within the time the law allows."
  treats        = ["rights_not_honoured", "inaccurate_data", "over_retention"]
  reduces       = "likelihood"
  stages        = ["storage", "use", "disposal"]
  related       = ["iso29151:A.10", "iso29151:A.8"]
  role          = "controller"
  gdpr_articles = ["15", "16", "17"]
}

control "iso27701" "A.7.3.7" {
  title         = "PII controllers' obligations to inform third parties"
  group         = "A.7.3"
  principle     = "individual_participation_and_access"
  objective     = "When PII is corrected, erased or restricted, the organizations it was shared with are told, so the change follows the data instead of stopping at the first holder."
  treats        = ["inaccurate_data", "rights_not_honoured"]
  reduces       = "impact"
  stages        = ["transfer"]
  related       = ["iso29151:A.10", "iso29151:A.7"]
  role          = "controller"
  gdpr_articles = ["19"]
}

control "iso27701" "A.7.3.8" {
  title         = "Providing copy of PII processed"
  group         = "A.7.3"
  principle     = "individual_participation_and_access"
  objective     = "People can obtain a copy of their PII, in a commonly used machine-readable format where required, so they can check it or take it elsewhere."
  treats        = ["rights_not_honoured", "lack_of_transparency"]
  reduces       = "likelihood"
  stages        = ["use", "transfer"]
  related       = ["iso29151:A.10"]
  role          = "controller"
  gdpr_articles = ["15", "20"]
}

control "iso27701" "A.7.3.9" {
  title         = "Handling requests"
  group         = "A.7.3"
  principle     = "individual_participation_and_access"
  objective     = "Requests and complaints from people are received, checked for identity, answered and logged through a defined process with deadlines, so none are lost or left unanswered."
  treats        = ["rights_not_honoured"]
  reduces       = "likelihood"
  related       = ["iso29151:A.10", "iso29151:A.11"]
  role          = "controller"
  gdpr_articles = ["12"]
}

control "iso27701" "A.7.3.10" {
  title         = "Automated decision making"
  group         = "A.7.3"
  principle     = "individual_participation_and_access"
  objective     = "Where decisions about people are made solely by automated means, the organization identifies them, explains them and gives people a way to obtain human review and contest the outcome."
  treats        = ["rights_not_honoured", "lack_of_transparency", "inaccurate_data"]
  reduces       = "impact"
  stages        = ["use"]
  related       = ["iso29151:A.10", "iso29151:A.9"]
  role          = "controller"
  gdpr_articles = ["22"]
}

# A.7.4 Privacy by design and privacy by default (controller)

group "iso27701" "A.7.4" {
  title = "Privacy by design and privacy by default"
}

control "iso27701" "A.7.4.1" {
  title         = "Limit collection"
  group         = "A.7.4"
  principle     = "collection_limitation"
  objective     = "Forms, interfaces and integrations gather only the PII that the documented purposes need, and optional data is not collected by default."
  treats        = ["excessive_collection"]
  reduces       = "likelihood"
  stages        = ["collection"]
  related       = ["iso29151:A.5"]
  role          = "controller"
  gdpr_articles = ["5", "25"]
}

control "iso27701" "A.7.4.2" {
  title         = "Limit processing"
  group         = "A.7.4"
  principle     = "use_retention_and_disclosure_limitation"
  objective     = "Once collected, PII is processed only in ways that are adequate, relevant and necessary for the documented purposes, with restrictive settings by default."
  treats        = ["purpose_creep", "unlawful_processing"]
  reduces       = "likelihood"
  stages        = ["use"]
  related       = ["iso29151:A.7"]
  role          = "controller"
  gdpr_articles = ["5", "25"]
}

control "iso27701" "A.7.4.3" {
  title         = "Accuracy and quality"
  group         = "A.7.4"
  principle     = "accuracy_and_quality"
  objective     = "PII is checked when captured and kept accurate, complete and current for its purpose, and errors are corrected before they lead to decisions about people."
  treats        = ["inaccurate_data"]
  reduces       = "likelihood"
  stages        = ["collection", "storage", "use"]
  related       = ["iso29151:A.8"]
  role          = "controller"
  gdpr_articles = ["5(1)(d)"]
}

control "iso27701" "A.7.4.4" {
  title         = "PII minimization objectives"
  group         = "A.7.4"
  principle     = "data_minimization"
  objective     = "The organization sets concrete goals for keeping PII to a minimum, such as fewer fields, fewer people with access or pseudonymized data, and designs systems to meet them."
  treats        = ["excessive_collection", "re_identification"]
  reduces       = "likelihood"
  stages        = ["collection", "use"]
  related       = ["iso29151:A.6"]
  role          = "controller"
  gdpr_articles = ["5", "25"]
}

control "iso27701" "A.7.4.5" {
  title         = "PII de-identification and deletion at the end of processing"
  group         = "A.7.4"
  principle     = "data_minimization"
  objective     = "When a processing has served its purpose, the PII it used is deleted or made non-identifying, so that less identifiable data is left to leak or be reused."
  treats        = ["over_retention", "re_identification", "illegitimate_access"]
  reduces       = "impact"
  stages        = ["disposal"]
  related       = ["iso29151:A.6", "iso29151:A.7"]
  role          = "controller"
  gdpr_articles = ["5", "25"]
}

control "iso27701" "A.7.4.6" {
  title         = "Temporary files"
  group         = "A.7.4"
  principle     = "use_retention_and_disclosure_limitation"
  objective     = "Temporary copies of PII created while processing, such as caches, exports and scratch files, are removed within a defined period instead of piling up unnoticed."
  treats        = ["over_retention", "illegitimate_access"]
  reduces       = "likelihood"
  stages        = ["storage", "disposal"]
  related       = ["iso29151:A.7", "iso29151:14.2.5"]
  role          = "controller"
  gdpr_articles = ["5"]
}

control "iso27701" "A.7.4.7" {
  title         = "Retention"
  group         = "A.7.4"
  principle     = "use_retention_and_disclosure_limitation"
  objective     = "Each kind of PII has a retention period tied to its purpose and legal duties, and it is not kept beyond that period."
  treats        = ["over_retention"]
  reduces       = "likelihood"
  stages        = ["storage"]
  related       = ["iso29151:A.7"]
  role          = "controller"
  gdpr_articles = ["5(1)(e)"]
}

control "iso27701" "A.7.4.8" {
  title         = "Disposal"
  group         = "A.7.4"
  principle     = "use_retention_and_disclosure_limitation"
  objective     = "PII that is no longer needed is destroyed by methods that make it unrecoverable, on every medium and copy where it was held."
  treats        = ["over_retention", "illegitimate_access"]
  reduces       = "likelihood"
  stages        = ["disposal"]
  related       = ["iso29151:A.7", "iso29151:8.3.2", "iso29151:11.2.7"]
  role          = "controller"
  gdpr_articles = ["5"]
}

control "iso27701" "A.7.4.9" {
  title         = "PII transmission controls"
  group         = "A.7.4"
  principle     = "information_security"
  objective     = "PII sent over networks is protected, for example by encryption and authenticated channels, and reaches only its intended recipient unaltered."
  treats        = ["illegitimate_access", "unwanted_modification"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso29151:13.2.1", "iso29151:10.1.1"]
  role          = "controller"
  gdpr_articles = ["32"]
}

# A.7.5 PII sharing, transfer, and disclosure (controller)

group "iso27701" "A.7.5" {
  title = "PII sharing, transfer, and disclosure"
}

control "iso27701" "A.7.5.1" {
  title         = "Identify basis for PII transfer between jurisdictions"
  group         = "A.7.5"
  principle     = "use_retention_and_disclosure_limitation"
  objective     = "Before PII leaves a jurisdiction, the organization identifies and documents what makes the transfer lawful, such as an adequacy finding or contractual safeguards."
  treats        = ["unlawful_transfer"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso29151:A.7", "iso29151:18.1.1", "iso27018:A.12.1"]
  role          = "controller"
  gdpr_articles = ["44", "45", "46"]
}

control "iso27701" "A.7.5.2" {
  title         = "Countries and international organizations to which PII can be transferred"
  group         = "A.7.5"
  principle     = "openness_transparency_and_notice"
  objective     = "The organization knows and states the countries and international bodies that may receive PII, so people and regulators can see where the data may go."
  treats        = ["lack_of_transparency", "unlawful_transfer"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso29151:A.9", "iso29151:A.7", "iso27018:A.12.1"]
  role          = "controller"
  gdpr_articles = ["13", "14", "30"]
}

control "iso27701" "A.7.5.3" {
  title         = "Records of transfer of PII"
  group         = "A.7.5"
  principle     = "accountability"
  objective     = "Transfers of PII to and from other parties are logged, so the organization can trace where data went, follow up on requests and respond if something goes wrong."
  treats        = ["unlawful_transfer", "lack_of_transparency"]
  reduces       = "impact"
  stages        = ["transfer"]
  related       = ["iso29151:A.11", "iso29151:13.2.1"]
  role          = "controller"
  gdpr_articles = ["30"]
}

control "iso27701" "A.7.5.4" {
  title         = "Records of PII disclosure to third parties"
  group         = "A.7.5"
  principle     = "accountability"
  objective     = "Each disclosure of PII to a third party is recorded with what was shared, with whom and why, so it can be explained to the people concerned and reviewed."
  treats        = ["lack_of_transparency", "rights_not_honoured"]
  reduces       = "impact"
  stages        = ["transfer"]
  related       = ["iso29151:A.11", "iso29151:A.7"]
  role          = "controller"
  gdpr_articles = ["30"]
}

# B.8.2 Conditions for collection and processing (processor)

group "iso27701" "B.8.2" {
  title = "Conditions for collection and processing"
}

control "iso27701" "B.8.2.1" {
  title         = "Customer agreement"
  group         = "B.8.2"
  principle     = "accountability"
  objective     = "The processor's contract with each customer sets out its role and commits it to help the customer meet its own duties, such as answering requests and securing the data."
  treats        = ["unlawful_processing", "rights_not_honoured"]
  reduces       = "likelihood"
  related       = ["iso29151:15.1.2", "iso29151:A.11", "iso27018:A.11.11"]
  role          = "processor"
  gdpr_articles = ["28"]
}

control "iso27701" "B.8.2.2" {
  title         = "Organization's purposes"
  group         = "B.8.2"
  principle     = "purpose_legitimacy_and_specification"
  objective     = "The processor uses customer PII only for the purposes the customer has documented in its instructions, and for nothing of its own."
  treats        = ["purpose_creep", "unlawful_processing"]
  reduces       = "likelihood"
  stages        = ["use"]
  related       = ["iso29151:A.4", "iso29151:A.7", "iso27018:A.3.1"]
  role          = "processor"
  gdpr_articles = ["28", "29"]
}

control "iso27701" "B.8.2.3" {
  title         = "Marketing and advertising use"
  group         = "B.8.2"
  principle     = "use_retention_and_disclosure_limitation"
  objective     = "Customer PII is never turned to marketing or advertising by the processor unless consent for that use has been properly obtained, and such consent is not a condition of the service."
  treats        = ["purpose_creep", "unlawful_processing"]
  reduces       = "likelihood"
  stages        = ["use"]
  related       = ["iso29151:A.7", "iso29151:A.3", "iso27018:A.3.2"]
  role          = "processor"
  gdpr_articles = ["28"]
}

control "iso27701" "B.8.2.4" {
  title         = "Infringing instruction"
  group         = "B.8.2"
  principle     = "privacy_compliance"
  objective     = "The processor warns the customer when it believes an instruction would breach data protection law, instead of carrying it out silently."
  treats        = ["unlawful_processing"]
  reduces       = "likelihood"
  stages        = ["use"]
  related       = ["iso29151:A.13", "iso29151:18.1.1"]
  role          = "processor"
  gdpr_articles = ["28"]
}

control "iso27701" "B.8.2.5" {
  title         = "Customer obligations"
  group         = "B.8.2"
  principle     = "accountability"
  objective     = "The processor gives the customer the information and cooperation it needs, such as audit evidence and documentation, to demonstrate that its own obligations are met."
  treats        = ["unlawful_processing", "lack_of_transparency"]
  reduces       = "likelihood"
  related       = ["iso29151:A.11", "iso29151:15.2.1"]
  role          = "processor"
  gdpr_articles = ["28"]
}

control "iso27701" "B.8.2.6" {
  title         = "Records related to processing PII"
  group         = "B.8.2"
  principle     = "accountability"
  objective     = "The processor keeps a record of the processing it performs for each customer, including categories of processing, transfers and security measures."
  treats        = ["lack_of_transparency", "unlawful_processing"]
  reduces       = "likelihood"
  related       = ["iso29151:A.11", "iso29151:8.1.1"]
  role          = "processor"
  gdpr_articles = ["30"]
}

# B.8.3 Obligations to PII principals (processor)

group "iso27701" "B.8.3" {
  title = "Obligations to PII principals"
}

control "iso27701" "B.8.3.1" {
  title         = "Obligations to PII principals"
  group         = "B.8.3"
  principle     = "individual_participation_and_access"
  objective     = "The processor gives the customer the means to answer people's requests about their PII, such as finding, exporting, correcting or deleting their records, within the agreed time."
  treats        = ["rights_not_honoured"]
  reduces       = "likelihood"
  related       = ["iso29151:A.10", "iso27018:A.2.1"]
  role          = "processor"
  gdpr_articles = ["28"]
}

# B.8.4 Privacy by design and privacy by default (processor)

group "iso27701" "B.8.4" {
  title = "Privacy by design and privacy by default"
}

control "iso27701" "B.8.4.1" {
  title         = "Temporary files"
  group         = "B.8.4"
  principle     = "use_retention_and_disclosure_limitation"
  objective     = "Temporary copies of customer PII created during processing are removed within a defined period and do not outlive the task that needed them."
  treats        = ["over_retention", "illegitimate_access"]
  reduces       = "likelihood"
  stages        = ["storage", "disposal"]
  related       = ["iso29151:A.7", "iso29151:14.2.5", "iso27018:A.5.1"]
  role          = "processor"
  gdpr_articles = ["32"]
}

control "iso27701" "B.8.4.2" {
  title         = "Return, transfer or disposal of PII"
  group         = "B.8.4"
  principle     = "use_retention_and_disclosure_limitation"
  objective     = "At the end of a contract the processor returns, hands over or securely destroys customer PII as agreed, and can show that no copies remain."
  treats        = ["over_retention", "illegitimate_access", "data_loss"]
  reduces       = "likelihood"
  stages        = ["transfer", "disposal"]
  related       = ["iso29151:A.7", "iso29151:8.3.2", "iso29151:11.2.7", "iso27018:A.10.3", "iso27018:A.11.7"]
  role          = "processor"
  gdpr_articles = ["28"]
}

control "iso27701" "B.8.4.3" {
  title         = "PII transmission controls"
  group         = "B.8.4"
  principle     = "information_security"
  objective     = "Customer PII sent over networks is protected in transit, for example by encryption, and delivered only to the intended destination."
  treats        = ["illegitimate_access", "unwanted_modification"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso29151:13.2.1", "iso29151:10.1.1", "iso27018:A.11.6", "iso27018:A.12.2"]
  role          = "processor"
  gdpr_articles = ["32"]
}

# B.8.5 PII sharing, transfer, and disclosure (processor)

group "iso27701" "B.8.5" {
  title = "PII sharing, transfer, and disclosure"
}

control "iso27701" "B.8.5.1" {
  title         = "Basis for PII transfer between jurisdictions"
  group         = "B.8.5"
  principle     = "use_retention_and_disclosure_limitation"
  objective     = "The processor moves customer PII across borders only on a documented lawful basis, and tells the customer in advance about such transfers."
  treats        = ["unlawful_transfer"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso29151:A.7", "iso29151:18.1.1", "iso27018:A.12.1"]
  role          = "processor"
  gdpr_articles = ["44", "45", "46"]
}

control "iso27701" "B.8.5.2" {
  title         = "Countries and international organizations to which PII can be transferred"
  group         = "B.8.5"
  principle     = "openness_transparency_and_notice"
  objective     = "The processor tells the customer which countries and international bodies PII may be sent to, and keeps that list current."
  treats        = ["lack_of_transparency", "unlawful_transfer"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso29151:A.9", "iso29151:A.7", "iso27018:A.12.1"]
  role          = "processor"
  gdpr_articles = ["28"]
}

control "iso27701" "B.8.5.3" {
  title         = "Records of PII disclosure to third parties"
  group         = "B.8.5"
  principle     = "accountability"
  objective     = "The processor records each disclosure of customer PII to a third party, with what was shared, with whom and when, so the customer can account for it."
  treats        = ["lack_of_transparency", "rights_not_honoured"]
  reduces       = "impact"
  stages        = ["transfer"]
  related       = ["iso29151:A.11", "iso29151:A.7", "iso27018:A.6.2"]
  role          = "processor"
  gdpr_articles = ["30"]
}

control "iso27701" "B.8.5.4" {
  title         = "Notification of PII disclosure requests"
  group         = "B.8.5"
  principle     = "openness_transparency_and_notice"
  objective     = "The processor tells the customer about any legally binding demand to disclose its PII, unless the law forbids it, so the customer can react or object."
  treats        = ["lack_of_transparency", "unlawful_transfer"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso29151:A.9", "iso29151:6.1.3", "iso27018:A.6.1"]
  role          = "processor"
  gdpr_articles = ["48"]
}

control "iso27701" "B.8.5.5" {
  title         = "Legally binding PII disclosures"
  group         = "B.8.5"
  principle     = "use_retention_and_disclosure_limitation"
  objective     = "The processor refuses to disclose customer PII on requests that are not legally binding, and handles binding ones only as the customer and the law permit."
  treats        = ["unlawful_transfer", "unlawful_processing"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso29151:A.7", "iso29151:18.1.1", "iso27018:A.6.1"]
  role          = "processor"
  gdpr_articles = ["48"]
}

control "iso27701" "B.8.5.6" {
  title         = "Disclosure of subcontractors used to process PII"
  group         = "B.8.5"
  principle     = "openness_transparency_and_notice"
  objective     = "The processor tells the customer which subcontractors handle its PII before they do so, so the customer knows the full chain of processing."
  treats        = ["lack_of_transparency", "unlawful_transfer"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso29151:A.9", "iso29151:15.1.3", "iso27018:A.8.1"]
  role          = "processor"
  gdpr_articles = ["28"]
}

control "iso27701" "B.8.5.7" {
  title         = "Engagement of a subcontractor to process PII"
  group         = "B.8.5"
  principle     = "accountability"
  objective     = "A subcontractor is brought in only with the customer's authorization and under a written agreement that passes on the same protection obligations."
  treats        = ["unlawful_processing", "illegitimate_access", "unlawful_transfer"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso29151:15.1.2", "iso29151:A.11", "iso27018:A.11.12"]
  role          = "processor"
  gdpr_articles = ["28"]
}

control "iso27701" "B.8.5.8" {
  title         = "Change of subcontractor to process PII"
  group         = "B.8.5"
  principle     = "accountability"
  objective     = "The customer is told before a subcontractor is added or replaced and can object, so the chain of processing does not change behind its back."
  treats        = ["unlawful_processing", "lack_of_transparency"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso29151:15.2.2", "iso29151:A.11", "iso27018:A.11.12"]
  role          = "processor"
  gdpr_articles = ["28"]
}
