"""Security headers: `_headers` (Netlify / Cloudflare Pages format) at the site root.

A Content-Security-Policy that allows only the site's own origin, and inline
scripts and inline style elements only by their hashes (computed from the built
pages, so it is written after every other file; the 404 pages' inline style keeps
them readable where their style sheets cannot load: overrides/404.html), plus
nosniff, the referrer and permissions policies, and no caching of sw.js. The offline copy (file://) has none.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
from common import i18n_building, is_offline  # noqa: E402

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)
INLINE_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
}


def inline_hashes(site_dir: Path, pattern: re.Pattern = INLINE_SCRIPT) -> list[str]:
    """The CSP hash sources of every inline element `pattern` finds in the pages."""
    hashes = set()
    for page in site_dir.rglob("*.html"):
        for body in pattern.findall(page.read_text(encoding="utf-8")):
            hashes.add("'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'")
    return sorted(hashes)


def inline_script_hashes(site_dir: Path) -> list[str]:
    return inline_hashes(site_dir, INLINE_SCRIPT)


def content_security_policy(site_dir: Path) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(inline_script_hashes(site_dir)),
        " ".join(["style-src 'self'", *inline_hashes(site_dir, INLINE_STYLE)]),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def write_headers(site_dir: Path, config) -> None:
    """`_headers` for hosts that read it (Netlify, Cloudflare Pages), under the
    site's path (a sub-path deployment gets rules under that path)."""
    base = urlsplit(config["site_url"] or "/").path or "/"
    lines = [f"{base}*", f"  Content-Security-Policy: {content_security_policy(site_dir)}"]
    lines += [f"  {name}: {value}" for name, value in HEADERS.items()]
    lines += [f"{base}sw.js", "  Cache-Control: no-cache", ""]
    (site_dir / "_headers").write_text("\n".join(lines), encoding="utf-8")


@event_priority(-450)  # after every other file is written (the hashes read the pages)
def on_post_build(config, **kwargs):
    if i18n_building(config):
        return
    site_dir = Path(config["site_dir"])
    if is_offline(config):
        (site_dir / "_headers").unlink(missing_ok=True)
        return
    write_headers(site_dir, config)
