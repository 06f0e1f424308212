package serve

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"syscall"
)

// portTries is how many ports Listen tries after a busy default port:
// enough to step over a few other previews and dev servers.
const portTries = 20

// Listen opens a TCP listener on bind:port. When the port is busy and
// fixed is false (the user did not ask for that port), it tries the next
// ports and returns the first free one; when fixed is true, or no port
// is free, the error says that the port is in use. Port 0 picks any free
// port.
func Listen(bind string, port int, fixed bool) (net.Listener, error) {
	tries := portTries
	if fixed || port == 0 {
		tries = 1
	}
	for i := 0; i < tries && port+i <= 65535; i++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port+i)))
		if err == nil {
			return ln, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("listen on %s: %w", net.JoinHostPort(bind, strconv.Itoa(port+i)), err)
		}
	}
	if fixed || tries == 1 {
		return nil, fmt.Errorf("port %d on %s is in use; stop the other server or pick another with --port", port, bind)
	}
	return nil, fmt.Errorf("ports %d to %d on %s are in use; pick a free one with --port", port, port+tries-1, bind)
}
