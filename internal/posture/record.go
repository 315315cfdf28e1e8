package posture

// Record is what GDPR Art. 30 asks of an activity's record of processing
// and what the documents leave out. A controller's (or joint controller's)
// record follows Art. 30(1), a processor's Art. 30(2). The record is
// complete only when every item is stated: an item the documents do not
// give is Missing, with what to set, and one known only after apply is
// Pending; a report never claims completeness without the data.
type Record struct {
	// Article is "30(1)" or "30(2)".
	Article string `json:"article"`
	// Complete: nothing is missing or pending.
	Complete bool          `json:"complete"`
	Missing  []RecordItem  `json:"missing"`
	Pending  []RecordItem  `json:"pending"`
	Org      *Organization `json:"-"`
}

// RecordItem is an item of Art. 30 that a record lacks.
type RecordItem struct {
	// Point is the point of the article: "30(1)(a)".
	Point string `json:"point"`
	// Item says what it is: "the controller's name".
	Item string `json:"item"`
	// Fix says what to set: "organization.name in the provider block".
	Fix string `json:"fix"`
}

// Text is the item as a report lists it: "the controller's name (Art.
// 30(1)(a)): set organization.name in the provider block".
func (i RecordItem) Text() string {
	return i.Item + " (Art. " + i.Point + "): " + i.Fix
}

// record checks an activity's record against Art. 30, with org the
// organization of its document.
func record(a *Activity, org *Organization) *Record {
	rec := &Record{Article: "30(1)", Missing: []RecordItem{}, Pending: []RecordItem{}, Org: org}
	processor := a.Role.Is("processor")
	who := "controller"
	if processor {
		rec.Article, who = "30(2)", "processor"
	}
	point := func(p string) string { return rec.Article + "(" + p + ")" }
	// check files a value under missing or pending; a sensitive value is
	// stated, only not shown.
	check := func(v Value, p, item, fix string) {
		switch {
		case v.IsUnknown():
			rec.Pending = append(rec.Pending, RecordItem{Point: point(p), Item: item, Fix: "known after apply"})
		case v.IsNull():
			rec.Missing = append(rec.Missing, RecordItem{Point: point(p), Item: item, Fix: fix})
		}
	}
	list := func(vs []Value, p, item, fix string) {
		switch {
		case len(vs) == 0:
			rec.Missing = append(rec.Missing, RecordItem{Point: point(p), Item: item, Fix: fix})
		case len(vs) == 1 && vs[0].IsUnknown():
			rec.Pending = append(rec.Pending, RecordItem{Point: point(p), Item: item, Fix: "known after apply"})
		}
	}
	if org.stated() {
		fix := func(field string) string { return "set organization." + field + " in the provider block" }
		check(org.Name, "a", "the "+who+"'s name", fix("name"))
		check(org.Contact, "a", "the "+who+"'s contact details", fix("contact"))
		check(org.DPOContact, "a", "the data protection officer's contact details",
			fix("dpo_contact")+" (where no data protection officer is designated, say so there)")
	} else {
		// One item for the whole organisation: its fields are missing for
		// one reason.
		fix := "set organization (name, contact, dpo_contact) in the provider block"
		if org != nil {
			fix = org.Fix + " (" + org.Note + ")"
		}
		rec.Missing = append(rec.Missing, RecordItem{Point: point("a"),
			Item: "the " + who + "'s name and contact details, and the data protection officer's", Fix: fix})
	}

	if processor {
		list(a.Controllers, "a", "each controller the processor acts for", "set controllers on the activity")
		list(a.Purposes, "b", "the categories of processing", "set purposes on the activity")
	} else {
		if a.Role.Is("joint_controller") {
			list(a.Controllers, "a", "the joint controllers", "set controllers on the activity")
		}
		list(a.Purposes, "b", "the purposes of the processing", "set purposes on the activity")
		list(a.Principals, "c", "the categories of PII principals", "set principals on the activity")
		list(a.PIICategories, "c", "the categories of PII", "set pii_categories on the activity")
	}
	transfers := "e"
	if processor {
		transfers = "c"
	}
	for _, t := range a.Transfers {
		if t.Unknown {
			rec.Pending = append(rec.Pending, RecordItem{Point: point(transfers), Item: "the transfers", Fix: "known after apply"})
			break
		}
		if !processor {
			check(t.Recipient, "d", "a transfer's recipient", "set recipient on the transfer block")
		}
		switch {
		case t.OutsideEEA.IsUnknown():
			rec.Pending = append(rec.Pending, RecordItem{Point: point(transfers), Item: "whether a transfer leaves the EEA", Fix: "known after apply"})
		case t.OutsideEEA.True():
			check(t.Mechanism, transfers, "the safeguard of the transfer to "+t.Country.String(), "set mechanism on the transfer block")
		}
	}
	if !processor {
		check(a.Retention, "f", "the time limit for erasure", "set retention on the activity")
	}
	security := "g"
	if processor {
		security = "d"
	}
	if len(a.SecurityMeasures) == 0 {
		rec.Missing = append(rec.Missing, RecordItem{Point: point(security), Item: "the security measures",
			Fix: "declare a pii_control with status \"implemented\", organisation-wide or with the activity's id in activities"})
	}
	rec.Complete = len(rec.Missing) == 0 && len(rec.Pending) == 0
	return rec
}
