"""Link checkers for the built site.

- `lychee_errors`: every internal link and #fragment in every HTML file, offline,
  with lychee (root-absolute links of a sub-path build are mapped back to the folder).
- `crawl`: follows every same-origin link of a served site from each language's
  home page, fetching each target and checking each #fragment; a link that leaves
  the site's sub-path is an error. External links are collected, not fetched.
- `external_links` / `forbidden_links`: every link to another origin in the built
  HTML, and those outside the allowlist of domains in docs/_data/facts.yml.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import urllib.error
import urllib.request
from collections import defaultdict, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import sys

ROOT = Path(__file__).resolve().parents[2]
FACTS = ROOT / "docs" / "_data" / "facts.yml"
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import facts_data  # noqa: E402  (the build's own loader: duplicates and bad dates fail here too)
PROMOTIONAL = re.compile(r"(^|[/.@])(t\.me|telegram\.me|telegram\.org|wa\.me|weixin\.qq\.com)\b|\bTG\b", re.I)


class _Links(HTMLParser):
    """Collects link targets (with the tag and attribute) and element ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name"):
            if attrs.get(name) and (name == "id" or tag == "a"):
                self.ids.add(attrs[name])
        for attr in ("href", "src"):
            value = attrs.get(attr)
            if value is not None and tag in ("a", "link", "script", "img", "iframe", "source"):
                self.links.append((tag, attr, value.strip()))


def parse(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def lychee_binary() -> str:
    candidate = Path(os.environ.get("VIRTUAL_ENV", ROOT / ".venv")) / "bin" / "lychee"
    return str(candidate) if candidate.exists() else "lychee"


def lychee_errors(site_dir: Path, base_path: str = "/") -> list[str]:
    """Broken internal links and fragments, as 'page → link (status)' strings."""
    site_dir = site_dir.resolve()
    cmd = [
        lychee_binary(), "--offline", "--include-fragments", "--no-progress",
        "--format", "json", "--root-dir", str(site_dir), "--index-files", "index.html",
    ]
    prefix = base_path.strip("/")
    if prefix:
        cmd += ["--remap", f"file://{site_dir}/{prefix}(/.*)?$ file://{site_dir}$1"]
    cmd += ["--", str(site_dir / "**" / "*.html")]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=site_dir)
    if proc.returncode not in (0, 2):
        raise RuntimeError(f"lychee failed to run ({proc.returncode}): {proc.stderr[-2000:]}")
    report = json.loads(proc.stdout or "{}")
    if report.get("total", 0) == 0:
        raise RuntimeError("lychee checked no link at all: is the site empty?")
    errors = []
    for page, failures in sorted((report.get("error_map") or {}).items()):
        rel = os.path.relpath(page, site_dir) if page.startswith("/") else page
        for failure in failures:
            status = failure.get("status", {})
            text = status.get("text") if isinstance(status, dict) else str(status)
            errors.append(f"{rel} → {failure.get('url')} ({text})")
    if proc.returncode == 2 and not errors:
        errors.append(f"lychee reported failures it did not list: {proc.stdout[-1000:]}")
    return errors


@dataclass
class CrawlResult:
    pages: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def _fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            kind = resp.headers.get("Content-Type", "")
            body = resp.read().decode("utf-8", "replace") if "html" in kind else ""
            return resp.status, kind, body
    except urllib.error.HTTPError as exc:
        return exc.code, "", ""


def crawl(base_url: str, starts: list[str]) -> CrawlResult:
    """Crawl a served site; `base_url` ends with the sub-path, e.g. http://h:p/guide/."""
    result = CrawlResult()
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    ids: dict[str, set[str]] = {}
    fragments: list[tuple[str, str, str]] = []
    queue = deque(urljoin(base_url, s) for s in starts)
    seen = set(queue)
    while queue:
        url = queue.popleft()
        status, kind, body = _fetch(url)
        if status != 200:
            result.errors.append(f"{url} answered {status}")
            continue
        if "html" not in kind:
            continue
        result.pages.add(url)
        doc = parse(body)
        ids[url] = doc.ids
        for tag, attr, raw in doc.links:
            if raw.startswith(("mailto:", "tel:", "data:", "javascript:")) or raw in ("", "#"):
                continue
            target = urljoin(url, raw)
            if not target.startswith(("http://", "https://")):
                result.errors.append(f"{url} → {raw}: unexpected scheme")
                continue
            if not target.startswith(origin + "/"):
                result.external[target].add(url)
                continue
            if not target.startswith(base_url):
                result.errors.append(f"{url} → {raw}: leaves the sub-path {urlsplit(base_url).path}")
                continue
            page, frag = urldefrag(target)
            if frag:
                fragments.append((url, page, unquote(frag)))
            if page not in seen:
                seen.add(page)
                queue.append(page)
    for source, page, frag in fragments:
        if page in ids and frag not in ids[page]:
            result.errors.append(f"{source} → {page}#{frag}: no element with that id")
    return result


def allowed_domains() -> list[str]:
    return facts_data.load(FACTS)["allowed_domains"]


def is_allowed(url: str, domains: list[str]) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.scheme == "https" and any(host == d or host.endswith("." + d) for d in domains)


def external_links(site_dir: Path) -> dict[str, set[str]]:
    """Every link or asset that points to another origin: URL -> pages using it."""
    found: dict[str, set[str]] = defaultdict(set)
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        for tag, attr, raw in parse(page.read_text(encoding="utf-8")).links:
            if re.match(r"^(https?:)?//", raw):
                found[raw].add(f"{rel} <{tag} {attr}>")
    return found


def report_prefix(mkdocs_yml: Path = ROOT / "mkdocs.yml") -> str | None:
    """The "report a mistake" links' target: `extra.repository` in mkdocs.yml + /issues/new?"""
    m = re.search(r"^extra:\n(?:[ \t]+.*\n|[ \t]*\n)*?[ \t]+repository:[ \t]*(\S+)",
                  mkdocs_yml.read_text(encoding="utf-8"), re.M)
    return m.group(1).rstrip("/") + "/issues/new?" if m else None


def forbidden_links(site_dir: Path, site_url: str, domains: list[str],
                    report: str | None = None) -> list[str]:
    """Links outside the allowlist (the site's own absolute URLs and the "report a
    mistake" links to the project's issue tracker excepted), promotional contacts,
    and any asset (src, stylesheet) from another origin."""
    errors = []
    own = site_url.rstrip("/") + "/"
    report = report or report_prefix()
    for url, where in sorted(external_links(site_dir).items()):
        places = ", ".join(sorted(where)[:3]) + (" …" if len(where) > 3 else "")
        if url.startswith(own):
            continue
        if report and url.startswith(report) and all("<a href>" in w for w in where):
            continue
        if any("<a href>" not in w for w in where):
            errors.append(f"{url}: loaded from another origin as an asset in {places}")
        elif PROMOTIONAL.search(url):
            errors.append(f"{url}: promotional or messenger contact in {places}")
        elif not is_allowed(url, domains):
            errors.append(f"{url}: domain not in allowed_domains (docs/_data/facts.yml) in {places}")
    return errors
