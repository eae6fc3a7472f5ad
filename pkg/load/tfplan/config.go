package tfplan

import (
	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// The plan's "configuration", as far as the loader reads it: each module's
// resources with the references of their expressions, its module calls
// (arguments and the called module) and its outputs. terraform-json's
// types decode every constant value and each expression twice (first as a
// list of nested blocks, then as an expression); on a plan of 10,000
// resources that was a fifth of the loading time.

// configJSON is the configuration of a plan.
type configJSON struct {
	RootModule *moduleJSON `json:"root_module"`
}

// moduleJSON is a module of the configuration.
type moduleJSON struct {
	Resources   []*resourceJSON        `json:"resources"`
	ModuleCalls map[string]*callJSON   `json:"module_calls"`
	Outputs     map[string]*outputJSON `json:"outputs"`
}

// resourceJSON is a resource block: its address inside its module
// ("aws_s3_bucket.b", "data.aws_iam_policy_document.d") and its
// expressions by attribute.
type resourceJSON struct {
	Address     string                 `json:"address"`
	Expressions map[string]*expression `json:"expressions"`
}

// callJSON is a module call: its arguments and the module it calls.
type callJSON struct {
	Expressions map[string]*expression `json:"expressions"`
	Module      *moduleJSON            `json:"module"`
}

// outputJSON is an output of a module.
type outputJSON struct {
	Expression *expression `json:"expression"`
}

// expression is an attribute's expression: the references it makes, or,
// for a nested block, the blocks' expressions.
type expression struct {
	References   []string
	NestedBlocks []map[string]*expression
}

// UnmarshalJSONFrom reads {"references": [...], "constant_value": ...} or
// a list of nested blocks from the decoder; the constant value is skipped.
func (e *expression) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	if dec.PeekKind() == '[' {
		return jsonv2.UnmarshalDecode(dec, &e.NestedBlocks)
	}
	var x struct {
		References []string `json:"references"`
	}
	if err := jsonv2.UnmarshalDecode(dec, &x); err != nil {
		return err
	}
	e.References = x.References
	return nil
}

// UnmarshalJSON is UnmarshalJSONFrom for encoding/json.
func (e *expression) UnmarshalJSON(b []byte) error {
	return jsonv2.Unmarshal(b, e, decodeOptions)
}
