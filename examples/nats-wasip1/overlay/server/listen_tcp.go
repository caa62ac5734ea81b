// Added to github.com/nats-io/nats-server/v2/server at build time by
// examples/nats-wasip1/build.sh (go build -overlay); not part of upstream NATS.

//go:build !wasip1

package server

import "net"

// Everywhere but wasip1 the server opens its own TCP listeners, exactly as upstream
// does (natsListenTCP is upstream's natsListen, renamed by patches/0001).
func natsListen(network, address string) (net.Listener, error) {
	return natsListenTCP(network, address)
}
