"""No placeholder in a release (issue 29).

- `make build` and `make offline` refuse to run without SITE_URL, or with mkdocs.yml's
  placeholder, unless PREVIEW=1; `make serve`, `make check` and the tests build
  without it. (Asked with `make -n`: the refusal comes before any command runs.)
- A preview (PREVIEW=1, a mini site built once for this module): every page, the
  404 pages included, says `noindex`; the sitemap lists nothing; robots.txt names no
  sitemap; the printed pages carry no address; no canonical, hreflang or card.
- A build with SITE_URL set (the test run's own builds) names the placeholder nowhere
  and says `noindex` nowhere.
Each checker is also run on a tree that breaks it."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_mini

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import head  # noqa: E402  (the build's own hook: its placeholder)

PLACEHOLDER = head.PLACEHOLDER
NOINDEX = re.compile(r'<meta name="robots" content="noindex">')
HEAD = re.compile(r"<head>(.*?)</head>", re.S)
REPORT_LINK = re.compile(r'href="https://github\.com/[^"]*/issues/new\?[^"]*"')


# -- the checkers ---------------------------------------------------------------------------


def pages_without_noindex(site_dir: Path) -> list[str]:
    """Every HTML page whose <head> lacks the robots noindex meta tag."""
    out = []
    for page in sorted(site_dir.rglob("*.html")):
        head_html = HEAD.search(page.read_text(encoding="utf-8"))
        if not head_html or not NOINDEX.search(head_html.group(1)):
            out.append(page.relative_to(site_dir).as_posix())
    return out


def pages_with_noindex(site_dir: Path) -> list[str]:
    return [p.relative_to(site_dir).as_posix() for p in sorted(site_dir.rglob("*.html"))
            if NOINDEX.search(p.read_text(encoding="utf-8"))]


def names(data: bytes, address: str) -> bool:
    """Whether `data` holds the address: as it is, URL-encoded, or as its host."""
    needles = (address, address.replace(":", "%3A").replace("/", "%2F"), address.split("//", 1)[-1].rstrip("/"))
    return any(n.encode() in data for n in needles)


def files_naming(site_dir: Path, address: str, skip: tuple[str, ...] = ()) -> list[str]:
    """Every file of the tree that names `address` (the sitemap's gzip copy unpacked)."""
    out = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if not path.is_file() or rel in skip:
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        if names(data, address):
            out.append(rel)
    return out


def sitemap_entries(site_dir: Path) -> list[str]:
    xml = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    packed = gzip.decompress((site_dir / "sitemap.xml.gz").read_bytes()).decode("utf-8")
    return re.findall(r"<loc>(.*?)</loc>", xml) + re.findall(r"<loc>(.*?)</loc>", packed)


# -- the Makefile's refusal -----------------------------------------------------------------


def make_dry_run(target: str, **env: str) -> subprocess.CompletedProcess:
    """`make -n TARGET` with only the given SITE_URL / PREVIEW (and no make of ours
    around it): prints the commands without running them, or the refusal."""
    clean = {k: v for k, v in os.environ.items()
             if k not in ("SITE_URL", "PREVIEW", "ENGINE", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(["make", "-n", target], cwd=ROOT, env={**clean, **env},
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("target", ["build", "offline", "build-properdocs"])
@pytest.mark.parametrize("site_url", [None, "", PLACEHOLDER])
def test_a_release_without_its_address_is_refused_saying_what_to_set(target, site_url):
    proc = make_dry_run(target, **({} if site_url is None else {"SITE_URL": site_url}))
    assert proc.returncode != 0, f"make {target} ran with SITE_URL={site_url!r}:\n{proc.stdout}"
    assert proc.stdout == "", "commands were printed before the refusal"
    message = proc.stderr
    assert f"SITE_URL=https://example.org/ make {target}" in message, message
    assert "PREVIEW=1" in message
    if site_url == PLACEHOLDER:
        assert f"SITE_URL is the placeholder {PLACEHOLDER}" in message, message
    else:
        assert "SITE_URL is not set" in message, message


@pytest.mark.parametrize("target", ["build", "offline"])
def test_a_release_with_its_address_or_a_preview_builds(target):
    for env in ({"SITE_URL": "https://example.org/guide/"}, {"PREVIEW": "1"},
                {"PREVIEW": "1", "SITE_URL": PLACEHOLDER}):
        proc = make_dry_run(target, **env)
        assert proc.returncode == 0, f"{env}: {proc.stderr}"
        assert "tools.offline" in proc.stdout, proc.stdout
        if target == "build":
            assert re.search(r"/(mkdocs|properdocs) build --strict", proc.stdout), proc.stdout
    # PREVIEW means PREVIEW=1: another value is no way around the refusal
    assert make_dry_run(target, PREVIEW="yes").returncode != 0


@pytest.mark.parametrize("target", ["serve", "check", "test", "test-serial"])
def test_serve_check_and_the_tests_need_no_address(target):
    proc = make_dry_run(target)
    assert proc.returncode == 0, proc.stderr
    assert "SITE_URL" not in proc.stderr


def test_the_placeholder_is_the_same_in_the_makefile_the_hook_and_mkdocs_yml():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(rf"^PLACEHOLDER := {re.escape(PLACEHOLDER)}$", makefile, re.M)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert f'site_url: !ENV [SITE_URL, "{PLACEHOLDER}"]' in config


# -- a preview: one mini build for the module ---------------------------------------------------


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Path:
    """The mini site (tests/fixtures/mini, with the project's hooks and theme) built
    with PREVIEW=1 and no SITE_URL, as `PREVIEW=1 make build` builds."""
    root = copy_mini(tmp_path_factory.mktemp("preview") / "mini")
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env.update(PREVIEW="1", NO_MKDOCS_2_WARNING="1")
    exe = Path(sys.executable).parent / "mkdocs"
    proc = subprocess.run([str(exe), "build", "--strict", "--site-dir", str(root / "site")],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    return root / "site"


def test_a_preview_says_noindex_on_every_page_the_404_pages_included(preview):
    pages = [p.relative_to(preview).as_posix() for p in preview.rglob("*.html")]
    assert {"404.html", "ru/404.html", "en/404.html", "index.html", "ru/other/index.html"} <= set(pages)
    assert pages_without_noindex(preview) == []


def test_a_preview_lists_nothing_in_its_sitemap_and_robots_names_none(preview):
    assert sitemap_entries(preview) == []
    assert "<urlset" in (preview / "sitemap.xml").read_text(encoding="utf-8")
    robots = (preview / "robots.txt").read_text(encoding="utf-8")
    assert robots.startswith("User-agent: *\nAllow: /") and "Sitemap" not in robots, robots


def test_a_preview_names_no_address_in_its_head_or_on_paper(preview):
    for page in ("index.html", "ru/other/index.html", "en/404.html"):
        html = (preview / page).read_text(encoding="utf-8")
        assert 'class="sim-print-url"' not in html, f"{page}: a printed address"
        assert not re.search(r'<link rel="(canonical|alternate)"|property="og:', html), page
    # Not even in the "report a mistake" links (their page field is the path alone)
    assert files_naming(preview, PLACEHOLDER) == []
    html = (preview / "ru" / "other" / "index.html").read_text(encoding="utf-8")
    assert REPORT_LINK.search(html), "the report link is gone"


# -- a release: the test run's own builds (site_url set) -------------------------------------


def test_a_build_with_its_address_names_the_placeholder_nowhere(deployed_site):
    # site-offline.zip: the test run's offline copy is built without SITE_URL
    # (`make build` builds it with SITE_URL in its environment)
    assert files_naming(deployed_site.dir, PLACEHOLDER, skip=("site-offline.zip",)) == []
    assert pages_with_noindex(deployed_site.dir) == []
    assert sitemap_entries(deployed_site.dir), "a release without sitemap entries"
    assert "sim-print-url" in deployed_site.page("en", "checklist/").read_text(encoding="utf-8")


# -- each checker, on a tree that breaks it ---------------------------------------------------


def test_the_checkers_find_a_page_without_noindex_and_a_planted_placeholder(preview, tmp_path):
    broken = tmp_path / "site"
    shutil.copytree(preview, broken)
    page = broken / "ru" / "other" / "index.html"
    page.write_text(NOINDEX.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    assert pages_without_noindex(broken) == ["ru/other/index.html"]
    assert pages_with_noindex(broken) and "ru/other/index.html" not in pages_with_noindex(broken)
    (broken / "robots.txt").write_text(f"Sitemap: {PLACEHOLDER}sitemap.xml\n", encoding="utf-8")
    with gzip.open(broken / "sitemap.xml.gz", "wb") as f:
        f.write(f"<urlset><url><loc>{PLACEHOLDER}</loc></url></urlset>".encode())
    (broken / "en" / "x.html").write_text('<a href="?page=https%3A%2F%2Fru-sim-guide.example%2F">', encoding="utf-8")
    found = files_naming(broken, PLACEHOLDER)
    assert {"robots.txt", "sitemap.xml.gz", "en/x.html"} <= set(found), found
    assert sitemap_entries(broken) == [PLACEHOLDER]
