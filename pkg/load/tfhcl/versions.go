package tfhcl

import (
	"fmt"
	"strings"

	version "github.com/hashicorp/go-version"
)

// bound is one end of an interval of versions; a nil v is unbounded.
type bound struct {
	v         *version.Version
	inclusive bool
}

// interval is the set of versions a constraint admits, as Terraform reads
// it: "1.2.3" or "= 1.2.3", ">=", ">", "<", "<=", "~>" and "!=", joined
// by commas. A != only removes single versions, which never widens the set,
// so it is left out.
type interval struct{ lo, hi bound }

// parseConstraint returns the interval a version constraint admits; ok is
// false when the constraint is not valid.
func parseConstraint(s string) (interval, bool) {
	if _, err := version.NewConstraint(s); err != nil {
		return interval{}, false
	}
	var iv interval
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		op := ""
		for _, o := range []string{">=", "<=", "~>", "!=", ">", "<", "="} {
			if strings.HasPrefix(part, o) {
				op = o
				break
			}
		}
		v, err := version.NewVersion(strings.TrimSpace(strings.TrimPrefix(part, op)))
		if err != nil {
			return interval{}, false
		}
		switch op {
		case "", "=":
			iv.raiseLo(bound{v, true})
			iv.lowerHi(bound{v, true})
		case ">=":
			iv.raiseLo(bound{v, true})
		case ">":
			iv.raiseLo(bound{v, false})
		case "<":
			iv.lowerHi(bound{v, false})
		case "<=":
			iv.lowerHi(bound{v, true})
		case "~>":
			iv.raiseLo(bound{v, true})
			iv.lowerHi(bound{pessimisticLimit(part, v), false})
		}
	}
	return iv, true
}

// pessimisticLimit is the exclusive upper limit of "~> v": the segment
// before the last one written is incremented ("~> 3.1" < 4.0.0,
// "~> 3.1.2" < 3.2.0, "~> 3" < 4.0.0).
func pessimisticLimit(part string, v *version.Version) *version.Version {
	written := strings.Count(strings.TrimSpace(strings.TrimPrefix(part, "~>")), ".") + 1
	seg := v.Segments()
	i := max(written-2, 0)
	next := [3]int{}
	copy(next[:i], seg[:i])
	next[i] = seg[i] + 1
	return version.Must(version.NewVersion(fmt.Sprintf("%d.%d.%d", next[0], next[1], next[2])))
}

func (iv *interval) raiseLo(b bound) {
	if iv.lo.v == nil || b.v.GreaterThan(iv.lo.v) || b.v.Equal(iv.lo.v) && !b.inclusive {
		iv.lo = b
	}
}

func (iv *interval) lowerHi(b bound) {
	if iv.hi.v == nil || b.v.LessThan(iv.hi.v) || b.v.Equal(iv.hi.v) && !b.inclusive {
		iv.hi = b
	}
}

// empty reports whether no version satisfies the interval.
func (iv interval) empty() bool {
	if iv.lo.v == nil || iv.hi.v == nil {
		return false
	}
	if iv.lo.v.Equal(iv.hi.v) {
		return !(iv.lo.inclusive && iv.hi.inclusive)
	}
	return iv.lo.v.GreaterThan(iv.hi.v)
}

// within reports whether every version of iv lies in [min, below): the
// versions a model covers.
func (iv interval) within(min, below *version.Version) bool {
	if iv.empty() || iv.lo.v == nil || iv.hi.v == nil {
		return false
	}
	if iv.lo.v.LessThan(min) {
		return false
	}
	if iv.hi.inclusive {
		return iv.hi.v.LessThan(below)
	}
	return !iv.hi.v.GreaterThan(below)
}
