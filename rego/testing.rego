# METADATA
# description: |
#   Builds rule-test inputs in the shape the engine gives rules, so a test
#   lists resources and nothing else. Resources may omit mode, values,
#   unknown and refs; doc fills them and builds the by_type, by_id and
#   referenced_by indexes exactly as the engine does.
package soc2scan.lib.testing

# doc returns a Terraform document of the given resources.
doc(rs) := _document("terraform", [_resource(r) | some r in rs])

_document(kind, rs) := {
	"kind": kind,
	"source": "test.json",
	"resources": rs,
	"by_type": {key: [i | some i, x in rs; _type_key(x) == key] | some r in rs; key := _type_key(r)},
	"by_id": {r.id: i | some i, r in rs},
	"referenced_by": {id: [{"index": i, "attr": attr} |
		some i, x in rs
		some attr, ids in x.refs
		id in ids
	] |
		some r in rs
		some ids in r.refs
		some id in ids
	},
}

_resource(r) := object.union(
	{
		"mode": "managed",
		"provider": split(r.type, "_")[0],
		"values": {},
		"unknown": {},
		"refs": {},
		"location": {"file": "test.json", "line": 0, "column": 0},
	},
	r,
)

_type_key(r) := concat(".", ["data", r.type]) if r.mode == "data"

_type_key(r) := r.type if r.mode != "data"
