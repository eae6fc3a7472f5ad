//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package evidence

import "os"

// lockLedger takes the lock file beside the ledger, where flock is not
// available.
func lockLedger(f *os.File) (unlock func(), err error) {
	return lockFile(f.Name()+".lock", lockTimeout)
}
