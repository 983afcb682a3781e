"""The site builds on ProperDocs too, file for file the same as on MkDocs (issue 29).

ProperDocs (a maintained fork of MkDocs 1.x) is pinned in the lock beside mkdocs, so a
move is one line (README, "Engines"). The test run's sub-path build (`site`) is built
again on ProperDocs with the same settings and the two trees are compared by
tools/compare_builds.py: they may differ only in the generator line. The comparer is
also run on trees that differ."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tools.compare_builds import compare, main

BIN = Path(sys.executable).parent


def test_properdocs_is_locked_and_installed_beside_mkdocs():
    lock = (ROOT / ".ci" / "requirements.lock").read_text(encoding="utf-8").split()
    assert "properdocs==1.6.7" in lock and "mkdocs==1.6.1" in lock
    assert '"properdocs==1.6.7"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert (BIN / "properdocs").exists() and (BIN / "mkdocs").exists()


def test_properdocs_builds_the_same_site_as_mkdocs(site, tmp_path):
    out = tmp_path / "properdocs-site"
    env = {**os.environ, "SITE_URL": site.url, "SIM_OFFLINE_ZIP": "1", "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PREVIEW", None)
    proc = subprocess.run([str(BIN / "properdocs"), "build", "--strict", "--config-file", "mkdocs.yml",
                           "--site-dir", str(out)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-4000:]
    assert not [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))], log[-4000:]
    # the offline zip is put beside the site by another command (make build; the fixture)
    assert compare(site.dir, out, ignore=("site-offline.zip",)) == []


# -- the comparer, on trees that differ --------------------------------------------------------


def tree(root: Path, files: dict[str, bytes | str]) -> Path:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return root


PAGE = '<html><head>\n  <meta charset="utf-8">\n  <meta name="generator" content="{gen}">\n</head>\n<body>\n<p>{text}</p>\n</body></html>\n'


@pytest.fixture
def two_builds(tmp_path):
    same = {"_headers": "/*\n  X: y\n", "assets/a.png": b"\x89PNG\x00\x01",
            "sitemap.xml.gz": gzip.compress(b"<urlset/>", mtime=0)}
    a = tree(tmp_path / "a", {**same, "index.html": PAGE.format(gen="mkdocs-1.6.1, mkdocs-material-9.8.1", text="Hi")})
    b = tree(tmp_path / "b", {**same, "index.html": PAGE.format(gen="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1", text="Hi")})
    return a, b


def test_the_comparer_allows_only_the_generator_line(two_builds, capsys):
    a, b = two_builds
    assert compare(a, b) == []
    # a gzip file packed another way (another time stamp) but holding the same text
    (b / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset/>", mtime=12345))
    assert compare(a, b) == []
    assert main([str(a), str(b)]) == 0
    assert "the same 4 files" in capsys.readouterr().out


def test_the_comparer_names_a_page_that_differs(two_builds, capsys):
    a, b = two_builds
    page = b / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<p>Hi</p>", "<p>Hello</p>"), encoding="utf-8")
    assert compare(a, b) == ["index.html: differs at line 6: '<p>Hi</p>' / '<p>Hello</p>'"]
    assert main([str(a), str(b)]) == 1
    assert "index.html: differs at line 6" in capsys.readouterr().out


def test_the_comparer_names_missing_extra_binary_and_packed_differences(two_builds):
    a, b = two_builds
    (b / "assets" / "a.png").write_bytes(b"\x89PNG\x00\x02")
    (b / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset><url/></urlset>", mtime=0))
    (b / "_headers").unlink()
    tree(b, {"ru/404.html": "<p>404</p>"})
    found = compare(a, b)
    assert found[:2] == [f"_headers: only in {a}", f"ru/404.html: only in {b}"], found
    assert found[2].startswith("assets/a.png: the files differ"), found
    assert found[3].startswith("sitemap.xml: differs at line 1"), found
    assert len(found) == 4
    # an extra line (a page longer in one build) is a difference too; an ignored path is not
    page = b / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- more -->\n", encoding="utf-8")
    assert any(f.startswith("index.html: ") for f in compare(a, b))
    assert not [f for f in compare(a, b, ignore=("ru", "assets/a.png")) if f.startswith(("ru/", "assets/"))]


def test_make_build_properdocs_builds_on_both_engines_and_compares():
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "ENGINE")}
    proc = subprocess.run(["make", "-n", "build-properdocs"], cwd=ROOT, capture_output=True, text=True,
                          env={**env, "SITE_URL": "https://example.org/"}, timeout=60)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    mkdocs = next(i for i, l in enumerate(lines) if "/mkdocs build --strict" in l and "--site-dir site " in l + " ")
    properdocs = next(i for i, l in enumerate(lines) if "/properdocs build --strict" in l and "site-properdocs" in l)
    compared = next(i for i, l in enumerate(lines) if "tools.compare_builds site site-properdocs" in l)
    assert mkdocs < properdocs < compared, lines
