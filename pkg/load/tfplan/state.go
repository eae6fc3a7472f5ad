package tfplan

import (
	tfjson "github.com/hashicorp/terraform-json"
)

// The plan's planned_values (a state's values), as far as the loader reads
// them: each module's resources with their attributes. terraform-json's
// types carry sensitive values, outputs and schema versions the loader
// never reads, and a struct tag encoding/json/v2 refuses.

// stateValues is planned_values, or a state's values.
type stateValues struct {
	RootModule *stateModule `json:"root_module"`
}

// stateModule is a module instance with its resources.
type stateModule struct {
	Address      string           `json:"address"`
	Resources    []*stateResource `json:"resources"`
	ChildModules []*stateModule   `json:"child_modules"`
}

// stateResource is a resource instance (depends_on appears in states).
type stateResource struct {
	Address         string              `json:"address"`
	Mode            tfjson.ResourceMode `json:"mode"`
	Type            string              `json:"type"`
	Name            string              `json:"name"`
	ProviderName    string              `json:"provider_name"`
	AttributeValues map[string]any      `json:"values"`
	DependsOn       []string            `json:"depends_on"`
}
