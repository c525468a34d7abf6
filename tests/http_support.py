"""The HTTP server under the test servers: threads per connection, and a close() that really closes."""
from __future__ import annotations

import socket
import sys
import threading
import time
from http.server import ThreadingHTTPServer
from typing import Any, Self


class ClosableHTTPServer(ThreadingHTTPServer):
    """ThreadingHTTPServer whose close() also ends keep-alive connections and joins threads.

    `closing` is set when the server closes: handlers that wait (delays, drips) wait on it.
    """

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type, app: Any, name: str) -> None:
        self.app, self.name, self.closing = app, name, threading.Event()
        self._lock = threading.Lock()
        self._conns: set[socket.socket] = set()
        self._workers: list[threading.Thread] = []
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        t = threading.Thread(target=self.process_request_thread, args=(request, client_address),
                             name=f"{self.name}-conn", daemon=True)
        with self._lock:
            self._workers = [x for x in self._workers if x.is_alive()] + [t]
            self._conns.add(request)
        t.start()

    def shutdown_request(self, request: Any) -> None:
        with self._lock:
            self._conns.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not self.closing.is_set() and not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def close(self) -> None:
        """Call after shutdown(): wake readers on open connections, join handler threads."""
        self.closing.set()
        for how in (socket.SHUT_RD, socket.SHUT_RDWR):  # RD ends idle keep-alive reads
            with self._lock:
                for conn in self._conns:
                    try:
                        conn.shutdown(how)
                    except OSError:
                        pass
                threads = list(self._workers)
            deadline = time.monotonic() + 2
            for t in threads:
                t.join(max(0.0, deadline - time.monotonic()))
            if not any(t.is_alive() for t in threads):
                break
        self.server_close()


class ServedInThread:
    """Start, stop and address of a test server running in a background thread (a context manager).

    Subclasses set `_address` and `_handler`, and may extend `_before_close` to wake their waiters.
    """

    _address: tuple[str, int]
    _handler: type
    _httpd: ClosableHTTPServer | None = None
    _thread: threading.Thread | None = None

    def start(self) -> Self:
        name = type(self).__name__
        self._httpd = ClosableHTTPServer(self._address, self._handler, self, name)
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), name=f"{name}-serve",
                                        daemon=True)
        self._thread.start()
        return self

    def _before_close(self) -> None:
        """Wake whatever waits inside a request (long polls, delays) so shutdown is quick."""
        assert self._httpd is not None
        self._httpd.closing.set()

    def close(self) -> None:
        if self._httpd is None:
            return
        self._before_close()
        self._httpd.shutdown()
        self._httpd.close()
        assert self._thread is not None
        self._thread.join()
        self._httpd = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        assert self._httpd is not None, "server not started"
        return f"http://{self._address[0]}:{self._httpd.server_address[1]}"
