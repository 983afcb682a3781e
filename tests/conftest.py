"""Shared fixtures: the site is built once per test run, strictly, at default
verbosity, with a site_url on a sub-path (/guide/) of a local server that serves
it for the link crawl and the browser tests. Tests of what depends on where the
site is hosted (404 pages, the switcher, hreflang, the offline save) also run on a
second build served at the root (`root_site`, through `deployed_site`)."""

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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tools.serve import DEFAULT_LANG, LANGS, SUBPATH, lang_prefix, serve  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def load_hook(filename: str, name: str):
    """A hook of overrides/hooks/ loaded as a module of its own (MkDocs loads hooks as
    plain modules, so the tests do the same)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(name, ROOT / "overrides" / "hooks" / filename)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def copy_mini(root: Path) -> Path:
    """The mini site (tests/fixtures/mini) at `root`, with the project's data files and a
    mkdocs.yml that is the project's own but for its nav and absolute hook and theme paths."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", root)
    shutil.copytree(ROOT / "docs" / "_data", root / "docs" / "_data")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.split("\nnav:")[0] + "\nnav:\n  - index.md\n  - other.md\n"
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = config.replace("  - overrides/hooks/", f"  - {ROOT}/overrides/hooks/")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root

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
    url: str  # site_url: ending with SUBPATH, or the root "/" (root_site)
    log: str

    def page(self, lang: str, page: str = "") -> Path:
        return page_file(self.dir, lang, page)

    def page_url(self, lang: str, page: str = "") -> str:
        return f"{self.url}{lang_prefix(lang)}{page}"


class BuildFailed(Exception):
    """A strict build that failed or logged a warning (the message holds the log)."""


def build_site(out: Path, url: str, offline_zip: bool = False) -> str:
    """Strictly build the site into `out` with `site_url` = `url`; returns the log.
    `offline_zip`: the home page links to the offline zip, as after `make build`."""
    env = {"SITE_URL": url, "SIM_OFFLINE_ZIP": "1" if offline_zip else ""}
    proc = mkdocs("build", "--strict", "--site-dir", str(out), env=env)
    log = proc.stdout + proc.stderr
    if proc.returncode:
        raise BuildFailed(f"strict build of {url} failed:\n{log[-4000:]}")
    warnings = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    if warnings:
        raise BuildFailed(f"the build of {url} logged warnings:\n" + "\n".join(warnings))
    return log


def free_socket() -> socket.socket:
    """A socket bound to a free port of 127.0.0.1: the port is known before the
    build, since site_url contains it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


# What each build needs built first.
NEEDS = {"offline_zip": ("offline_zip",), "site": ("offline_zip", "site"), "root_site": ("root_site",)}


def make_builds(base: Path, stack: contextlib.ExitStack, names=tuple(NEEDS), have: dict | None = None) -> dict:
    """Make the builds `names` (and what they need) in `base`, at the same time, and
    serve the sites until `stack` closes:
    - offline_zip: the offline copy (an OFFLINE=true build, zipped);
    - site: the site under SUBPATH, with the offline zip beside it as `make build` puts it;
    - root_site: the site at the root "/" of its own port, as the default site_url and
      the GitHub Pages workflow deploy it (no zip).
    Returned as plain data (JSON), so the xdist controller can hand it to its workers;
    a failed build is returned as `error`, which every test that needs a build reports."""
    from tools.offline import build_offline

    have = dict(have or {})
    wanted = [n for n in NEEDS if n not in have and any(n in NEEDS[w] for w in names)]

    def site_build(folder: str, prefix: str, with_zip: bool):
        sock = free_socket()
        url = f"http://127.0.0.1:{sock.getsockname()[1]}{prefix}"
        return sock, url, build_site(base / folder, url, offline_zip=with_zip)

    jobs = {
        "offline_zip": lambda: str(build_offline(base / "offline-zip" / "site-offline.zip")),
        "site": lambda: site_build("site", SUBPATH, True),
        "root_site": lambda: site_build("root-site", "/", False),
    }
    try:
        with ThreadPoolExecutor(len(wanted) or 1) as pool:
            futures = {name: pool.submit(jobs[name]) for name in wanted}
            results = {name: future.result() for name, future in futures.items()}
    except (BuildFailed, SystemExit) as exc:
        return {**have, "error": str(exc)}
    if "offline_zip" in results:
        have["offline_zip"] = results["offline_zip"]
    for name, folder, prefix in (("site", "site", SUBPATH), ("root_site", "root-site", "/")):
        if name not in results:
            continue
        sock, url, log = results[name]
        if name == "site":
            shutil.copy(have["offline_zip"], base / folder / "site-offline.zip")
        served = stack.enter_context(serve(base / folder, sock, base=prefix))
        assert served == url
        have[name] = {"dir": str(base / folder), "url": url, "log": log}
    return have


# -- one build per run, shared by the xdist workers ----------------------------------------
#
# Under `pytest -n N` (make test), the controller makes every build once, serves the
# sites, and hands their folders and URLs to every worker (workerinput); a worker's
# fixtures read them instead of building. A serial run (-n 0, make test-serial, or a
# plain `pytest tests/…`) makes each build on first use, in the session fixtures below.

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


class Builds:
    """The builds of this run: handed over by the xdist controller, or made here on
    first use (a serial run)."""

    def __init__(self, shared: str | None, base: Path, stack: contextlib.ExitStack):
        self.data = json.loads(shared) if shared else {}
        self.base, self.stack = base, stack

    def __getitem__(self, name: str):
        if name not in self.data and "error" not in self.data:
            self.data = make_builds(self.base, self.stack, (name,), self.data)
        if "error" in self.data:
            pytest.fail(self.data["error"], pytrace=False)
        return self.data[name]


@pytest.fixture(scope="session")
def _builds(request, tmp_path_factory) -> Builds:
    shared = getattr(request.config, "workerinput", {}).get("sim_builds")
    with contextlib.ExitStack() as stack:
        yield Builds(shared, tmp_path_factory.mktemp("builds"), stack)


@pytest.fixture(scope="session")
def offline_zip(_builds) -> Path:
    """The offline copy of this test run (a second, offline-mode build)."""
    return Path(_builds["offline_zip"])


def _site(data: dict) -> Site:
    return Site(Path(data["dir"]), data["url"], data["log"])


@pytest.fixture(scope="session")
def site(_builds) -> Site:
    """The one build of this test run, served on 127.0.0.1 under /guide/, with the
    offline zip beside it as `make build` puts it (the home page links to it)."""
    return _site(_builds["site"])


@pytest.fixture(scope="session")
def root_site(_builds) -> Site:
    """The same site built for, and served at, the root of its own port ("/"): how
    the default site_url and the GitHub Pages workflow deploy it (no offline zip)."""
    return _site(_builds["root_site"])


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
