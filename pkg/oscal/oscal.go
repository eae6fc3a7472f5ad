// Package oscal writes soc2scan's results and rules as OSCAL 1.1.3
// documents: an assessment-results document per scan (one observation per
// rule × resource, one finding per criterion) and a component-definition
// mapping each criterion to the rules that give evidence for it.
//
// SOC 2 criteria are the control ids (CC6.1, A1.2, ...). UUIDs are version 5
// (SHA-1, in the URL namespace) of stable names, so the same rule on the
// same resource has the same observation UUID in every run; timestamps come
// from the caller, so the output of the same inputs is byte-for-byte stable.
package oscal

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	oscaluuid "github.com/defenseunicorns/go-oscal/src/pkg/uuid"
	oscaltypes "github.com/defenseunicorns/go-oscal/src/types/oscal-1-1-3"

	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// Version is the OSCAL version of the documents written.
const Version = oscaltypes.Version

// Namespace is the ns of the properties soc2scan defines.
const Namespace = "https://github.com/soc2scan/soc2scan/ns/oscal"

// Run describes one scan for its assessment-results document.
type Run struct {
	// ID names the run (the evidence bundle's run id, say); the document's
	// and the result's UUIDs derive from it. Empty derives them from Start
	// and RuleSetDigest.
	ID         string
	Start, End time.Time
	// ToolVersion is soc2scan's version: the document's version.
	ToolVersion string
	// RuleSetDigest is the sha256 (hex) of the rule set that ran, as in the
	// evidence bundle's run.json.
	RuleSetDigest string
	Scope         soc2.Scope
	Rules         []report.RuleInfo
	Report        *report.Report
}

// uuidOf returns the version 5 UUID of a name made of parts.
func uuidOf(parts ...string) string {
	return oscaluuid.NewUUIDWithSource("soc2scan:" + strings.Join(parts, "\x00"))
}

func prop(name, value string) oscaltypes.Property {
	return oscaltypes.Property{Name: name, Ns: Namespace, Value: value}
}

// AssessmentResults builds the assessment-results document of a run.
func AssessmentResults(r Run) (*oscaltypes.OscalCompleteSchema, error) {
	if r.Report == nil {
		return nil, fmt.Errorf("oscal: run has no report")
	}
	runName := r.ID
	if runName == "" {
		runName = r.Start.UTC().Format(time.RFC3339Nano) + "\x00" + r.RuleSetDigest
	}
	start, end := r.Start.UTC(), r.End.UTC()
	rules := map[string]report.RuleInfo{}
	for _, ru := range r.Rules {
		rules[ru.ID] = ru
	}
	messages := map[string]string{} // rule, source, resource → finding message
	for _, f := range r.Report.Findings {
		k := f.RuleID + "\x00" + f.Source + "\x00" + f.Resource
		if messages[k] == "" {
			messages[k] = f.Message
		}
	}

	checks := slices.Clone(r.Report.Checks)
	slices.SortFunc(checks, func(a, b report.Check) int {
		return cmp.Or(cmp.Compare(a.RuleID, b.RuleID), cmp.Compare(a.Source, b.Source), cmp.Compare(a.Resource, b.Resource))
	})
	type subject struct{ source, resource string }
	subjects := map[subject]string{}
	var items []oscaltypes.InventoryItem
	var observations []oscaltypes.Observation
	byRule := map[string][]report.Check{}
	obsUUID := map[report.Check]string{}
	for _, c := range checks {
		sub := subject{c.Source, c.Resource}
		subUUID, ok := subjects[sub]
		if !ok {
			subUUID = uuidOf("subject", c.Source, c.Resource)
			subjects[sub] = subUUID
			items = append(items, oscaltypes.InventoryItem{
				UUID:        subUUID,
				Description: fmt.Sprintf("%s in %s", c.Resource, c.Source),
				Props:       &[]oscaltypes.Property{prop("resource", c.Resource), prop("source", c.Source)},
			})
		}
		id := uuidOf("observation", c.RuleID, c.Source, c.Resource)
		obsUUID[c] = id
		byRule[c.RuleID] = append(byRule[c.RuleID], c)
		status := string(c.Status)
		props := []oscaltypes.Property{prop("rule-id", c.RuleID), prop("status", status)}
		if c.Accepted {
			props = append(props, prop("accepted-exception", "true"))
		}
		if ru, ok := rules[c.RuleID]; ok && ru.Severity != "" {
			props = append(props, prop("severity", string(ru.Severity)))
		}
		obs := oscaltypes.Observation{
			UUID:        id,
			Title:       c.RuleID + " on " + c.Resource,
			Description: fmt.Sprintf("Rule %s evaluated %s in %s: %s.", c.RuleID, c.Resource, c.Source, status),
			Methods:     []string{"TEST"},
			Props:       &props,
			Subjects: &[]oscaltypes.SubjectReference{{
				SubjectUuid: subUUID, Type: "inventory-item", Title: c.Resource,
			}},
			Collected: end,
		}
		switch {
		case c.Message != "":
			obs.Remarks = c.Message
		case messages[c.RuleID+"\x00"+c.Source+"\x00"+c.Resource] != "":
			obs.Remarks = messages[c.RuleID+"\x00"+c.Source+"\x00"+c.Resource]
		}
		observations = append(observations, obs)
	}
	slices.SortFunc(items, func(a, b oscaltypes.InventoryItem) int { return cmp.Compare(a.UUID, b.UUID) })

	var findings []oscaltypes.Finding
	var controls []oscaltypes.AssessedControlsSelectControlById
	for _, cr := range soc2.Criteria() {
		if !r.Scope.Includes(cr.ID) {
			continue
		}
		var ruleIDs []string
		for _, ru := range r.Rules {
			if slices.Contains(ru.Criteria, cr.ID) {
				ruleIDs = append(ruleIDs, ru.ID)
			}
		}
		if len(ruleIDs) == 0 {
			continue // no automated test: nothing assessed here
		}
		slices.Sort(ruleIDs)
		controls = append(controls, oscaltypes.AssessedControlsSelectControlById{ControlId: cr.ID})
		var related []oscaltypes.RelatedObservation
		var pass, fail, other int
		for _, id := range ruleIDs {
			for _, c := range byRule[id] {
				related = append(related, oscaltypes.RelatedObservation{ObservationUuid: obsUUID[c]})
				switch c.Status {
				case report.Pass:
					pass++
				case report.Fail:
					fail++
				default:
					other++
				}
			}
		}
		st := oscaltypes.ObjectiveStatus{State: "satisfied", Reason: "pass"}
		checked := pass + fail + other
		switch {
		case checked == 0:
			st = oscaltypes.ObjectiveStatus{State: "not-satisfied", Reason: "other",
				Remarks: "No resource checked by this criterion's rules was in the scan."}
		case fail > 0:
			st = oscaltypes.ObjectiveStatus{State: "not-satisfied", Reason: "fail"}
		case other > 0:
			st = oscaltypes.ObjectiveStatus{State: "not-satisfied", Reason: "other",
				Remarks: "Some values are known only after apply."}
		}
		f := oscaltypes.Finding{
			UUID:  uuidOf("finding", runName, cr.ID),
			Title: cr.ID + " " + cr.Series,
			Description: fmt.Sprintf("%d rule × resource evaluations by %s: %d passed, %d failed, %d unknown.",
				checked, strings.Join(ruleIDs, ", "), pass, fail, other),
			Target: oscaltypes.FindingTarget{
				Type:        "objective-id",
				TargetId:    cr.ID,
				Description: cr.Title,
				Status:      st,
			},
			Props: &[]oscaltypes.Property{prop("iac-evidence", string(cr.IaCEvidence))},
		}
		if len(related) > 0 {
			f.RelatedObservations = &related
		}
		findings = append(findings, f)
	}

	planUUID := uuidOf("rule-set", r.RuleSetDigest)
	result := oscaltypes.Result{
		UUID:        uuidOf("result", runName),
		Title:       "soc2scan scan",
		Description: "Automated checks of infrastructure configuration against the SOC 2 Trust Services Criteria.",
		Start:       start,
		End:         &end,
		Props: &[]oscaltypes.Property{
			prop("rule-set-sha256", r.RuleSetDigest),
			prop("resources", fmt.Sprint(len(subjects))),
			prop("errors", fmt.Sprint(len(r.Report.Errors))),
		},
		ReviewedControls: oscaltypes.ReviewedControls{ControlSelections: []oscaltypes.AssessedControls{{}}},
	}
	if r.ID != "" {
		// The evidence bundle (runs/<id>/ of the evidence directory) that
		// holds this run's evaluations, sums and ledger line.
		*result.Props = append(*result.Props, prop("evidence-run-id", r.ID))
	}
	if len(controls) > 0 {
		result.ReviewedControls.ControlSelections[0].IncludeControls = &controls
	} else {
		result.ReviewedControls.ControlSelections[0].Description = "No criterion in scope has an automated rule."
	}
	if len(items) > 0 {
		result.LocalDefinitions = &oscaltypes.LocalDefinitions{InventoryItems: &items}
	}
	if len(observations) > 0 {
		result.Observations = &observations
	}
	if len(findings) > 0 {
		result.Findings = &findings
	}
	doc := &oscaltypes.AssessmentResults{
		UUID:     uuidOf("assessment-results", runName),
		Metadata: metadata("soc2scan assessment results", r.ToolVersion, end),
		// There is no assessment plan: the rule set that ran stands in for
		// it, described in back-matter.
		ImportAp: oscaltypes.ImportAp{Href: "#" + planUUID},
		Results:  []oscaltypes.Result{result},
		BackMatter: &oscaltypes.BackMatter{Resources: &[]oscaltypes.Resource{{
			UUID:        planUUID,
			Title:       "soc2scan rule set",
			Description: "The rules that ran, identified by the sha256 of the rule set (rule digests and library digests) as recorded in the evidence bundle's run.json.",
			Props:       &[]oscaltypes.Property{prop("rule-set-sha256", r.RuleSetDigest)},
		}}},
	}
	return &oscaltypes.OscalCompleteSchema{AssessmentResults: doc}, nil
}

func metadata(title, version string, modified time.Time) oscaltypes.Metadata {
	if version == "" {
		version = "dev"
	}
	return oscaltypes.Metadata{Title: title, Version: version, OscalVersion: Version, LastModified: modified.UTC()}
}

// ComponentDefinition builds the component-definition of the rules: one
// software component, soc2scan, whose implemented requirements are the
// criteria its rules give evidence for, each naming its rules. modified is
// the document's last-modified time.
func ComponentDefinition(rules []report.RuleInfo, toolVersion string, modified time.Time) *oscaltypes.OscalCompleteSchema {
	byCriterion := map[string][]report.RuleInfo{}
	for _, ru := range rules {
		for _, id := range ru.Criteria {
			byCriterion[id] = append(byCriterion[id], ru)
		}
	}
	catalogUUID := uuidOf("catalog", "aicpa-tsc-2017")
	var reqs []oscaltypes.ImplementedRequirementControlImplementation
	for _, cr := range soc2.Criteria() {
		rs := slices.Clone(byCriterion[cr.ID])
		if len(rs) == 0 {
			continue
		}
		slices.SortFunc(rs, func(a, b report.RuleInfo) int { return cmp.Compare(a.ID, b.ID) })
		props := make([]oscaltypes.Property, len(rs))
		ids := make([]string, len(rs))
		for i, ru := range rs {
			props[i] = oscaltypes.Property{Name: "rule-id", Ns: Namespace, Value: ru.ID, Remarks: ru.Title}
			ids[i] = ru.ID
		}
		reqs = append(reqs, oscaltypes.ImplementedRequirementControlImplementation{
			UUID:        uuidOf("implemented-requirement", cr.ID),
			ControlId:   cr.ID,
			Description: fmt.Sprintf("soc2scan rules %s check configuration for this criterion (%s evidence): %s", strings.Join(ids, ", "), cr.IaCEvidence, cr.Title),
			Props:       &props,
		})
	}
	comp := oscaltypes.DefinedComponent{
		UUID:        uuidOf("component", "soc2scan"),
		Type:        "software",
		Title:       "soc2scan",
		Description: "Policy-as-code scanner that checks Terraform, Kubernetes and cloud configuration against the SOC 2 Trust Services Criteria.",
		Purpose:     "Automated evidence of the design of technical controls.",
	}
	if len(reqs) > 0 {
		comp.ControlImplementations = &[]oscaltypes.ControlImplementationSet{{
			UUID:                    uuidOf("control-implementation", "aicpa-tsc-2017"),
			Source:                  "#" + catalogUUID,
			Description:             "SOC 2 criteria that soc2scan rules give automated evidence for.",
			ImplementedRequirements: reqs,
		}}
	}
	doc := &oscaltypes.ComponentDefinition{
		UUID:       uuidOf("component-definition", toolVersion),
		Metadata:   metadata("soc2scan rules", toolVersion, modified),
		Components: &[]oscaltypes.DefinedComponent{comp},
		BackMatter: &oscaltypes.BackMatter{Resources: &[]oscaltypes.Resource{{
			UUID:        catalogUUID,
			Title:       "AICPA Trust Services Criteria (2017, points of focus revised 2022)",
			Description: "The SOC 2 criteria; control ids are the criterion ids (CC6.1, A1.2, ...).",
		}}},
	}
	return &oscaltypes.OscalCompleteSchema{ComponentDefinition: doc}
}

// Write writes an OSCAL document as indented JSON.
func Write(w io.Writer, doc *oscaltypes.OscalCompleteSchema) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
