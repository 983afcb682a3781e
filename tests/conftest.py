"""Shared fixtures: the site is built once per test run, strictly, at default
verbosity, with a site_url on a sub-path (/guide/) of a local server that serves
it for the link crawl and the browser tests. Tests of what depends on where the
site is hosted (404 pages, the switcher, hreflang, the offline save) also run on a
second build served at the root (`root_site`, through `deployed_site`)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tools.serve import DEFAULT_LANG, LANGS, SUBPATH, lang_prefix, serve  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

# The URL contract: the same pages in every language (slugs are a public interface).
PAGES = (
    "",
    "cards/physical-sim/",
    "cards/esim/",
    "cards/travel-sim/",
    "cards/number-keeping/",
    "leaving/",
    "carriers/mts/",
    "carriers/beeline/",
    "carriers/megafon/",
    "carriers/t2/",
    "compare/",
    "checklist/",
    "at-the-counter/",
    "rules-for-foreigners/",
    "about/",
)



def page_file(site_dir: Path, lang: str, page: str) -> Path:
    return site_dir / lang_prefix(lang) / page / "index.html"


def mkdocs(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run mkdocs from the project's venv at default verbosity (never -q or -v)."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    exe = Path(sys.executable).parent / "mkdocs"
    return subprocess.run(
        [str(exe), *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=600
    )


@dataclass
class Site:
    dir: Path
    url: str  # site_url: ending with SUBPATH, or the root "/" (root_site)
    log: str

    def page(self, lang: str, page: str = "") -> Path:
        return page_file(self.dir, lang, page)

    def page_url(self, lang: str, page: str = "") -> str:
        return f"{self.url}{lang_prefix(lang)}{page}"


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    """The offline copy of this test run (a second, offline-mode build)."""
    from tools.offline import build_offline

    return build_offline(tmp_path_factory.mktemp("offline-zip") / "site-offline.zip")


def free_socket() -> socket.socket:
    """A socket bound to a free port of 127.0.0.1 (the port is known before the
    build: site_url uses it)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


def build_site(out_dir: Path, url: str, env: dict | None = None) -> str:
    """Build the site strictly into `out_dir` with `url` as site_url; the build log.
    Fails the run if the build fails or logs a warning."""
    proc = mkdocs("build", "--strict", "--site-dir", str(out_dir), env={"SITE_URL": url, **(env or {})})
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"strict build failed:\n{log[-4000:]}"
    warnings = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert not warnings, "the build logged warnings:\n" + "\n".join(warnings)
    return log


@pytest.fixture(scope="session")
def site(tmp_path_factory, offline_zip) -> Site:
    """The one build of this test run, served on 127.0.0.1 under /guide/, with the
    offline zip beside it as `make build` puts it (the home page links to it)."""
    out = tmp_path_factory.mktemp("site")
    sock = free_socket()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}{SUBPATH}"
    log = build_site(out, url, env={"SIM_OFFLINE_ZIP": "1"})
    shutil.copy(offline_zip, out / "site-offline.zip")
    with serve(out, sock) as served:
        assert served == url
        yield Site(out, url, log)


@pytest.fixture(scope="session")
def root_site(tmp_path_factory) -> Site:
    """A second build, served at the root of its own port ("/"), the way the default
    site_url and the GitHub Pages workflow deploy it (no offline zip beside it)."""
    out = tmp_path_factory.mktemp("root-site")
    sock = free_socket()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    log = build_site(out, url)
    with serve(out, sock, base="/") as served:
        assert served == url
        yield Site(out, url, log)


@pytest.fixture(scope="session", params=["subpath", "root"])
def deployed_site(request) -> Site:
    """For tests of what depends on where the site is hosted: the sub-path build,
    then the root build."""
    return request.getfixturevalue("site" if request.param == "subpath" else "root_site")


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory, offline_zip) -> Path:
    """The offline zip of this test run, unpacked: its top folder."""
    from tools.offline import FOLDER

    tmp = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(tmp)
    return tmp / FOLDER
