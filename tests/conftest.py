"""Shared fixtures: the site is built once per test run, strictly, at default
verbosity, with a site_url on a sub-path (/guide/) of a local server that serves
it for the link crawl and the browser tests."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
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
    "porting/",
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
    url: str  # site_url, ending with SUBPATH
    log: str

    def page(self, lang: str, page: str = "") -> Path:
        return page_file(self.dir, lang, page)

    def page_url(self, lang: str, page: str = "") -> str:
        return f"{self.url}{lang_prefix(lang)}{page}"


class BuildFailed(Exception):
    """A strict build that failed or logged a warning (the message holds the log)."""


def build_site(out: Path, url: str, offline_zip: Path | None = None) -> str:
    """Strictly build the site into `out` with `site_url` = `url`, with the offline
    zip beside it as `make build` puts it (the home page links to it); returns the log."""
    env = {"SITE_URL": url, "SIM_OFFLINE_ZIP": "1" if offline_zip else ""}
    proc = mkdocs("build", "--strict", "--site-dir", str(out), env=env)
    log = proc.stdout + proc.stderr
    if proc.returncode:
        raise BuildFailed(f"strict build failed:\n{log[-4000:]}")
    warnings = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    if warnings:
        raise BuildFailed("the build logged warnings:\n" + "\n".join(warnings))
    if offline_zip:
        shutil.copy(offline_zip, out / "site-offline.zip")
    return log


def free_socket() -> socket.socket:
    """A socket bound to a free port of 127.0.0.1: the port is known before the
    build, since site_url contains it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


def make_builds(base: Path, stack: contextlib.ExitStack) -> dict:
    """The builds of one test run, made in `base` and served until `stack` closes:
    the offline zip and the site under SUBPATH. Returned as plain data (JSON), so the
    xdist controller can hand them to its workers."""
    from tools.offline import build_offline

    builds: dict = {}
    try:
        offline_zip = build_offline(base / "offline-zip" / "site-offline.zip")
        builds["offline_zip"] = str(offline_zip)
        sock = free_socket()
        url = f"http://127.0.0.1:{sock.getsockname()[1]}{SUBPATH}"
        log = build_site(base / "site", url, offline_zip)
        served = stack.enter_context(serve(base / "site", sock))
        assert served == url
        builds["site"] = {"dir": str(base / "site"), "url": url, "log": log}
    except (BuildFailed, SystemExit) as exc:
        builds["error"] = str(exc)
    return builds


# -- one build per run, shared by the xdist workers ----------------------------------------
#
# Under `pytest -n N` (make test), the controller builds the site once, serves it,
# and hands the folders and URLs to every worker (workerinput); a worker's fixtures
# read them instead of building. A serial run (-n 0, make test-serial) builds on
# first use, in the session fixtures below.

_CONTROLLER_STACK = contextlib.ExitStack()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    config = node.config
    if not hasattr(config, "_sim_builds"):
        base = Path(tempfile.mkdtemp(prefix="sim-guide-tests-"))
        _CONTROLLER_STACK.callback(shutil.rmtree, base, ignore_errors=True)
        config._sim_builds = json.dumps(make_builds(base, _CONTROLLER_STACK))
    node.workerinput["sim_builds"] = config._sim_builds


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        _CONTROLLER_STACK.close()


@pytest.fixture(scope="session")
def _builds(request, tmp_path_factory) -> dict:
    """The controller's builds (a worker), or this process's own (a serial run)."""
    shared = getattr(request.config, "workerinput", {}).get("sim_builds")
    if shared:
        builds = json.loads(shared)
        yield builds
        return
    with contextlib.ExitStack() as stack:
        yield make_builds(tmp_path_factory.mktemp("builds"), stack)


def built(builds: dict, name: str):
    if "error" in builds:
        pytest.fail(builds["error"], pytrace=False)
    return builds[name]


@pytest.fixture(scope="session")
def offline_zip(_builds) -> Path:
    """The offline copy of this test run (a second, offline-mode build)."""
    return Path(built(_builds, "offline_zip"))


@pytest.fixture(scope="session")
def site(_builds) -> Site:
    """The one build of this test run, served on 127.0.0.1 under /guide/, with the
    offline zip beside it as `make build` puts it (the home page links to it)."""
    data = built(_builds, "site")
    return Site(Path(data["dir"]), data["url"], data["log"])


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory, offline_zip) -> Path:
    """The offline zip of this test run, unpacked: its top folder."""
    from tools.offline import FOLDER

    tmp = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(tmp)
    return tmp / FOLDER
