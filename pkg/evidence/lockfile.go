package evidence

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// lockTimeout is how long lockFile waits for another writer.
const lockTimeout = 30 * time.Second

// lockFile takes a lock by creating name exclusively, retrying until
// timeout; unlock removes it. A writer that died leaves the file behind,
// and the error says so.
func lockFile(name string, timeout time.Duration) (unlock func(), err error) {
	deadline := time.Now().Add(timeout)
	wait := time.Millisecond
	for {
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			fmt.Fprintf(f, "%d\n", os.Getpid())
			f.Close()
			return func() { os.Remove(name) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s: held for more than %s: another soc2scan is appending, or one died (remove the file if none runs)", name, timeout)
		}
		time.Sleep(wait)
		wait = min(2*wait, 50*time.Millisecond)
	}
}
