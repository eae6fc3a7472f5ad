// Package kube loads Kubernetes manifests: multi-document YAML and JSON,
// List kinds expanded into their items, Helm-rendered output. Every object
// becomes a resource whose id is Kind/namespace/name and whose type is its
// kind; the manifests of all files of a scan are merged into one document
// so rules can relate objects across files (a Deployment and the
// NetworkPolicy that selects its pods).
package kube

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/load/internal/yamlvalue"
)

// Format is the document format of Kubernetes manifests.
const Format = "kubernetes"

// clientKinds carry apiVersion and kind but are files for tools, not
// objects of a cluster: they are config documents.
var clientKinds = map[string]bool{
	"Config":        true, // kubeconfig
	"Kustomization": true,
	"Component":     true, // kustomize component
}

// IsManifest reports whether a decoded document is a Kubernetes object: a
// mapping with a string apiVersion and kind.
func IsManifest(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	apiVersion, _ := m["apiVersion"].(string)
	kind, _ := m["kind"].(string)
	return apiVersion != "" && kind != "" && !clientKinds[kind]
}

// clusterScoped lists the built-in kinds that live outside namespaces. A
// kind whose name starts with "Cluster" (ClusterRole, ClusterIssuer ...) is
// taken as cluster-scoped too.
var clusterScoped = map[string]bool{
	"APIService": true, "CertificateSigningRequest": true, "ClusterRole": true,
	"ClusterRoleBinding": true, "ComponentStatus": true, "CSIDriver": true,
	"CSINode": true, "CustomResourceDefinition": true, "FlowSchema": true,
	"IngressClass": true, "MutatingWebhookConfiguration": true, "Namespace": true,
	"Node": true, "PersistentVolume": true, "PodSecurityPolicy": true,
	"PriorityClass": true, "PriorityLevelConfiguration": true, "RuntimeClass": true,
	"StorageClass": true, "ValidatingAdmissionPolicy": true,
	"ValidatingAdmissionPolicyBinding": true, "ValidatingWebhookConfiguration": true,
	"VolumeAttachment": true,
}

// ID returns an object's resource id: Kind/namespace/name, the namespace
// "default" when the manifest names none (kubectl apply puts it there), and
// Kind/name for cluster-scoped kinds.
func ID(kind, namespace, name string) string {
	if clusterScoped[kind] || strings.HasPrefix(kind, "Cluster") {
		return kind + "/" + name
	}
	if namespace == "" {
		namespace = "default"
	}
	return kind + "/" + namespace + "/" + name
}

// Objects returns the resources of one decoded manifest, the items of a
// List (kind List or any kind ending in List with an items array) expanded.
func Objects(source string, d *yamlvalue.Document) ([]document.Resource, document.Diagnostics) {
	m := d.Value.(map[string]any)
	kind := m["kind"].(string)
	items, isList := m["items"].([]any)
	if !strings.HasSuffix(kind, "List") || !isList {
		r, diag := object(source, d, m)
		if diag != nil {
			return nil, document.Diagnostics{*diag}
		}
		return []document.Resource{r}, nil
	}
	var out []document.Resource
	var diags document.Diagnostics
	for i, it := range items {
		sub := d.Sub([]string{"items", strconv.Itoa(i)}, it)
		if !IsManifest(it) {
			diags = append(diags, document.Errorf(document.Location{File: source, Line: sub.Line, Column: sub.Column},
				"item %d of %s is not a Kubernetes object: it needs apiVersion and kind", i, kind))
			continue
		}
		r, diag := object(source, &sub, it.(map[string]any))
		if diag != nil {
			diags = append(diags, *diag)
			continue
		}
		out = append(out, r)
	}
	return out, diags
}

func object(source string, d *yamlvalue.Document, m map[string]any) (document.Resource, *document.Diagnostic) {
	kind := m["kind"].(string)
	meta, _ := m["metadata"].(map[string]any)
	name, _ := meta["name"].(string)
	if name == "" {
		name, _ = meta["generateName"].(string)
	}
	loc := document.Location{File: source, Line: d.Line, Column: d.Column}
	if name == "" {
		diag := document.Errorf(loc, "%s has no metadata.name", kind)
		return document.Resource{}, &diag
	}
	namespace, _ := meta["namespace"].(string)
	return document.Resource{
		ID:        ID(kind, namespace, name),
		Type:      kind,
		Provider:  "kubernetes",
		Mode:      document.Managed,
		Values:    m,
		Location:  loc,
		Positions: d,
	}, nil
}

// Merge joins the manifests of several files into one document, so rules
// see every object of the scan together. An object that appears more than
// once (the same Deployment in a base and an overlay) keeps every copy:
// each copy's id gets the file it comes from, and its line when one file
// holds it twice, so findings name the copy they are about.
func Merge(docs []*document.Document) *document.Document {
	if len(docs) == 0 {
		return nil
	}
	out := &document.Document{Kind: document.Kubernetes, Format: Format, Source: docs[0].Source}
	for _, d := range docs {
		out.Files = append(out.Files, d.Source)
		out.Resources = append(out.Resources, d.Resources...)
	}
	count := map[string]int{}
	for _, r := range out.Resources {
		count[r.ID]++
		count[r.ID+"@"+r.Location.File]++
	}
	for i := range out.Resources {
		r := &out.Resources[i]
		if count[r.ID] == 1 {
			continue
		}
		inFile := r.ID + "@" + r.Location.File
		if count[inFile] == 1 {
			r.ID = inFile
		} else {
			r.ID = fmt.Sprintf("%s:%d", inFile, r.Location.Line)
		}
	}
	return out
}
