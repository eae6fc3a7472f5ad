//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package evidence

import (
	"os"
	"syscall"
)

// lockLedger takes an exclusive flock on the open ledger, waiting for
// another writer to finish; closing f releases it, also when the process
// dies.
func lockLedger(f *os.File) (unlock func(), err error) {
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &os.PathError{Op: "flock", Path: f.Name(), Err: err}
	}
	return func() { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }, nil
}
