# ISO/IEC 29151:2017 (identical to ITU-T X.1058): code of practice for PII
# protection. Clauses 5 to 18 carry the ISO/IEC 27002:2013 controls, read as
# applied to PII; Annex A is shipped at section level (A.2 to A.13) only.
# Only control ids and short titles come from the standard. Objectives,
# principle, treats, reduces, stages and related are the project's own
# judgement.

catalog "iso29151" {
  version     = "2017"
  title       = "ISO/IEC 29151:2017 Code of practice for personally identifiable information protection"
  description = "Protection controls for PII controllers: the 114 ISO/IEC 27002:2013 security controls, each applied to the protection of PII, plus an extended control set organized by the ISO/IEC 29100 privacy principles. Annex A is given at section level; holders of the standard can add its individual controls in their own catalog file."
}

# Groups: clauses 5 to 18 follow the ISO/IEC 27002:2013 layout; Annex A
# follows the ISO/IEC 29100 privacy principles.

group "iso29151" "5" {
  title = "Information security policies"
}

group "iso29151" "6" {
  title = "Organization of information security"
}

group "iso29151" "7" {
  title = "Human resource security"
}

group "iso29151" "8" {
  title = "Asset management"
}

group "iso29151" "9" {
  title = "Access control"
}

group "iso29151" "10" {
  title = "Cryptography"
}

group "iso29151" "11" {
  title = "Physical and environmental security"
}

group "iso29151" "12" {
  title = "Operations security"
}

group "iso29151" "13" {
  title = "Communications security"
}

group "iso29151" "14" {
  title = "System acquisition, development and maintenance"
}

group "iso29151" "15" {
  title = "Supplier relationships"
}

group "iso29151" "16" {
  title = "Information security incident management"
}

group "iso29151" "17" {
  title = "Information security aspects of business continuity management"
}

group "iso29151" "18" {
  title = "Compliance"
}

group "iso29151" "A" {
  title = "Extended control set for PII protection (Annex A)"
}

# 5 Information security policies

control "iso29151" "5.1.1" {
  title     = "Policies for information security"
  group     = "5"
  principle = "accountability"
  objective = "Management approves a policy that says how the organization protects PII, which privacy principles every processing must follow and who answers for it. Staff, projects and processors then work from one agreed rulebook instead of individual habits."
  treats    = ["unlawful_processing", "illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "5.1.2" {
  title     = "Review of the policies for information security"
  group     = "5"
  principle = "accountability"
  objective = "The PII protection policy is revisited at planned intervals and whenever laws, processing activities or threats change, so that it keeps describing what the organization really does with PII."
  treats    = ["unlawful_processing", "illegitimate_access"]
  reduces   = "likelihood"
  related   = ["iso27018:A.10.2"]
}

# 6 Organization of information security

control "iso29151" "6.1.1" {
  title     = "Information security roles and responsibilities"
  group     = "6"
  principle = "accountability"
  objective = "Named people are responsible for each processing of PII, for its security and for privacy matters such as a privacy officer or DPO and a contact point for PII principals. No decision about PII, and no request from a principal, is left without an owner."
  treats    = ["unlawful_processing", "rights_not_honoured", "illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "6.1.2" {
  title     = "Segregation of duties"
  group     = "6"
  principle = "information_security"
  objective = "No single person can both grant and use access to PII, or both run a bulk export and erase its trace, so misuse or error needs collusion and is more likely to be noticed."
  treats    = ["illegitimate_access", "unwanted_modification"]
  reduces   = "likelihood"
  stages    = ["storage", "use"]
}

control "iso29151" "6.1.3" {
  title     = "Contact with authorities"
  group     = "6"
  principle = "privacy_compliance"
  objective = "The organization knows which data protection authority and which law enforcement bodies it deals with and keeps a ready channel to them. Breach notifications, prior consultations and legally binding disclosure requests are then handled correctly and within deadlines."
  treats    = ["unlawful_processing", "illegitimate_access"]
  reduces   = "impact"
  related   = ["iso27701:B.8.5.4"]
}

control "iso29151" "6.1.4" {
  title     = "Contact with special interest groups"
  group     = "6"
  principle = "information_security"
  objective = "Privacy and security staff follow professional forums, regulator guidance and threat-sharing groups, so they hear early about new attacks on PII, new re-identification techniques and shifting regulatory expectations."
  treats    = ["illegitimate_access", "re_identification"]
  reduces   = "likelihood"
}

control "iso29151" "6.1.5" {
  title     = "Information security in project management"
  group     = "6"
  principle = "privacy_compliance"
  objective = "Every project that creates or changes a processing of PII assesses privacy risk at its start, with a full privacy impact assessment where thresholds are met. The resulting requirements become project deliverables and go-live criteria, not afterthoughts."
  treats    = ["excessive_collection", "unlawful_processing", "illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "6.2.1" {
  title     = "Mobile device policy"
  group     = "6"
  principle = "information_security"
  objective = "Phones, tablets and laptops that store or reach PII are managed, encrypted, screen-locked and remotely wipeable, so a lost or stolen device does not hand over the PII on it."
  treats    = ["illegitimate_access", "data_loss"]
  reduces   = "likelihood"
  stages    = ["storage", "use"]
}

control "iso29151" "6.2.2" {
  title     = "Teleworking"
  group     = "6"
  principle = "information_security"
  objective = "People who work on PII from home or other remote places do so over protected connections and managed devices, out of view of others, and keep no local copies or printouts they do not need."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  stages    = ["use", "transfer"]
}

# 7 Human resource security

control "iso29151" "7.1.1" {
  title     = "Screening"
  group     = "7"
  principle = "information_security"
  objective = "People who will get access to large volumes or sensitive categories of PII are vetted in proportion to that access, within the limits employment and privacy law set on screening itself. This lowers the chance of trusting an insider who would abuse the data."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "7.1.2" {
  title     = "Terms and conditions of employment"
  group     = "7"
  principle = "accountability"
  objective = "Employment contracts and contractor terms bind people to keep PII confidential and to use it only for their assigned tasks, during the engagement and after it ends."
  treats    = ["illegitimate_access", "purpose_creep"]
  reduces   = "likelihood"
  related   = ["iso27018:A.11.1"]
}

control "iso29151" "7.2.1" {
  title     = "Management responsibilities"
  group     = "7"
  principle = "accountability"
  objective = "Managers require their staff and contractors to apply the PII protection rules in daily work and set the example, so the policy is lived rather than filed."
  treats    = ["unlawful_processing", "illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "7.2.2" {
  title     = "Information security awareness, education and training"
  group     = "7"
  principle = "accountability"
  objective = "Everyone who handles PII learns, when hired and at regular intervals, what counts as PII, which uses are allowed, how to spot and report a breach and how to recognize and pass on a request from a PII principal."
  treats    = ["illegitimate_access", "purpose_creep", "rights_not_honoured"]
  reduces   = "likelihood"
}

control "iso29151" "7.2.3" {
  title     = "Disciplinary process"
  group     = "7"
  principle = "accountability"
  objective = "A known and fair disciplinary process applies to people who snoop on, leak or misuse PII. It deters such behaviour and shows principals and regulators that violations have consequences."
  treats    = ["illegitimate_access", "purpose_creep"]
  reduces   = "likelihood"
}

control "iso29151" "7.3.1" {
  title     = "Termination or change of employment responsibilities"
  group     = "7"
  principle = "information_security"
  objective = "When someone leaves or changes role, their duties toward PII are handed over, their access is revised and they are reminded that confidentiality obligations continue after they go."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
}

# 8 Asset management

control "iso29151" "8.1.1" {
  title     = "Inventory of assets"
  group     = "8"
  principle = "accountability"
  objective = "The organization keeps a current map of where PII lives and flows: systems, files, backups, processors and the PII categories in each. Without it, records of processing, retention rules and answers to principals' requests cannot be complete."
  treats    = ["rights_not_honoured", "over_retention", "illegitimate_access"]
  reduces   = "likelihood"
  related   = ["iso27701:A.7.2.8", "iso27701:B.8.2.6"]
}

control "iso29151" "8.1.2" {
  title     = "Ownership of assets"
  group     = "8"
  principle = "accountability"
  objective = "Each store and processing of PII has a named owner who decides who may access it, for which purposes, and when it must be deleted."
  treats    = ["illegitimate_access", "purpose_creep", "over_retention"]
  reduces   = "likelihood"
}

control "iso29151" "8.1.3" {
  title     = "Acceptable use of assets"
  group     = "8"
  principle = "use_retention_and_disclosure_limitation"
  objective = "Written rules tell staff what they may do with PII and the systems holding it: no looking up people out of curiosity, no copies to personal accounts, no reuse beyond the task at hand."
  treats    = ["purpose_creep", "illegitimate_access"]
  reduces   = "likelihood"
  stages    = ["use"]
}

control "iso29151" "8.1.4" {
  title     = "Return of assets"
  group     = "8"
  principle = "information_security"
  objective = "People leaving the organization, and contractors at the end of a contract, hand back the devices, documents and media that hold PII and confirm they kept no copies."
  treats    = ["illegitimate_access", "data_loss"]
  reduces   = "likelihood"
}

control "iso29151" "8.2.1" {
  title     = "Classification of information"
  group     = "8"
  principle = "information_security"
  objective = "The classification scheme makes PII, and within it special categories and high-risk data, recognizable, and also covers pseudonymized data that can still be linked back to people. Each class carries handling rules matched to the harm disclosure or linking would cause."
  treats    = ["illegitimate_access", "re_identification"]
  reduces   = "likelihood"
}

control "iso29151" "8.2.2" {
  title     = "Labelling of information"
  group     = "8"
  principle = "information_security"
  objective = "Documents, files, data sets and reports that contain PII carry a visible or machine-readable label, so that people and tools such as data loss prevention apply the right handling."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "8.2.3" {
  title     = "Handling of assets"
  group     = "8"
  principle = "information_security"
  objective = "Storing, copying, printing, exporting and sending PII follow procedures set by its class, for example who may run an extract, whether it must be encrypted, and where it may be sent."
  treats    = ["illegitimate_access", "unlawful_transfer"]
  reduces   = "likelihood"
  stages    = ["storage", "use", "transfer"]
  related   = ["iso27018:A.11.2"]
}

control "iso29151" "8.3.1" {
  title     = "Management of removable media"
  group     = "8"
  principle = "information_security"
  objective = "PII goes onto USB drives, external disks or other removable media only when authorized, encrypted and tracked, and is erased from them once the need has passed."
  treats    = ["illegitimate_access", "data_loss"]
  reduces   = "likelihood"
  stages    = ["storage", "transfer"]
  related   = ["iso27018:A.11.5"]
}

control "iso29151" "8.3.2" {
  title     = "Disposal of media"
  group     = "8"
  principle = "use_retention_and_disclosure_limitation"
  objective = "Media that held PII are wiped or physically destroyed by a method matched to the data's sensitivity, and the destruction is recorded. PII that has reached the end of its retention cannot be recovered from discarded media."
  treats    = ["over_retention", "illegitimate_access"]
  reduces   = "likelihood"
  stages    = ["disposal"]
  related   = ["iso27701:A.7.4.8", "iso27701:B.8.4.2", "iso27018:A.10.3", "iso27018:A.11.7"]
}

control "iso29151" "8.3.3" {
  title     = "Physical media transfer"
  group     = "8"
  principle = "information_security"
  objective = "Media carrying PII that leave the premises travel sealed or encrypted, with trusted carriers, and with a record of dispatch and receipt so that a missing package is noticed."
  treats    = ["illegitimate_access", "data_loss"]
  reduces   = "likelihood"
  stages    = ["transfer"]
  related   = ["iso27018:A.11.4"]
}

# 9 Access control

control "iso29151" "9.1.1" {
  title     = "Access control policy"
  group     = "9"
  principle = "information_security"
  objective = "Access to PII follows a written need-to-know rule defined per role and per purpose, which approvers and systems apply consistently."
  treats    = ["illegitimate_access", "purpose_creep"]
  reduces   = "likelihood"
}

control "iso29151" "9.1.2" {
  title     = "Access to networks and network services"
  group     = "9"
  principle = "information_security"
  objective = "Users and services can reach only the networks and network services their role requires, so a compromised or curious account cannot wander into systems holding PII it has no business with."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "9.2.1" {
  title     = "User registration and de-registration"
  group     = "9"
  principle = "information_security"
  objective = "Every person or service that can touch PII has an individual account, created through a formal process and disabled when no longer needed, so each action on PII can be traced to someone."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  related   = ["iso27018:A.11.8", "iso27018:A.11.10"]
}

control "iso29151" "9.2.2" {
  title     = "User access provisioning"
  group     = "9"
  principle = "information_security"
  objective = "Rights to systems holding PII are granted, changed and withdrawn only through an approved and recorded request that is checked against the role's actual need."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  related   = ["iso27018:A.11.9"]
}

control "iso29151" "9.2.3" {
  title     = "Management of privileged access rights"
  group     = "9"
  principle = "information_security"
  objective = "Administrator and other privileged rights that allow bulk reading, export, change or deletion of PII are given to few people, kept separate from everyday accounts and closely watched."
  treats    = ["illegitimate_access", "unwanted_modification", "data_loss"]
  reduces   = "likelihood"
  stages    = ["storage"]
}

control "iso29151" "9.2.4" {
  title     = "Management of secret authentication information of users"
  group     = "9"
  principle = "information_security"
  objective = "Passwords, tokens and keys that open access to PII are issued and reset through a secure process, never sent in clear and never left at vendor defaults."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "9.2.5" {
  title     = "Review of user access rights"
  group     = "9"
  principle = "information_security"
  objective = "Owners review at regular intervals who can access each store of PII and remove rights that no longer match a current need."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  related   = ["iso27018:A.11.9"]
}

control "iso29151" "9.2.6" {
  title     = "Removal or adjustment of access rights"
  group     = "9"
  principle = "information_security"
  objective = "Access to PII is withdrawn or reduced promptly when a person leaves or changes role, or when a contract with a processor or supplier ends."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  related   = ["iso27018:A.11.10"]
}

control "iso29151" "9.3.1" {
  title     = "Use of secret authentication information"
  group     = "9"
  principle = "information_security"
  objective = "Users keep their credentials for systems holding PII to themselves, do not share or reuse them, and report any suspected compromise at once."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "9.4.1" {
  title     = "Information access restriction"
  group     = "9"
  principle = "information_security"
  objective = "Only people and services whose task requires it can read or change PII; access is enforced per record or field where the application allows. Users who need only pseudonymized views never see the direct identifiers."
  treats    = ["illegitimate_access", "unwanted_modification", "re_identification"]
  reduces   = "likelihood"
  stages    = ["storage", "use"]
}

control "iso29151" "9.4.2" {
  title     = "Secure log-on procedures"
  group     = "9"
  principle = "information_security"
  objective = "Log-on to systems holding PII resists password guessing and replay, for example through multi-factor authentication and lock-out, and its messages reveal nothing about which accounts exist."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  related   = ["iso27018:A.11.8"]
}

control "iso29151" "9.4.3" {
  title     = "Password management system"
  group     = "9"
  principle = "information_security"
  objective = "Systems holding PII enforce strong passwords, store them only as salted hashes and let users change them safely."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "9.4.4" {
  title     = "Use of privileged utility programs"
  group     = "9"
  principle = "information_security"
  objective = "Tools that bypass application controls, such as database consoles or disk editors, are restricted and logged, so they cannot be used to read or alter PII outside the application's safeguards."
  treats    = ["illegitimate_access", "unwanted_modification"]
  reduces   = "likelihood"
  stages    = ["storage"]
}

control "iso29151" "9.4.5" {
  title     = "Access control to program source code"
  group     = "9"
  principle = "information_security"
  objective = "Source code of systems that process PII is protected against unauthorized change, so nobody can insert logic that copies, leaks or alters PII, and secrets kept near the code stay hidden."
  treats    = ["unwanted_modification", "illegitimate_access"]
  reduces   = "likelihood"
}

# 10 Cryptography

control "iso29151" "10.1.1" {
  title     = "Policy on the use of cryptographic controls"
  group     = "10"
  principle = "information_security"
  objective = "PII is encrypted at rest and in transit wherever its sensitivity or the exposure of the channel calls for it, using approved algorithms. A stolen disk, backup or intercepted message then reveals nothing readable, and tampering can be detected."
  treats    = ["illegitimate_access", "unwanted_modification"]
  reduces   = "impact"
  stages    = ["storage", "transfer"]
  related   = ["iso27701:A.7.4.9", "iso27701:B.8.4.3", "iso27018:A.11.5", "iso27018:A.11.6"]
}

control "iso29151" "10.1.2" {
  title     = "Key management"
  group     = "10"
  principle = "information_security"
  objective = "Keys that protect PII are generated, stored apart from the data, rotated, backed up and destroyed under control. Encryption keeps its value, PII is not lost through a lost key, and destroying a key can serve to make PII unreadable at the end of its retention."
  treats    = ["illegitimate_access", "data_loss"]
  reduces   = "impact"
  stages    = ["storage", "transfer"]
}

# 11 Physical and environmental security

control "iso29151" "11.1.1" {
  title     = "Physical security perimeter"
  group     = "11"
  principle = "information_security"
  objective = "Buildings and rooms that house PII, such as data centres, archives and HR or patient record rooms, sit behind defined perimeters that keep unauthorized people out."
  treats    = ["illegitimate_access", "data_loss"]
  reduces   = "likelihood"
  stages    = ["storage"]
}

control "iso29151" "11.1.2" {
  title     = "Physical entry controls"
  group     = "11"
  principle = "information_security"
  objective = "Only authorized people enter areas where PII is stored or processed, and entries are recorded. The entry records are themselves PII about staff and visitors and are kept minimal and for a limited time."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  stages    = ["storage"]
}

control "iso29151" "11.1.3" {
  title     = "Securing offices, rooms and facilities"
  group     = "11"
  principle = "information_security"
  objective = "Offices where PII is handled are arranged so that screens, files and conversations about individuals cannot be seen or overheard by passers-by or visitors."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  stages    = ["use"]
}

control "iso29151" "11.1.4" {
  title     = "Protecting against external and environmental threats"
  group     = "11"
  principle = "information_security"
  objective = "Sites holding PII are protected against fire, flood, power surges and other natural or man-made threats, so records are not destroyed or made unavailable."
  treats    = ["data_loss"]
  reduces   = "likelihood"
  stages    = ["storage"]
}

control "iso29151" "11.1.5" {
  title     = "Working in secure areas"
  group     = "11"
  principle = "information_security"
  objective = "Rules for working inside secure areas, such as no personal cameras and supervised third parties, keep PII from being photographed, copied or carried out."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  stages    = ["storage", "use"]
}

control "iso29151" "11.1.6" {
  title     = "Delivery and loading areas"
  group     = "11"
  principle = "information_security"
  objective = "Delivery and loading points are kept apart from areas holding PII, so couriers and incoming goods give no route to records, and incoming mail containing PII is handled securely."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  stages    = ["storage"]
}

control "iso29151" "11.2.1" {
  title     = "Equipment siting and protection"
  group     = "11"
  principle = "information_security"
  objective = "Servers, printers and screens that process PII are placed and protected so that unauthorized people cannot read their output or tamper with them and environmental damage stays limited."
  treats    = ["illegitimate_access", "data_loss"]
  reduces   = "likelihood"
  stages    = ["storage", "use"]
}

control "iso29151" "11.2.2" {
  title     = "Supporting utilities"
  group     = "11"
  principle = "information_security"
  objective = "Power, cooling and connectivity for systems holding PII are protected against failure, so PII stays available and is not corrupted by an outage."
  treats    = ["data_loss", "unwanted_modification"]
  reduces   = "likelihood"
  stages    = ["storage"]
}

control "iso29151" "11.2.3" {
  title     = "Cabling security"
  group     = "11"
  principle = "information_security"
  objective = "Network and power cabling that carries PII traffic is protected against tapping, interference and damage."
  treats    = ["illegitimate_access", "data_loss"]
  reduces   = "likelihood"
  stages    = ["transfer"]
}

control "iso29151" "11.2.4" {
  title     = "Equipment maintenance"
  group     = "11"
  principle = "information_security"
  objective = "Equipment holding PII is maintained so it stays reliable. Maintenance staff, including outside technicians, get no unsupervised access to the PII on it, and drives sent away for repair are wiped first or kept back."
  treats    = ["data_loss", "illegitimate_access"]
  reduces   = "likelihood"
  stages    = ["storage"]
}

control "iso29151" "11.2.5" {
  title     = "Removal of assets"
  group     = "11"
  principle = "information_security"
  objective = "Equipment, media or paper files containing PII leave the site only with authorization and are tracked until they come back."
  treats    = ["illegitimate_access", "data_loss"]
  reduces   = "likelihood"
  stages    = ["transfer"]
  related   = ["iso27018:A.11.4"]
}

control "iso29151" "11.2.6" {
  title     = "Security of equipment and assets off-premises"
  group     = "11"
  principle = "information_security"
  objective = "Laptops, files and devices carrying PII outside the organization's premises are protected against theft, loss and prying eyes, for example in transit, at home or at a customer site."
  treats    = ["illegitimate_access", "data_loss"]
  reduces   = "likelihood"
  stages    = ["storage", "use"]
}

control "iso29151" "11.2.7" {
  title     = "Secure disposal or re-use of equipment"
  group     = "11"
  principle = "use_retention_and_disclosure_limitation"
  objective = "Before equipment is scrapped, returned at the end of a lease or given to someone else, every storage device that held PII is verifiably wiped or destroyed, so no leftover PII survives."
  treats    = ["over_retention", "illegitimate_access"]
  reduces   = "likelihood"
  stages    = ["disposal"]
  related   = ["iso27701:A.7.4.8", "iso27701:B.8.4.2", "iso27018:A.10.3", "iso27018:A.11.13"]
}

control "iso29151" "11.2.8" {
  title     = "Unattended user equipment"
  group     = "11"
  principle = "information_security"
  objective = "Workstations and terminals showing PII lock automatically when left unattended, and sessions to systems holding PII time out."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  stages    = ["use"]
}

control "iso29151" "11.2.9" {
  title     = "Clear desk and clear screen policy"
  group     = "11"
  principle = "information_security"
  objective = "Papers and removable media with PII are put away, printouts are collected at once and screens are locked whenever people step away."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  stages    = ["use"]
  related   = ["iso27018:A.11.2"]
}

# 12 Operations security

control "iso29151" "12.1.1" {
  title     = "Documented operating procedures"
  group     = "12"
  principle = "information_security"
  objective = "Routine operations on PII, such as backups, bulk exports, restores and scheduled deletion runs, follow written procedures, so they are done the same safe way whoever performs them."
  treats    = ["data_loss", "unwanted_modification", "over_retention"]
  reduces   = "likelihood"
}

control "iso29151" "12.1.2" {
  title     = "Change management"
  group     = "12"
  principle = "information_security"
  objective = "Changes to systems that process PII are assessed, including for privacy impact, approved, tested and recorded. A change then cannot silently corrupt PII, degrade its quality or widen its use beyond the stated purposes."
  treats    = ["unwanted_modification", "inaccurate_data", "purpose_creep"]
  reduces   = "likelihood"
}

control "iso29151" "12.1.3" {
  title     = "Capacity management"
  group     = "12"
  principle = "information_security"
  objective = "Storage and processing capacity for systems holding PII is monitored and planned, so PII is not lost or made unavailable because resources ran out."
  treats    = ["data_loss"]
  reduces   = "likelihood"
  stages    = ["storage"]
}

control "iso29151" "12.1.4" {
  title     = "Separation of development, testing and operational environments"
  group     = "12"
  principle = "information_security"
  objective = "Development and test environments are kept apart from production, so developers and testers do not reach live PII and untested code cannot alter it."
  treats    = ["illegitimate_access", "unwanted_modification"]
  reduces   = "likelihood"
  stages    = ["use"]
}

control "iso29151" "12.2.1" {
  title     = "Controls against malware"
  group     = "12"
  principle = "information_security"
  objective = "Systems and endpoints handling PII are protected against malware, including ransomware and information stealers, through prevention, detection and user awareness."
  treats    = ["illegitimate_access", "data_loss", "unwanted_modification"]
  reduces   = "likelihood"
}

control "iso29151" "12.3.1" {
  title     = "Information backup"
  group     = "12"
  principle = "information_security"
  objective = "PII is backed up and restores are tested, so it can be recovered after deletion, corruption or ransomware. Backups are encrypted, follow the same access rules and expire on a schedule consistent with retention periods, so they do not become a forgotten archive."
  treats    = ["data_loss", "unwanted_modification", "over_retention"]
  reduces   = "impact"
  stages    = ["storage"]
  related   = ["iso27018:A.11.3"]
}

control "iso29151" "12.4.1" {
  title     = "Event logging"
  group     = "12"
  principle = "accountability"
  objective = "Reads, changes, exports and deletions of PII are logged with who, what, when and from where, so misuse can be detected, investigated and proven. The logs themselves hold no more PII than they need."
  treats    = ["illegitimate_access", "unwanted_modification"]
  reduces   = "impact"
  related   = ["iso27018:A.11.3"]
}

control "iso29151" "12.4.2" {
  title     = "Protection of log information"
  group     = "12"
  principle = "accountability"
  objective = "Logs of activity on PII are protected against tampering and deletion, and against reading by people who have no need, since they record who was looked up and by whom."
  treats    = ["unwanted_modification", "illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "12.4.3" {
  title     = "Administrator and operator logs"
  group     = "12"
  principle = "accountability"
  objective = "Actions of administrators and operators on systems holding PII are logged and reviewed independently of them, so misuse of privileged access is detected."
  treats    = ["illegitimate_access", "unwanted_modification"]
  reduces   = "impact"
}

control "iso29151" "12.4.4" {
  title     = "Clock synchronisation"
  group     = "12"
  principle = "accountability"
  objective = "Clocks of all systems that process PII are synchronized, so logs from different systems can be combined into a reliable timeline of who accessed which PII when, for investigations and breach reports."
  treats    = ["illegitimate_access"]
  reduces   = "impact"
}

control "iso29151" "12.5.1" {
  title     = "Installation of software on operational systems"
  group     = "12"
  principle = "information_security"
  objective = "Only approved and tested software is installed on production systems that process PII, so unvetted code cannot copy or corrupt it."
  treats    = ["illegitimate_access", "unwanted_modification"]
  reduces   = "likelihood"
}

control "iso29151" "12.6.1" {
  title     = "Management of technical vulnerabilities"
  group     = "12"
  principle = "information_security"
  objective = "Vulnerabilities in systems holding PII are tracked and fixed in order of risk, closing the routes that most breaches of PII use."
  treats    = ["illegitimate_access", "unwanted_modification", "data_loss"]
  reduces   = "likelihood"
}

control "iso29151" "12.6.2" {
  title     = "Restrictions on software installation"
  group     = "12"
  principle = "information_security"
  objective = "Users cannot install arbitrary software on devices that handle PII, which keeps out tools that harvest data or quietly upload it to unapproved services, such as unvetted browser extensions or sync clients."
  treats    = ["illegitimate_access", "unlawful_transfer"]
  reduces   = "likelihood"
}

control "iso29151" "12.7.1" {
  title     = "Information systems audit controls"
  group     = "12"
  principle = "information_security"
  objective = "Audits of systems holding PII are planned so they do not disrupt processing, and auditors get read-only access to no more PII than their checks require."
  treats    = ["illegitimate_access", "unwanted_modification"]
  reduces   = "likelihood"
}

# 13 Communications security

control "iso29151" "13.1.1" {
  title     = "Network controls"
  group     = "13"
  principle = "information_security"
  objective = "Networks that carry PII are managed and protected, for example with firewalls, encryption and monitoring, so traffic cannot be intercepted or diverted."
  treats    = ["illegitimate_access", "unwanted_modification"]
  reduces   = "likelihood"
  stages    = ["transfer"]
}

control "iso29151" "13.1.2" {
  title     = "Security of network services"
  group     = "13"
  principle = "information_security"
  objective = "The security features and service levels of network services used to move PII, in-house or outsourced, are specified in agreements and monitored."
  treats    = ["illegitimate_access", "data_loss"]
  reduces   = "likelihood"
  stages    = ["transfer"]
}

control "iso29151" "13.1.3" {
  title     = "Segregation in networks"
  group     = "13"
  principle = "information_security"
  objective = "Systems holding PII sit in separate network zones according to sensitivity, limiting how far an intruder or a compromised system can reach."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  stages    = ["storage"]
}

control "iso29151" "13.2.1" {
  title     = "Information transfer policies and procedures"
  group     = "13"
  principle = "use_retention_and_disclosure_limitation"
  objective = "PII leaves the organization only through approved channels, protected in line with its sensitivity, after checking that the recipient is entitled to it and, for another jurisdiction, that a legal basis for the transfer exists. Where the recipient does not need identities, the PII is de-identified before sending."
  treats    = ["unlawful_transfer", "illegitimate_access", "re_identification"]
  reduces   = "likelihood"
  stages    = ["transfer"]
  related   = ["iso27701:A.7.4.9", "iso27701:A.7.5.3", "iso27701:B.8.4.3", "iso27018:A.12.2"]
}

control "iso29151" "13.2.2" {
  title     = "Agreements on information transfer"
  group     = "13"
  principle = "use_retention_and_disclosure_limitation"
  objective = "Recurring exchanges of PII with other organizations rest on written agreements that fix the purpose, the protection, onward disclosure, retention and, for cross-border flows, the transfer safeguards."
  treats    = ["unlawful_transfer", "purpose_creep"]
  reduces   = "likelihood"
  stages    = ["transfer"]
  related   = ["iso27701:A.7.2.7", "iso27701:A.7.5.1"]
}

control "iso29151" "13.2.3" {
  title     = "Electronic messaging"
  group     = "13"
  principle = "information_security"
  objective = "Email, chat and other messaging that carry PII are protected: encryption where needed, checks against misaddressed messages and limits on sending bulk PII as attachments."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  stages    = ["transfer"]
  related   = ["iso27018:A.11.6"]
}

control "iso29151" "13.2.4" {
  title     = "Confidentiality or non-disclosure agreements"
  group     = "13"
  principle = "information_security"
  objective = "Staff, contractors and outside parties who may see PII sign confidentiality undertakings that also limit how they may use it and continue after the relationship ends."
  treats    = ["illegitimate_access", "purpose_creep"]
  reduces   = "likelihood"
  related   = ["iso27018:A.11.1"]
}

# 14 System acquisition, development and maintenance

control "iso29151" "14.1.1" {
  title     = "Information security requirements analysis and specification"
  group     = "14"
  principle = "data_minimization"
  objective = "Requirements for a new or changed system that processes PII include privacy requirements taken from the privacy risk assessment: which PII is truly needed, how long it is kept, who may access it and how principals' requests will be served. They are settled before the system is built or bought."
  treats    = ["excessive_collection", "over_retention", "rights_not_honoured", "illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "14.1.2" {
  title     = "Securing application services on public networks"
  group     = "14"
  principle = "information_security"
  objective = "Web and mobile services that collect or display PII over public networks protect it in transit, authenticate users properly and resist common attacks, so sign-up forms and user accounts do not become a leak."
  treats    = ["illegitimate_access", "unwanted_modification"]
  reduces   = "likelihood"
  stages    = ["collection", "transfer"]
}

control "iso29151" "14.1.3" {
  title     = "Protecting application services transactions"
  group     = "14"
  principle = "information_security"
  objective = "Transactions that carry PII, such as sign-ups, payments and profile updates, are protected against interception, alteration, replay and misrouting, so each record arrives complete, unchanged and only at the intended party."
  treats    = ["unwanted_modification", "illegitimate_access", "inaccurate_data"]
  reduces   = "likelihood"
  stages    = ["collection", "transfer"]
}

control "iso29151" "14.2.1" {
  title     = "Secure development policy"
  group     = "14"
  principle = "information_security"
  objective = "Systems that process PII are built under secure development rules that include privacy rules, such as no PII in logs or URLs, no optional fields by default and protective default settings."
  treats    = ["illegitimate_access", "excessive_collection"]
  reduces   = "likelihood"
}

control "iso29151" "14.2.2" {
  title     = "System change control procedures"
  group     = "14"
  principle = "information_security"
  objective = "Changes during development follow controlled procedures, so a code change cannot break the integrity of PII or open an undocumented way to reach it."
  treats    = ["unwanted_modification", "illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "14.2.3" {
  title     = "Technical review of applications after operating platform changes"
  group     = "14"
  principle = "information_security"
  objective = "After an operating system, database or platform upgrade, applications holding PII are checked to confirm that access control, encryption and data integrity still work as before."
  treats    = ["unwanted_modification", "illegitimate_access", "data_loss"]
  reduces   = "likelihood"
}

control "iso29151" "14.2.4" {
  title     = "Restrictions on changes to software packages"
  group     = "14"
  principle = "information_security"
  objective = "Vendor software that processes PII is modified as little as possible, so vendor security and privacy fixes keep applying and no home-made change weakens its protections."
  treats    = ["illegitimate_access", "unwanted_modification"]
  reduces   = "likelihood"
}

control "iso29151" "14.2.5" {
  title     = "Secure system engineering principles"
  group     = "14"
  principle = "data_minimization"
  objective = "Engineering principles for systems that process PII include privacy by design: keep identifiers to a minimum, pseudonymize by default, separate data by purpose, avoid stray temporary copies and build deletion in from the start."
  treats    = ["re_identification", "excessive_collection", "illegitimate_access"]
  reduces   = "likelihood"
  related   = ["iso27701:A.7.4.6", "iso27701:B.8.4.1"]
}

control "iso29151" "14.2.6" {
  title     = "Secure development environment"
  group     = "14"
  principle = "information_security"
  objective = "Development environments and build pipelines for systems handling PII are protected, so neither the code nor any data they contain can be tampered with or leaked."
  treats    = ["unwanted_modification", "illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "14.2.7" {
  title     = "Outsourced development"
  group     = "14"
  principle = "information_security"
  objective = "Outsourced developers of systems that process PII are held to the same secure and privacy-aware practices, get no live PII unless it is unavoidable and agreed, including where they work from another country, and their work is supervised and checked."
  treats    = ["illegitimate_access", "unwanted_modification", "unlawful_transfer"]
  reduces   = "likelihood"
}

control "iso29151" "14.2.8" {
  title     = "System security testing"
  group     = "14"
  principle = "information_security"
  objective = "Security and privacy functions of systems that process PII, such as access checks, encryption, consent flags and deletion, are tested while the system is being developed."
  treats    = ["illegitimate_access", "unwanted_modification"]
  reduces   = "likelihood"
}

control "iso29151" "14.2.9" {
  title     = "System acceptance testing"
  group     = "14"
  principle = "privacy_compliance"
  objective = "Before go-live, acceptance tests confirm that the system meets its privacy requirements: it collects only the specified PII, stores it correctly, applies retention and supports principals' requests."
  treats    = ["inaccurate_data", "excessive_collection", "rights_not_honoured"]
  reduces   = "likelihood"
}

control "iso29151" "14.3.1" {
  title     = "Protection of test data"
  group     = "14"
  principle = "data_minimization"
  objective = "Tests run on synthetic, anonymized or masked data by default, with masking strong enough that test records cannot be linked back to people. Live PII is copied into test only with approval, under production-grade protection, and is deleted when the test ends."
  treats    = ["illegitimate_access", "purpose_creep", "re_identification"]
  reduces   = "likelihood"
  stages    = ["use"]
  related   = ["iso27701:A.7.4.2", "iso27701:A.7.4.5"]
}

# 15 Supplier relationships

control "iso29151" "15.1.1" {
  title     = "Information security policy for supplier relationships"
  group     = "15"
  principle = "accountability"
  objective = "Before a supplier receives PII or access to it, the organization checks its privacy and security capability, establishes whether it will act as a PII processor and decides which safeguards that requires."
  treats    = ["illegitimate_access", "unlawful_transfer", "unlawful_processing"]
  reduces   = "likelihood"
}

control "iso29151" "15.1.2" {
  title     = "Addressing security within supplier agreements"
  group     = "15"
  principle = "accountability"
  objective = "Contracts with suppliers that process PII require processing only on documented instructions, confidentiality, security measures, approval of sub-processors, stated processing locations, help with principals' requests and breaches, and return or deletion of PII at the end."
  treats    = ["unlawful_processing", "purpose_creep", "unlawful_transfer"]
  reduces   = "likelihood"
  related   = ["iso27701:A.7.2.6", "iso27701:B.8.2.1", "iso27701:B.8.5.7", "iso27018:A.11.11", "iso27018:A.11.12"]
}

control "iso29151" "15.1.3" {
  title     = "Information and communication technology supply chain"
  group     = "15"
  principle = "information_security"
  objective = "Privacy and security requirements flow down the chain of ICT suppliers and subcontractors, and the organization can name every party that ultimately holds its PII and where that party processes it."
  treats    = ["unlawful_transfer", "illegitimate_access"]
  reduces   = "likelihood"
  related   = ["iso27701:B.8.5.6"]
}

control "iso29151" "15.2.1" {
  title     = "Monitoring and review of supplier services"
  group     = "15"
  principle = "accountability"
  objective = "Suppliers that process PII are monitored and audited against their commitments, using reports, certifications and the organization's own checks, and shortfalls are followed up."
  treats    = ["unlawful_processing", "illegitimate_access"]
  reduces   = "likelihood"
  related   = ["iso27701:B.8.2.5"]
}

control "iso29151" "15.2.2" {
  title     = "Managing changes to supplier services"
  group     = "15"
  principle = "accountability"
  objective = "Changes to a supplier's service, such as a new sub-processor, a new hosting location or new features touching PII, are assessed for privacy impact before they are accepted."
  treats    = ["unlawful_transfer", "illegitimate_access"]
  reduces   = "likelihood"
  related   = ["iso27701:B.8.5.8"]
}

# 16 Information security incident management

control "iso29151" "16.1.1" {
  title     = "Responsibilities and procedures"
  group     = "16"
  principle = "accountability"
  objective = "A breach response procedure with named roles covers PII breaches from detection through containment, assessment of the harm to principals and notification of authorities and principals within legal deadlines; a processor's procedure includes alerting the controller without delay."
  treats    = ["illegitimate_access", "data_loss", "unwanted_modification"]
  reduces   = "impact"
  related   = ["iso27018:A.10.1"]
}

control "iso29151" "16.1.2" {
  title     = "Reporting information security events"
  group     = "16"
  principle = "accountability"
  objective = "Staff, processors and users know a single, fast way to report a suspected PII breach, including everyday cases such as a misaddressed email or a lost device."
  treats    = ["illegitimate_access", "data_loss"]
  reduces   = "impact"
  related   = ["iso27018:A.10.1"]
}

control "iso29151" "16.1.3" {
  title     = "Reporting information security weaknesses"
  group     = "16"
  principle = "information_security"
  objective = "Staff and suppliers report weaknesses that could expose PII, such as an over-broad file share or an unprotected export, so they are fixed before anyone exploits them."
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "16.1.4" {
  title     = "Assessment of and decision on information security events"
  group     = "16"
  principle = "accountability"
  objective = "Each reported event is assessed to decide whether it is a PII breach, which principals and PII categories it affects and how serious the consequences for them are; this decides whether and whom to notify."
  treats    = ["illegitimate_access", "unwanted_modification", "data_loss"]
  reduces   = "impact"
}

control "iso29151" "16.1.5" {
  title     = "Response to information security incidents"
  group     = "16"
  principle = "accountability"
  objective = "PII breaches are contained and remedied quickly, and affected principals are told what happened and what they can do to protect themselves when the risk to them is high."
  treats    = ["illegitimate_access", "data_loss", "unwanted_modification"]
  reduces   = "impact"
}

control "iso29151" "16.1.6" {
  title     = "Learning from information security incidents"
  group     = "16"
  principle = "accountability"
  objective = "Root causes of PII breaches are analysed and fed back into controls, training and risk assessments, so the same kind of breach is less likely to happen again."
  treats    = ["illegitimate_access", "data_loss"]
  reduces   = "likelihood"
}

control "iso29151" "16.1.7" {
  title     = "Collection of evidence"
  group     = "16"
  principle = "accountability"
  objective = "Evidence about a PII breach is gathered and preserved so that it holds up before regulators and courts, while the evidence, itself often full of PII, is kept minimal and protected."
  treats    = ["illegitimate_access"]
  reduces   = "impact"
}

# 17 Information security aspects of business continuity management

control "iso29151" "17.1.1" {
  title     = "Planning information security continuity"
  group     = "17"
  principle = "information_security"
  objective = "Continuity plans cover the systems that hold PII and require its protection to stay in force during a crisis, instead of being dropped to keep services running."
  treats    = ["data_loss", "illegitimate_access"]
  reduces   = "impact"
}

control "iso29151" "17.1.2" {
  title     = "Implementing information security continuity"
  group     = "17"
  principle = "information_security"
  objective = "Recovery procedures and fallback sites keep PII protected in degraded mode, with access control, encryption and logging still working."
  treats    = ["data_loss", "illegitimate_access"]
  reduces   = "impact"
}

control "iso29151" "17.1.3" {
  title     = "Verify, review and evaluate information security continuity"
  group     = "17"
  principle = "information_security"
  objective = "Continuity arrangements for systems holding PII are exercised and reviewed, proving that PII can be restored complete, intact and protected within the target times."
  treats    = ["data_loss", "unwanted_modification"]
  reduces   = "impact"
}

control "iso29151" "17.2.1" {
  title     = "Availability of information processing facilities"
  group     = "17"
  principle = "information_security"
  objective = "Systems holding PII have enough redundancy that a single failure does not make PII unavailable, so principals are not cut off from services or from their own data."
  treats    = ["data_loss"]
  reduces   = "likelihood"
  stages    = ["storage"]
}

# 18 Compliance

control "iso29151" "18.1.1" {
  title     = "Identification of applicable legislation and contractual requirements"
  group     = "18"
  principle = "privacy_compliance"
  objective = "The organization identifies, and keeps current, the privacy laws, sector rules and contractual commitments that apply to each processing of PII in every jurisdiction where principals live or PII is processed, including rules on transfers."
  treats    = ["unlawful_processing", "unlawful_transfer"]
  reduces   = "likelihood"
  related   = ["iso27701:A.7.2.2", "iso27701:A.7.5.1", "iso27701:B.8.2.4", "iso27701:B.8.5.1", "iso27701:B.8.5.5", "iso27018:A.12.1"]
}

control "iso29151" "18.1.2" {
  title     = "Intellectual property rights"
  group     = "18"
  principle = "privacy_compliance"
  objective = "PII obtained from third parties, such as purchased or licensed data sets, and the software that processes PII are used within the terms of their licences and of the source's own legal basis, so acquired data is not put to uses its provider had no right to allow."
  treats    = ["unlawful_processing", "purpose_creep"]
  reduces   = "likelihood"
}

control "iso29151" "18.1.3" {
  title     = "Protection of records"
  group     = "18"
  principle = "use_retention_and_disclosure_limitation"
  objective = "Records the organization must keep, including records of processing, consents and disclosures, are protected from loss and tampering, kept for their required period and then destroyed, following a retention schedule."
  treats    = ["over_retention", "data_loss", "unwanted_modification"]
  reduces   = "likelihood"
  stages    = ["storage", "disposal"]
  related   = ["iso27701:A.7.4.7", "iso27018:A.10.2"]
}

control "iso29151" "18.1.4" {
  title     = "Privacy and protection of personally identifiable information"
  group     = "18"
  principle = "privacy_compliance"
  objective = "A privacy programme makes every processing of PII meet the applicable law and the ISO/IEC 29100 principles: a lawful basis and stated purpose, notice to principals, ways to exercise their rights, and a privacy officer who oversees it."
  treats    = ["unlawful_processing", "lack_of_transparency", "rights_not_honoured"]
  reduces   = "likelihood"
  related   = ["iso27701:A.7.2.5", "iso27701:A.7.2.2", "iso27701:A.7.3.1"]
}

control "iso29151" "18.1.5" {
  title     = "Regulation of cryptographic controls"
  group     = "18"
  principle = "privacy_compliance"
  objective = "Encryption used to protect PII complies with the import, export and use rules of each country involved, so protection is not dropped at a border and demands by authorities for keys or decrypted data are handled lawfully."
  treats    = ["illegitimate_access", "unlawful_processing"]
  reduces   = "likelihood"
}

control "iso29151" "18.2.1" {
  title     = "Independent review of information security"
  group     = "18"
  principle = "privacy_compliance"
  objective = "The organization's approach to protecting PII and its implementation are reviewed independently, by internal audit or an outside auditor, at planned intervals and after major changes."
  treats    = ["unlawful_processing", "illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "18.2.2" {
  title     = "Compliance with security policies and standards"
  group     = "18"
  principle = "privacy_compliance"
  objective = "Managers check regularly that processing of PII in their area follows the privacy and security policies, and correct any deviation they find."
  treats    = ["unlawful_processing", "purpose_creep", "illegitimate_access"]
  reduces   = "likelihood"
}

control "iso29151" "18.2.3" {
  title     = "Technical compliance review"
  group     = "18"
  principle = "privacy_compliance"
  objective = "Systems holding PII are checked technically for conformance, with configuration scans, penetration tests and data discovery that also finds PII stored where it should not be or kept past its retention."
  treats    = ["illegitimate_access", "over_retention"]
  reduces   = "likelihood"
}

# A Extended control set for PII protection (Annex A)

control "iso29151" "A.2" {
  title     = "General policies for the use and protection of PII"
  group     = "A"
  principle = "accountability"
  objective = "Beyond security policy, the organization sets out how PII may be processed at all: which principles apply, how PII is recognized, who approves new processing and new uses, and how the principles are applied at every life-cycle stage."
  treats    = ["unlawful_processing", "purpose_creep"]
  reduces   = "likelihood"
}

control "iso29151" "A.3" {
  title     = "Consent and choice"
  group     = "A"
  principle = "consent_and_choice"
  objective = "Where processing rests on consent, the principal, or a parent or guardian, agrees before it starts, knowing what they agree to; the consent is specific, freely given, recorded and as easy to withdraw as to give. Principals also get real choices, such as opting out of optional uses."
  treats    = ["unlawful_processing", "rights_not_honoured", "lack_of_transparency"]
  reduces   = "likelihood"
  stages    = ["collection", "use"]
  related   = ["iso27701:A.7.2.3", "iso27701:A.7.2.4", "iso27701:A.7.3.4", "iso27701:A.7.3.5", "iso27701:B.8.2.3"]
}

control "iso29151" "A.4" {
  title     = "Purpose legitimacy and specification"
  group     = "A"
  principle = "purpose_legitimacy_and_specification"
  objective = "Each processing of PII has a documented, legitimate purpose and legal basis, made known to principals before or at collection. A new purpose is checked for compatibility before existing PII is put to it."
  treats    = ["unlawful_processing", "purpose_creep"]
  reduces   = "likelihood"
  stages    = ["collection", "use"]
  related   = ["iso27701:A.7.2.1", "iso27701:A.7.2.2", "iso27701:B.8.2.2", "iso27018:A.3.1"]
}

control "iso29151" "A.5" {
  title     = "Collection limitation"
  group     = "A"
  principle = "collection_limitation"
  objective = "Only the PII that is lawful and needed for the specified purposes is collected. Forms, apps, sensors and tracking gather nothing optional by default, and PII obtained indirectly from third parties is held to the same limit."
  treats    = ["excessive_collection", "unlawful_processing"]
  reduces   = "likelihood"
  stages    = ["collection"]
  related   = ["iso27701:A.7.4.1"]
}

control "iso29151" "A.6" {
  title     = "Data minimization"
  group     = "A"
  principle = "data_minimization"
  objective = "Processing is designed to use as little PII and as few identifying elements as the task allows, seen by as few people as possible. Identifiers are pseudonymized or removed where they are not needed, and de-identified data is protected against being linked back to individuals."
  treats    = ["excessive_collection", "re_identification", "illegitimate_access"]
  reduces   = "likelihood"
  stages    = ["collection", "storage", "use"]
  related   = ["iso27701:A.7.4.4", "iso27701:A.7.4.5", "iso27018:A.5.1"]
}

control "iso29151" "A.7" {
  title     = "Use, retention and disclosure limitation"
  group     = "A"
  principle = "use_retention_and_disclosure_limitation"
  objective = "PII is used and disclosed only for its specified purposes, or on a new valid ground, is kept only as long as those purposes need and is then deleted or anonymized. Each disclosure to a third party and each cross-border transfer is checked for a basis and recorded."
  treats    = ["purpose_creep", "over_retention", "unlawful_transfer"]
  reduces   = "likelihood"
  stages    = ["storage", "use", "transfer", "disposal"]
  related   = ["iso27701:A.7.3.7", "iso27701:A.7.4.2", "iso27701:A.7.4.5", "iso27701:A.7.4.6", "iso27701:A.7.4.7", "iso27701:A.7.4.8", "iso27701:A.7.5.1", "iso27701:A.7.5.2", "iso27701:A.7.5.4", "iso27701:B.8.2.2", "iso27701:B.8.2.3", "iso27701:B.8.4.1", "iso27701:B.8.4.2", "iso27701:B.8.5.1", "iso27701:B.8.5.2", "iso27701:B.8.5.3", "iso27701:B.8.5.5", "iso27018:A.3.2"]
}

control "iso29151" "A.8" {
  title     = "Accuracy and quality"
  group     = "A"
  principle = "accuracy_and_quality"
  objective = "PII is accurate, complete and up to date enough for its purpose: it is checked at collection, taken from reliable sources and corrected when principals or internal checks show it is wrong, with extra care where it feeds decisions about people."
  treats    = ["inaccurate_data"]
  reduces   = "likelihood"
  stages    = ["collection", "storage", "use"]
  related   = ["iso27701:A.7.3.6", "iso27701:A.7.4.3"]
}

control "iso29151" "A.9" {
  title     = "Openness, transparency and notice"
  group     = "A"
  principle = "openness_transparency_and_notice"
  objective = "Principals get clear and accessible information on who processes their PII, for what purposes and on which basis, with whom it is shared, how long it is kept and how to exercise their rights, at or before collection and again when practices change."
  treats    = ["lack_of_transparency", "rights_not_honoured"]
  reduces   = "likelihood"
  stages    = ["collection"]
  related   = ["iso27701:A.7.3.1", "iso27701:A.7.3.2", "iso27701:A.7.3.3", "iso27701:A.7.3.10", "iso27701:A.7.5.2", "iso27701:B.8.5.2", "iso27701:B.8.5.4", "iso27701:B.8.5.6", "iso27018:A.8.1"]
}

control "iso29151" "A.10" {
  title     = "PII principal participation and access"
  group     = "A"
  principle = "individual_participation_and_access"
  objective = "Principals can see the PII held about them, get a copy, have it corrected or erased and object to its processing, through a simple process that verifies their identity and answers within the legal deadline. Corrections and erasures are passed on to those who received the PII."
  treats    = ["rights_not_honoured", "inaccurate_data", "lack_of_transparency"]
  reduces   = "likelihood"
  related   = ["iso27701:A.7.3.1", "iso27701:A.7.3.4", "iso27701:A.7.3.5", "iso27701:A.7.3.6", "iso27701:A.7.3.7", "iso27701:A.7.3.8", "iso27701:A.7.3.9", "iso27701:A.7.3.10", "iso27701:B.8.3.1", "iso27018:A.2.1"]
}

control "iso29151" "A.11" {
  title     = "Accountability"
  group     = "A"
  principle = "accountability"
  objective = "The organization can show who is responsible for each processing, keeps records of processing and of disclosures, binds processors and other recipients by contract and handles complaints. Responsibility stays with it when PII is passed to others."
  treats    = ["unlawful_processing", "unlawful_transfer"]
  reduces   = "likelihood"
  related   = ["iso27701:A.7.2.4", "iso27701:A.7.2.6", "iso27701:A.7.2.7", "iso27701:A.7.2.8", "iso27701:A.7.3.9", "iso27701:A.7.5.3", "iso27701:A.7.5.4", "iso27701:B.8.2.1", "iso27701:B.8.2.5", "iso27701:B.8.2.6", "iso27701:B.8.5.3", "iso27701:B.8.5.7", "iso27701:B.8.5.8", "iso27018:A.6.2"]
}

control "iso29151" "A.12" {
  title     = "Information security"
  group     = "A"
  principle = "information_security"
  objective = "PII is protected by security measures proportionate to the harm its compromise would do to principals, taking account of sensitivity, volume and life-cycle stage, with particular care for special categories."
  treats    = ["illegitimate_access", "unwanted_modification", "data_loss"]
  reduces   = "likelihood"
  related   = ["iso27701:A.7.4.9", "iso27701:B.8.4.3"]
}

control "iso29151" "A.13" {
  title     = "Privacy compliance"
  group     = "A"
  principle = "privacy_compliance"
  objective = "Compliance of processing with privacy law and the organization's own rules is verified through periodic audits, self-assessments and privacy impact assessments, processors included, and findings are acted upon."
  treats    = ["unlawful_processing"]
  reduces   = "likelihood"
  related   = ["iso27701:A.7.2.5", "iso27701:B.8.2.4"]
}
