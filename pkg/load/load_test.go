package load_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/load"
	"github.com/soc2scan/soc2scan/pkg/load/config"
)

// describe lists documents as kind/source: resource ids with types.
func describe(docs []*document.Document) []string {
	var out []string
	for _, d := range docs {
		var rs []string
		for _, r := range d.Resources {
			rs = append(rs, fmt.Sprintf("%s(%s)@%d", r.ID, r.Type, r.Location.Line))
		}
		out = append(out, fmt.Sprintf("%s %s [%s] files=%v", d.Kind, d.Source, strings.Join(rs, " "), d.Files))
	}
	return out
}

func TestLoadMixedDirectory(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "mixed")
	docs, diags := load.Load(context.Background(), []load.Input{{Path: dir}}, load.Options{})
	m := "../../testdata/mixed/"
	want := []string{
		"config " + m + "app/settings.yaml [" + m + "app/settings.yaml(config)@2] files=[]",
		"config " + m + "iam/admin.json [" + m + "iam/admin.json(iam_policy)@1] files=[]",
		"terraform " + m + "infra/plan.json [aws_s3_bucket.logs(aws_s3_bucket)@7] files=[]",
		"kubernetes " + m + "k8s/web.yaml [Deployment/shop/web(Deployment)@1 Service/shop/web(Service)@23 " +
			"Deployment/shop/worker(Deployment)@1] files=[" + m + "k8s/web.yaml " + m + "k8s/worker.json]",
		"terraform " + m + "infra [aws_s3_bucket.logs(aws_s3_bucket)@1] files=[]",
	}
	if diff := cmp.Diff(want, describe(docs)); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	// The chart's template is skipped, the hidden directory not walked,
	// README and PNG ignored; the broken YAML is an error with its line.
	var got []string
	for _, d := range diags {
		got = append(got, d.Error())
	}
	wantDiags := []string{m + "broken/values.yaml:4: invalid JSON or YAML: did not find expected key"}
	if diff := cmp.Diff(wantDiags, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

func TestLoadNamedFiles(t *testing.T) {
	tests := []struct {
		name  string
		input load.Input
		want  []string
		diags []string
	}{
		{
			name:  "a named template is an error",
			input: load.Input{Path: "../../testdata/mixed/chart/templates/deployment.yaml"},
			diags: []string{"../../testdata/mixed/chart/templates/deployment.yaml:6: invalid JSON or YAML: did not find expected node content"},
		},
		{
			name:  "a named README is unsupported",
			input: load.Input{Path: "../../testdata/mixed/README.md"},
			diags: []string{"../../testdata/mixed/README.md:1: unsupported input: not Terraform plan or state JSON, Kubernetes manifests, or JSON/YAML"},
		},
		{
			name:  "invalid JSON names line and column",
			input: load.Input{Name: "policy.json", Data: []byte("{\n  \"Statement\": [\n    {\"Effect\": \"Allow\",}\n  ]\n}\n")},
			diags: []string{"policy.json:3:24: invalid JSON: invalid character '}' looking for beginning of object key string"},
		},
		{
			name:  "an empty JSON file is invalid",
			input: load.Input{Name: "empty.json", Data: []byte{}},
			diags: []string{"empty.json:1:1: invalid JSON: unexpected end of JSON input"},
		},
		{
			name:  "an empty YAML file has nothing to scan",
			input: load.Input{Name: "empty.yaml", Data: []byte("# nothing yet\n")},
		},
		{
			name:  "JSON without a known extension",
			input: load.Input{Name: "policy", Data: []byte(`{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}`)},
			want:  []string{"config policy [policy(iam_policy)@1] files=[]"},
		},
		{
			name:  "a plan with sorted keys is still a plan",
			input: load.Input{Name: "sorted.json", Data: []byte(`{"configuration": {}, "format_version": "1.2", "planned_values": {"root_module": {}}, "terraform_version": "1.9.0"}`)},
			want:  []string{"terraform sorted.json [] files=[]"},
		},
		{
			name: "manifests and other documents of one file split by kind",
			input: load.Input{Name: "mixed.yaml", Data: []byte("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n" +
				"apiVersion: v1\nkind: Config\nclusters: []\n")},
			want: []string{
				"kubernetes mixed.yaml [ConfigMap/default/a(ConfigMap)@1] files=[mixed.yaml]",
				"config mixed.yaml [mixed.yaml#2(kubeconfig)@5] files=[]",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, diags := load.Load(context.Background(), []load.Input{tc.input}, load.Options{})
			if diff := cmp.Diff(tc.want, describe(docs)); diff != "" {
				t.Errorf("documents (-want +got):\n%s", diff)
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.Error())
			}
			if diff := cmp.Diff(tc.diags, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLoadTerraformSource: a directory's root modules are evaluated whole;
// a named .tf file is evaluated with its module, for context, and the
// document focuses on it; the variables given reach the module.
func TestLoadTerraformSource(t *testing.T) {
	parity := filepath.Join("..", "..", "testdata", "parity")
	docs, diags := load.Load(context.Background(), []load.Input{{Path: filepath.Join(parity, "modules")}}, load.Options{})
	if len(docs) != 2 || diags.HasErrors() {
		t.Fatalf("%d documents (want the plan and the root module), %v", len(docs), diags)
	}
	hcl := docs[1]
	if hcl.Source != "../../testdata/parity/modules" || hcl.Format != "hcl" || len(hcl.Focus) != 0 {
		t.Errorf("second document %s (%s), focus %v; want the root module, whole", hcl.Source, hcl.Format, hcl.Focus)
	}
	for _, r := range hcl.Resources {
		if strings.HasPrefix(r.ID, "module.") && len(r.Via) == 0 {
			t.Errorf("%s comes from a module but has no call chain", r.ID)
		}
	}

	named := filepath.Join(parity, "modules", "modules", "bucket", "main.tf")
	docs, _ = load.Load(context.Background(), []load.Input{{Path: named}}, load.Options{})
	if len(docs) != 1 || docs[0].Source != "../../testdata/parity/modules/modules/bucket" {
		t.Fatalf("documents %v, want the module of the named file", describe(docs))
	}
	if diff := cmp.Diff([]string{"../../testdata/parity/modules/modules/bucket/main.tf"}, docs[0].Focus); diff != "" {
		t.Errorf("focus (-want +got):\n%s", diff)
	}

	env := func(opts load.Options) map[string]any {
		docs, diags := load.Load(context.Background(), []load.Input{{Path: filepath.Join(parity, "variables", "main.tf")}}, opts)
		if len(docs) != 1 || diags.HasErrors() {
			t.Fatalf("%d documents, %v", len(docs), diags)
		}
		for _, r := range docs[0].Resources {
			if r.ID == "aws_db_instance.main" {
				return r.Values
			}
		}
		t.Fatal("no aws_db_instance.main")
		return nil
	}
	if got := env(load.Options{})["identifier"]; got != "main-prod" {
		t.Errorf("identifier %v, want main-prod (from terraform.tfvars)", got)
	}
	opts := load.Options{}
	opts.Terraform.Env = []string{"TF_VAR_environment=qa"}
	if got := env(opts)["identifier"]; got != "main-prod" {
		t.Errorf("identifier %v with TF_VAR_environment=qa, want main-prod: terraform.tfvars wins over the environment", got)
	}
	opts.Terraform.Vars = map[string]string{"environment": "qa"}
	if got := env(opts)["identifier"]; got != "main-qa" {
		t.Errorf("identifier %v with --var environment=qa, want main-qa", got)
	}
}

func TestLoadConfigTypes(t *testing.T) {
	m, err := config.ParseMapping("app/*.yaml=app_config")
	if err != nil {
		t.Fatal(err)
	}
	k, err := config.ParseMapping("k8s/web.yaml=raw_manifest")
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := load.Load(context.Background(), []load.Input{{Path: filepath.Join("..", "..", "testdata", "mixed")}},
		load.Options{ConfigTypes: []config.Mapping{m, k}})
	types := map[string]string{}
	for _, d := range docs {
		for _, r := range d.Resources {
			types[r.ID] = r.Type
		}
	}
	for id, want := range map[string]string{
		"../../testdata/mixed/app/settings.yaml": "app_config",
		"../../testdata/mixed/k8s/web.yaml#1":    "raw_manifest", // a mapping wins over the content
		"../../testdata/mixed/iam/admin.json":    "iam_policy",
		"Deployment/shop/worker":                 "Deployment",
	} {
		if types[id] != want {
			t.Errorf("type of %s = %q, want %q (all: %v)", id, types[id], want, types)
		}
	}
}

func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"apiVersion: v1\nkind: List\nitems: [{apiVersion: v1, kind: Pod, metadata: {name: p}}]\n",
		`{"Statement": [{"Effect": "Allow", "Action": "*"}]}`, "a: &a [*a]\n", "---\n---\n",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, data string, yaml bool) {
		name := "fuzz.json"
		if yaml {
			name = "fuzz.yaml"
		}
		docs, diags := load.Load(context.Background(), []load.Input{{Name: name, Data: []byte(data)}}, load.Options{})
		for _, d := range diags {
			if d.Location.File != name {
				t.Errorf("diagnostic without the file: %v", d)
			}
		}
		for _, d := range docs {
			for _, r := range d.Resources {
				if r.ID == "" || r.Type == "" {
					t.Errorf("resource without id or type: %+v", r)
				}
			}
		}
	})
}
