"""Serving a built site the way a static host does, under a sub-path (/guide/), on
127.0.0.1: used by the tests and by `make bench`."""

from __future__ import annotations

import contextlib
import functools
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LANGS = ("zh", "ru", "en")
DEFAULT_LANG = "zh"
SUBPATH = "/guide/"


def lang_prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANG else f"{lang}/"


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site folder under SUBPATH only; anything else is a 404."""

    def translate_path(self, path):
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path("/" + clean[len(SUBPATH):])

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, sock: socket.socket | None = None):
    """Serve `directory` under SUBPATH on 127.0.0.1; yields the base URL."""
    if sock is None:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
    handler = functools.partial(_Handler, directory=str(directory))
    server = ThreadingHTTPServer(sock.getsockname(), handler, bind_and_activate=False)
    server.socket.close()
    server.socket = sock
    sock.listen(64)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}{SUBPATH}"
    finally:
        server.shutdown()
        server.server_close()
