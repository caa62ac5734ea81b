// Added to github.com/nats-io/nats-server/v2/server at build time by
// examples/nats-wasip1/build.sh (go build -overlay); not part of upstream NATS.

//go:build wasip1

package server

import (
	"errors"
	"fmt"
	"net"
	"os"
	"sync"
	"syscall"
)

// WASI preview 1 has no socket(), bind() or listen(): a module cannot open a TCP
// listener, so net.Listen always fails on wasip1. What it can do is accept on a
// socket the host opened for it and handed over as a pre-opened file descriptor
// (wasmtime run -S tcplisten=HOST:PORT; descriptors 0-2 are stdio, so the first is 3).
//
// natsListen therefore takes its listeners from pre-opened sockets, in the order the
// server asks for them: a plain server (no cluster, gateway or leaf node port) asks
// once, for its client listener, and gets the first socket, normally fd 3. Further
// NATS listeners get the next sockets. Pre-opened directories share the descriptor
// numbering (wasmtime numbers sockets first, then --dir), so non-sockets are skipped;
// EBADF means there are no more pre-opens. The address from the configuration only
// appears in messages: the host decides where the socket listens.
const firstPreopenedFD = 3

var preopened struct {
	sync.Mutex
	next  uintptr
	files []*os.File
}

func natsListen(network, address string) (net.Listener, error) {
	preopened.Lock()
	defer preopened.Unlock()
	if preopened.next == 0 {
		preopened.next = firstPreopenedFD
	}
	for fd := preopened.next; ; fd++ {
		f := os.NewFile(fd, fmt.Sprintf("preopened-socket-%d", fd))
		l, err := net.FileListener(f)
		var errno syscall.Errno
		if errors.As(err, &errno) && errno == syscall.ENOTSOCK {
			continue // a pre-opened directory
		}
		if err != nil {
			return nil, fmt.Errorf("wasip1: no pre-opened listening socket (fd %d) for %s %s: "+
				"run the module with a socket pre-opened, e.g. wasmtime run -S tcplisten=%s: %w",
				fd, network, address, address, err)
		}
		preopened.next = fd + 1
		// On wasip1 net.FileListener shares the descriptor instead of duplicating it
		// (WASI has no dup), so the *os.File must stay reachable: its finalizer would
		// otherwise close the socket under the listener.
		preopened.files = append(preopened.files, f)
		return l, nil
	}
}
