"""Serving a built site the way a static host does, under a sub-path (/guide/) or at
the root (`base="/"`), on 127.0.0.1: used by the tests and by `make bench`.

Like Cloudflare Pages, a missing page is answered with the nearest `404.html` up the
folder tree (so /guide/ru/nothing/ gets ru/404.html), with status 404. Optionally:
- `headers=True`: the rules of the site's `_headers` file (Netlify / Cloudflare
  Pages format: a path pattern, then indented `Name: value` lines) are applied;
- `gzip=True`: text responses are gzip-compressed when the browser accepts it;
- `redirects=True`: missing pages are answered as Netlify does, by the rules of the
  site's `_redirects` file (`/from/*  /to/404.html  404`: the first rule whose
  pattern matches serves its target with that status), else the root 404.html.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import gzip as gzip_module
import io
import os
import socket
import sys
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tools.languages import DEFAULT_LANG, LANGS  # noqa: F401  (the list in mkdocs.yml)

SUBPATH = "/guide/"
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                "application/xml")


def lang_prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def read_headers_file(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of a `_headers` file: [(path pattern, [(name, value), …]), …]."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def read_redirects_file(path: Path) -> list[tuple[str, str, int]]:
    """The rules of a `_redirects` file: [(from pattern, to, status), …]."""
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and not parts[0].startswith("#"):
            status = int(parts[2].rstrip("!")) if len(parts) > 2 else 301
            rules.append((parts[0], parts[1], status))
    return rules


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site folder under `base` only; anything else is a 404."""

    rules: list = []
    redirects: list | None = None
    compress = False
    base = SUBPATH

    def translate_path(self, path):
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.base):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path("/" + clean[len(self.base):])

    def end_headers(self):
        # a request line over 64 KiB is refused (414) before the path is parsed
        path = getattr(self, "path", "").split("?", 1)[0]
        for pattern, headers in self.rules:
            if fnmatch.fnmatchcase(path, pattern):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not os.path.exists(path):
            return self._not_found()
        if self.compress and "gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(path):
            kind = self.guess_type(path)
            if kind.startswith(COMPRESSIBLE):
                body = gzip_module.compress(Path(path).read_bytes(), 6)
                self.send_response(HTTPStatus.OK)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Vary", "Accept-Encoding")
                self.end_headers()
                return io.BytesIO(body)
        return super().send_head()

    def _not_found(self):
        """The nearest 404.html up the folder tree, with status 404."""
        clean = self.path.split("?", 1)[0]
        if self.redirects is not None:
            rule = next((r for r in self.redirects if fnmatch.fnmatchcase(clean, r[0])), None)
            target, status = (rule[1], rule[2]) if rule else (self.base + "404.html", 404)
            return self._send_file(self.translate_path(target), HTTPStatus(status))
        if clean.startswith(self.base):
            # the folders of the path that exist, from the site root down
            folders = [Path(self.directory)]
            for part in clean[len(self.base):].strip("/").split("/"):
                if part in ("", ".", "..") or not _is_dir(folders[-1] / part):
                    break
                folders.append(folders[-1] / part)
            for folder in reversed(folders):
                page = folder / "404.html"
                if _is_file(page):
                    body = page.read_bytes()
                    self.send_response(HTTPStatus.NOT_FOUND)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    return io.BytesIO(body)
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def _send_file(self, path: str, status: HTTPStatus):
        if not os.path.isfile(path):
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        body = Path(path).read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def _is_file(path: Path) -> bool:
    """Like Path.is_file, but a name the file system refuses (too long) is no file."""
    try:
        return path.is_file()
    except OSError:
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that closes the connection mid-answer (a page left before its
        last request finished) is normal, not an error worth a traceback."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, sock: socket.socket | None = None, *, headers: bool = False,
          gzip: bool = False, redirects: bool = False, base: str = SUBPATH):
    """Serve `directory` under `base` (SUBPATH, or "/" for the root) on 127.0.0.1;
    yields the site's URL. `redirects`: missing pages follow the site's _redirects."""
    if sock is None:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
    rules = read_headers_file(Path(directory) / "_headers") if headers else []
    moves = read_redirects_file(Path(directory) / "_redirects") if redirects else None
    handler_class = type("Handler", (_Handler,), {"rules": rules, "compress": gzip, "redirects": moves,
                                                  "base": base})
    handler = functools.partial(handler_class, directory=str(directory))
    server = _Server(sock.getsockname(), handler, bind_and_activate=False)
    server.socket.close()
    server.socket = sock
    sock.listen(64)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}{base}"
    finally:
        server.shutdown()
        server.server_close()
