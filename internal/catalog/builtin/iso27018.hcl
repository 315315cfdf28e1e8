# ISO/IEC 27018:2019, Annex A: the extended control set for public cloud
# PII processors, organised by the ISO/IEC 29100 principles (sections A.1 to
# A.12; A.1, A.4, A.7 and A.9 hold no control). Only control ids and short
# titles come from the standard, as public secondary sources list them.
# Objectives, principle, treats, reduces, stages and related are the
# project's own judgement; each control keeps the principle of the section
# the standard files it under. gdpr_articles is an indicative crosswalk
# assembled for this project. The 2014 edition numbers the same controls one
# section lower (2014 A.11.1 is 2019 A.12.1); load it as iso27018@2014 in a
# catalog file of your own if you need it.

catalog "iso27018" {
  version     = "2019"
  title       = "ISO/IEC 27018:2019 Protection of PII in public clouds acting as PII processors (Annex A)"
  description = "Controls for cloud service providers that process PII on behalf of their customers, who remain the PII controllers: the 25 controls of the public cloud PII processor extended control set, filed under the ISO/IEC 29100 principles. The standard's cloud guidance on the ISO/IEC 27002 security controls is not repeated here: select those controls from iso29151, clauses 5 to 18."
}

group "iso27018" "A.1" {
  title = "General"
}

group "iso27018" "A.2" {
  title = "Consent and choice"
}

group "iso27018" "A.3" {
  title = "Purpose legitimacy and specification"
}

group "iso27018" "A.4" {
  title = "Collection limitation"
}

group "iso27018" "A.5" {
  title = "Data minimization"
}

group "iso27018" "A.6" {
  title = "Use, retention and disclosure limitation"
}

group "iso27018" "A.7" {
  title = "Accuracy and quality"
}

group "iso27018" "A.8" {
  title = "Openness, transparency and notice"
}

group "iso27018" "A.9" {
  title = "Individual participation and access"
}

group "iso27018" "A.10" {
  title = "Accountability"
}

group "iso27018" "A.11" {
  title = "Information security"
}

group "iso27018" "A.12" {
  title = "Privacy compliance"
}

# A.2 Consent and choice

control "iso27018" "A.2.1" {
  title         = "Obligation to co-operate regarding PII principals' rights"
  group         = "A.2"
  principle     = "consent_and_choice"
  objective     = "The cloud service gives its customers the tools and the help they need to answer the people whose PII they hold: finding a person's records, exporting, correcting or erasing them, and recording choices such as withdrawn consent."
  treats        = ["rights_not_honoured"]
  reduces       = "likelihood"
  stages        = ["storage", "use"]
  related       = ["iso27701:B.8.3.1", "iso29151:A.10"]
  role          = "processor"
  gdpr_articles = ["28"]
}

# A.3 Purpose legitimacy and specification

control "iso27018" "A.3.1" {
  title         = "Public cloud PII processor's purpose"
  group         = "A.3"
  principle     = "purpose_legitimacy_and_specification"
  objective     = "Customer PII is processed only to carry out what the customer has asked for in its contract and instructions; the provider sets no purposes of its own for it."
  treats        = ["purpose_creep", "unlawful_processing"]
  reduces       = "likelihood"
  stages        = ["use"]
  related       = ["iso27701:B.8.2.2", "iso29151:A.4"]
  role          = "processor"
  gdpr_articles = ["28", "29"]
}

control "iso27018" "A.3.2" {
  title         = "Public cloud PII processor's commercial use"
  group         = "A.3"
  principle     = "purpose_legitimacy_and_specification"
  objective     = "The provider does not turn customer PII to marketing, advertising or other business of its own unless the person concerned has expressly agreed, and agreeing is never a condition for using the service."
  treats        = ["purpose_creep", "unlawful_processing"]
  reduces       = "likelihood"
  stages        = ["use"]
  related       = ["iso27701:B.8.2.3", "iso29151:A.7"]
  role          = "processor"
  gdpr_articles = ["28"]
}

# A.5 Data minimization

control "iso27018" "A.5.1" {
  title         = "Secure erasure of temporary files"
  group         = "A.5"
  principle     = "data_minimization"
  objective     = "Scratch files, caches, spool and other working copies of customer PII made while the service runs are wiped within a stated period, so copies do not outlive the work they were made for."
  treats        = ["over_retention", "illegitimate_access"]
  reduces       = "likelihood"
  stages        = ["storage", "disposal"]
  related       = ["iso27701:B.8.4.1", "iso29151:A.6"]
  role          = "processor"
  gdpr_articles = ["28", "32"]
}

# A.6 Use, retention and disclosure limitation

control "iso27018" "A.6.1" {
  title         = "PII disclosure notification"
  group         = "A.6"
  principle     = "use_retention_and_disclosure_limitation"
  objective     = "When an authority makes a legally binding demand for customer PII, the provider tells the customer before it hands anything over, unless the law forbids telling, and gives out no more than the demand obliges it to."
  treats        = ["lack_of_transparency", "unlawful_transfer"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso27701:B.8.5.4", "iso27701:B.8.5.5"]
  role          = "processor"
  gdpr_articles = ["28", "48"]
}

control "iso27018" "A.6.2" {
  title         = "Recording of PII disclosures"
  group         = "A.6"
  principle     = "use_retention_and_disclosure_limitation"
  objective     = "Each time customer PII is disclosed to a third party, the provider logs what went out, to whom, when and on which grounds, and can give the customer that log."
  treats        = ["lack_of_transparency", "rights_not_honoured"]
  reduces       = "impact"
  stages        = ["transfer"]
  related       = ["iso27701:B.8.5.3", "iso29151:A.11"]
  role          = "processor"
  gdpr_articles = ["30"]
}

# A.8 Openness, transparency and notice

control "iso27018" "A.8.1" {
  title         = "Disclosure of sub-contracted PII processing"
  group         = "A.8"
  principle     = "openness_transparency_and_notice"
  objective     = "Customers learn, before their PII reaches them, which subcontractors the provider uses to process it and in which countries they may do so."
  treats        = ["lack_of_transparency", "unlawful_transfer"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso27701:B.8.5.6", "iso29151:A.9"]
  role          = "processor"
  gdpr_articles = ["28"]
}

# A.10 Accountability

control "iso27018" "A.10.1" {
  title         = "Notification of a data breach involving PII"
  group         = "A.10"
  principle     = "accountability"
  objective     = "When the provider finds that customer PII has been accessed, disclosed, altered or lost without authorisation, it tells the customer quickly, through the channel agreed in the contract and with what it knows, so the customer can meet its own duty to notify."
  treats        = ["illegitimate_access", "unwanted_modification", "data_loss"]
  reduces       = "impact"
  related       = ["iso29151:16.1.1", "iso29151:16.1.2"]
  role          = "processor"
  gdpr_articles = ["33"]
}

control "iso27018" "A.10.2" {
  title         = "Retention period for administrative security policies and guidelines"
  group         = "A.10"
  principle     = "accountability"
  objective     = "Security policies and operating procedures that have been replaced are kept for a set time, so the provider can still show which rules were in force when an old incident, dispute or audit is looked into."
  treats        = ["unlawful_processing", "lack_of_transparency"]
  reduces       = "impact"
  related       = ["iso29151:5.1.2", "iso29151:18.1.3"]
  role          = "processor"
  gdpr_articles = ["5(2)", "28"]
}

control "iso27018" "A.10.3" {
  title         = "PII return, transfer and disposal"
  group         = "A.10"
  principle     = "accountability"
  objective     = "The provider has a written and published practice for giving customer PII back, moving it to another provider or destroying it when a contract ends or the customer asks, and says how long it holds data before deleting it."
  treats        = ["over_retention", "illegitimate_access", "data_loss"]
  reduces       = "likelihood"
  stages        = ["transfer", "disposal"]
  related       = ["iso27701:B.8.4.2", "iso29151:8.3.2", "iso29151:11.2.7"]
  role          = "processor"
  gdpr_articles = ["28"]
}

# A.11 Information security

control "iso27018" "A.11.1" {
  title         = "Confidentiality or non-disclosure agreements"
  group         = "A.11"
  principle     = "information_security"
  objective     = "Staff and contractors of the provider who can reach customer PII are bound to keep it confidential, and the duty lasts after they leave."
  treats        = ["illegitimate_access", "purpose_creep"]
  reduces       = "likelihood"
  related       = ["iso29151:13.2.4", "iso29151:7.1.2"]
  role          = "processor"
  gdpr_articles = ["28", "29"]
}

control "iso27018" "A.11.2" {
  title         = "Restriction of the creation of hardcopy material"
  group         = "A.11"
  principle     = "information_security"
  objective     = "Customer PII is printed or otherwise put on paper only when that is needed and allowed, because paper copies escape the service's access controls and logs."
  treats        = ["illegitimate_access"]
  reduces       = "likelihood"
  stages        = ["use"]
  related       = ["iso29151:8.2.3", "iso29151:11.2.9"]
  role          = "processor"
  gdpr_articles = ["32"]
}

control "iso27018" "A.11.3" {
  title         = "Control and logging of data restoration"
  group         = "A.11"
  principle     = "information_security"
  objective     = "Restores of customer PII from backups or earlier versions follow an approved procedure and are logged: who restored what, when and why. A restore can then neither quietly bring back erased data nor overwrite current records unnoticed."
  treats        = ["unwanted_modification", "data_loss"]
  reduces       = "impact"
  stages        = ["storage"]
  related       = ["iso29151:12.3.1", "iso29151:12.4.1"]
  role          = "processor"
  gdpr_articles = ["32"]
}

control "iso27018" "A.11.4" {
  title         = "Protecting data on storage media leaving the premises"
  group         = "A.11"
  principle     = "information_security"
  objective     = "Disks, tapes and other media with customer PII leave the provider's sites only with approval, are tracked on the way and are protected, usually encrypted, so a lost or stolen medium reveals nothing."
  treats        = ["illegitimate_access"]
  reduces       = "likelihood"
  stages        = ["storage", "transfer"]
  related       = ["iso29151:8.3.3", "iso29151:11.2.5"]
  role          = "processor"
  gdpr_articles = ["32"]
}

control "iso27018" "A.11.5" {
  title         = "Use of unencrypted portable storage media and devices"
  group         = "A.11"
  principle     = "information_security"
  objective     = "Laptops, USB drives and other portable media that cannot encrypt are not used for customer PII, except where nothing else will do and that exception is written down."
  treats        = ["illegitimate_access"]
  reduces       = "likelihood"
  stages        = ["storage", "transfer"]
  related       = ["iso29151:8.3.1", "iso29151:10.1.1"]
  role          = "processor"
  gdpr_articles = ["32"]
}

control "iso27018" "A.11.6" {
  title         = "Encryption of PII transmitted over public data-transmission networks"
  group         = "A.11"
  principle     = "information_security"
  objective     = "Customer PII that travels over the internet or another public network, between the customer and the service or between the provider's sites, is encrypted on the way."
  treats        = ["illegitimate_access", "unwanted_modification"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso27701:B.8.4.3", "iso29151:13.2.3", "iso29151:10.1.1"]
  role          = "processor"
  gdpr_articles = ["32"]
}

control "iso27018" "A.11.7" {
  title         = "Secure disposal of hardcopy materials"
  group         = "A.11"
  principle     = "information_security"
  objective     = "Paper with customer PII is shredded, pulped or destroyed in another way that leaves nothing to read or piece together once it is no longer needed."
  treats        = ["illegitimate_access", "over_retention"]
  reduces       = "likelihood"
  stages        = ["disposal"]
  related       = ["iso29151:8.3.2", "iso27701:B.8.4.2"]
  role          = "processor"
  gdpr_articles = ["32"]
}

control "iso27018" "A.11.8" {
  title         = "Unique use of user IDs"
  group         = "A.11"
  principle     = "information_security"
  objective     = "A user ID belongs to one person. People who need the same access each get their own identity instead of sharing one, so every action on customer PII traces back to an individual."
  treats        = ["illegitimate_access"]
  reduces       = "likelihood"
  stages        = ["storage", "use"]
  related       = ["iso29151:9.2.1", "iso29151:9.4.2"]
  role          = "processor"
  gdpr_articles = ["32"]
}

control "iso27018" "A.11.9" {
  title         = "Records of authorized users"
  group         = "A.11"
  principle     = "information_security"
  objective     = "The provider keeps a current list of the users and profiles allowed into the systems that hold customer PII, with what each may do there."
  treats        = ["illegitimate_access"]
  reduces       = "likelihood"
  related       = ["iso29151:9.2.2", "iso29151:9.2.5"]
  role          = "processor"
  gdpr_articles = ["32"]
}

control "iso27018" "A.11.10" {
  title         = "User ID management"
  group         = "A.11"
  principle     = "information_security"
  objective     = "A user ID that has been switched off or has expired is never given to someone else, so nobody inherits another person's access or activity history."
  treats        = ["illegitimate_access"]
  reduces       = "likelihood"
  related       = ["iso29151:9.2.1", "iso29151:9.2.6"]
  role          = "processor"
  gdpr_articles = ["32"]
}

control "iso27018" "A.11.11" {
  title         = "Contract measures"
  group         = "A.11"
  principle     = "information_security"
  objective     = "Each customer contract names the technical and organisational measures, at a minimum, that the provider keeps in place for customer PII, so the customer can rely on them and verify them."
  treats        = ["unlawful_processing", "illegitimate_access"]
  reduces       = "likelihood"
  related       = ["iso27701:B.8.2.1", "iso29151:15.1.2"]
  role          = "processor"
  gdpr_articles = ["28"]
}

control "iso27018" "A.11.12" {
  title         = "Sub-contracted PII processing"
  group         = "A.11"
  principle     = "information_security"
  objective     = "Any subcontractor that processes customer PII for the provider is held by contract to the same protection measures the provider has promised its customers."
  treats        = ["unlawful_processing", "illegitimate_access", "unlawful_transfer"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso27701:B.8.5.7", "iso27701:B.8.5.8", "iso29151:15.1.2"]
  role          = "processor"
  gdpr_articles = ["28"]
}

control "iso27018" "A.11.13" {
  title         = "Access to data on pre-used data storage space"
  group         = "A.11"
  principle     = "information_security"
  objective     = "Disk space, volumes and memory that held data are wiped before they are handed to another customer or use, so nothing left from before can be read from them."
  treats        = ["illegitimate_access"]
  reduces       = "likelihood"
  stages        = ["storage", "disposal"]
  related       = ["iso29151:11.2.7"]
  role          = "processor"
  gdpr_articles = ["32"]
}

# A.12 Privacy compliance

control "iso27018" "A.12.1" {
  title         = "Geographical location of PII"
  group         = "A.12"
  principle     = "privacy_compliance"
  objective     = "The provider states, and keeps up to date, the countries in which customer PII may be stored or processed, so each customer can tell which laws and transfer rules apply to its data."
  treats        = ["unlawful_transfer", "lack_of_transparency"]
  reduces       = "likelihood"
  stages        = ["storage", "transfer"]
  related       = ["iso27701:A.7.5.1", "iso27701:A.7.5.2", "iso27701:B.8.5.1", "iso27701:B.8.5.2", "iso29151:18.1.1"]
  role          = "processor"
  gdpr_articles = ["28", "44", "46"]
}

control "iso27018" "A.12.2" {
  title         = "Intended destination of PII"
  group         = "A.12"
  principle     = "privacy_compliance"
  objective     = "PII sent across a network arrives only where it was meant to go: endpoints are authenticated and routes and recipients checked, so data is not delivered to the wrong party."
  treats        = ["illegitimate_access", "unlawful_transfer"]
  reduces       = "likelihood"
  stages        = ["transfer"]
  related       = ["iso27701:B.8.4.3", "iso29151:13.2.1"]
  role          = "processor"
  gdpr_articles = ["32"]
}
