# METADATA
# description: |
#   Helpers for rules over Terraform documents, from plans and from HCL alike:
#   resource lookup through the loader's by-type index, relations through
#   references, known and unknown values, and the finding constructor.
package soc2scan.lib.terraform

# resources returns the managed resources of a type, through the by-type
# index: a rule never walks every resource of the document.
resources(type) := object.get(input.of_type, type, [])

# data_sources returns the data sources of a type (data.TYPE.NAME).
data_sources(type) := object.get(input.of_type, concat(".", ["data", type]), [])

# related returns the resources of a type whose attribute attr refers to r,
# e.g. related(bucket, "aws_s3_bucket_public_access_block", "bucket").
related(r, type, attr) := [x |
	some e in input.referenced_by[r.id]
	e.attr == attr
	x := input.resources[e.index]
	x.type == type
]

# has_related holds when at least one resource of a type refers to r
# through attr.
has_related(r, type, attr) if {
	some e in input.referenced_by[r.id]
	e.attr == attr
	input.resources[e.index].type == type
}

# refers_to returns the resources that attribute attr of r refers to.
refers_to(r, attr) := [x |
	some id in object.get(r.refs, attr, [])
	x := input.resources[input.by_id[id]]
]

# value returns the value at path (a dotted string or an array of keys and
# indices), or null when it is absent.
value(r, path) := object.get(r.values, _path(path), null)

# known_true holds when the value at path is the boolean true.
known_true(r, path) if value(r, path) == true

# is_unknown holds when the value at path, or any value that contains it, is
# only known after apply.
is_unknown(r, path) if {
	p := _path(path)

	# Most attributes have no unknown mark at all: the lookup of the first
	# key fails at once, before any prefix is built.
	u := r.unknown[p[0]]
	_unknown_below(r, u, p)
}

_unknown_below(_, u, _) if u == true

_unknown_below(r, u, p) if {
	u != true
	some n in numbers.range(2, count(p))
	object.get(r.unknown, array.slice(p, 0, n), false) == true
}

# is_known holds when the value at path is not unknown (it may be absent).
is_known(r, path) if not is_unknown(r, path)

# blocks returns the nested blocks at path: Terraform writes a block as a
# list of objects; an absent block is an empty list.
blocks(r, path) := b if {
	b := value(r, path)
	is_array(b)
} else := []

# finding is what a rule's deny set contains: the resource it is about and a
# message naming the attribute and the fact. The engine adds the rule's
# metadata from its annotations. The built-in rules write the object
# literally, {"resource": r.id, "message": msg}: a Rego function call costs
# more than the rest of a finding.
finding(r, msg) := {"resource": r.id, "message": msg}

# undetermined is what a rule's unknown set contains: the resource whose
# verdict waits for a value known only after apply.
undetermined(r, path) := undetermined_because(r, sprintf("%s is known only after apply", [_dotted(path)]))

# contains_unknown holds when the value at path, a value that contains it,
# or any value inside it is only known after apply: a list with one unknown
# element, a block with one unknown attribute.
contains_unknown(r, path) if _contains_unknown(r, _path(path))

# Nothing at or in a non-empty path can be unknown without a mark on its
# first key: most attributes fail that lookup at once.
_contains_unknown(r, p) if {
	r.unknown[p[0]]
	_unknown_at_or_in(r, p)
} else if {
	p == []
	walk(r.unknown, [_, v])
	v == true
}

_unknown_at_or_in(r, p) if is_unknown(r, p)

_unknown_at_or_in(r, p) if {
	walk(object.get(r.unknown, p, false), [_, v])
	v == true
}

# undetermined_because is what a rule's unknown set contains when the verdict
# waits on something other than one attribute of r: a related resource's
# value known only after apply, or a policy document that cannot be read.
undetermined_because(r, reason) := {"resource": r.id, "message": reason}

_path(path) := path if {
	is_array(path)
} else := split(path, ".") if {
	is_string(path)
}

_dotted(path) := path if {
	is_string(path)
} else := concat(".", [sprintf("%v", [p]) | some p in path]) if {
	is_array(path)
}
