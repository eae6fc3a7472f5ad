package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMachineMemory(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	meminfo := write("meminfo", "MemTotal:       24576000 kB\nMemFree:         1000000 kB\n")
	unlimited := write("memory.max", "max\n")
	limited := write("limit", "2147483648\n")
	garbled := write("garbled", "MemTotal: lots kB\n")
	for _, tc := range []struct {
		name    string
		sources []string
		want    int64
	}{
		{"meminfo", []string{meminfo}, 24576000 << 10},
		{"cgroup without limit", []string{meminfo, unlimited}, 24576000 << 10},
		{"cgroup limit is less", []string{meminfo, limited}, 2 << 30},
		{"nothing known", []string{filepath.Join(dir, "absent"), unlimited}, 0},
		{"garbled", []string{garbled}, 0},
	} {
		if got := machineMemory(tc.sources); got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.name, got, tc.want)
		}
	}
}
