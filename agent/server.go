package agent

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"time"

	"github.com/limberapp/limber/platform"
)

// listen opens the control channel (a unix socket, on Windows a named
// pipe) at path. The caller holds the instance lock.
func listen(path string) (net.Listener, error) { return platform.ListenControl(path) }

// serve answers requests until the listener closes. Each connection is
// handled by handle, which runs the request on the agent's loop; after
// runs once the answer is sent (quit stops the agent there).
func serve(l net.Listener, handle func(Request) Response, after func(Request)) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			c.SetDeadline(time.Now().Add(10 * time.Second))
			req, err := decodeRequest(requestReader{c})
			if err != nil {
				json.NewEncoder(c).Encode(Response{Error: "bad request: " + err.Error()})
				return
			}
			json.NewEncoder(c).Encode(handle(req))
			c.Close()
			if after != nil {
				after(req)
			}
		}()
	}
}

// requestReader reads one request from a connection: up to the end of
// the first line, or until the client closes its side. Clients send one
// JSON object and a newline (json.Encoder) and wait for the answer.
type requestReader struct{ c net.Conn }

func (r requestReader) Read(p []byte) (int, error) {
	n, err := r.c.Read(p)
	if i := bytes.IndexByte(p[:n], '\n'); i >= 0 {
		return i + 1, io.EOF
	}
	return n, err
}
