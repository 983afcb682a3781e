"""Keeping the guide true after launch: what the reader sees, and one site file.

- Freshness note: right under each page's H1, a small line "Last reviewed: <date>"
  (`[data-freshness]`, from overrides/partials/sim-freshness.html), in the page's
  language. Its warning ("the rules may have changed since; check <carrier's
  site> and gosuslugi.ru") is in the page too, hidden; it shows when the reader's
  own clock is more than STALE_MONTHS past `last_reviewed`, so it holds for an old
  build and a saved offline copy. The decision is made in <head> before the first
  paint (overrides/main.html, from <meta name="sim-review-by">, so nothing moves)
  and sim-guide.js marks the note `data-stale`. Without JavaScript: the plain date.
- "Report a mistake on this page": a link to a new issue in the project's
  repository (`extra.repository` in mkdocs.yml, set once), with the page's public
  address and language filled into the issue form
  .github/ISSUE_TEMPLATE/report-a-mistake.yml (GitHub fills form fields from query
  parameters named by their ids). A plain link: nothing is fetched until it is pressed.
- `_redirects` (Netlify format) in the built site: each language's missing pages get
  that language's 404 page, under the path of `site_url`.
"""

from __future__ import annotations

import calendar
import os
import datetime as dt
import re
import sys
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import facts  # noqa: E402  (same folder; MkDocs loads hooks as plain modules, so
import facts_data  # noqa: E402  these are copies of their own: the data is loaded here)
import ui  # noqa: E402
from common import DEFAULT_LANG, LANGS, i18n_building, is_offline  # noqa: E402

STALE_MONTHS = 6
ISSUE_FORM = "report-a-mistake.yml"  # in .github/ISSUE_TEMPLATE/
PARTIAL = "partials/sim-freshness.html"
CARRIER_PAGE = re.compile(r"^carriers/([a-z0-9]+)\.md$")
GOSUSLUGI = "gosuslugi.site"  # the fact holding the portal's address
ARTICLE_H1_END = re.compile(r"<article\b.*?</h1>", re.S)

_env = None
_facts: dict = {}


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def repository(config) -> str:
    repo = (config["extra"].get("repository") or "").rstrip("/")
    parts = urlsplit(repo)
    if parts.scheme != "https" or not parts.hostname or parts.path.count("/") != 2:
        raise PluginError(
            "mkdocs.yml: extra.repository must be the project's repository address, "
            f"https://github.com/OWNER/NAME (found {repo!r}); the 'report a mistake' links use it"
        )
    return repo


def public_address(config, page) -> str:
    """The page's address on the published site (the offline copy's .html paths
    are given as the directory URLs the site uses)."""
    url = page.url
    if url.endswith("index.html"):
        url = url[: -len("index.html")]
    elif url.endswith(".html"):
        url = url[: -len(".html")] + "/"
    return urljoin(config["site_url"] or "/", url)


def report_url(config, page, lang: str) -> str:
    address = public_address(config, page)
    query = urlencode({
        "template": ISSUE_FORM,
        "title": f"[mistake] {urlsplit(address).path}",
        # A preview (PREVIEW=1) has no real address: the report names the path only.
        "page": urlsplit(address).path if os.environ.get("PREVIEW") == "1" else address,
        "lang": lang,
    })
    return f"{repository(config)}/issues/new?{query}"


def where_to_check(page) -> tuple[list[dict], bool]:
    """Links for the warning: the carrier's official site on a carrier page, and
    Gosuslugi; and whether a carrier's site is among them."""
    data = _facts
    links = []
    m = CARRIER_PAGE.match(facts.lang_relative(page.file.src_uri))
    carrier = data["carriers"].get(m.group(1)) if m else None
    if carrier:
        site = data["facts"][carrier["site"]]
        links.append({"href": site["value"], "label": site.get("label") or site["value"]})
    portal = data["facts"][GOSUSLUGI]
    links.append({"href": portal["value"], "label": portal.get("label") or portal["value"]})
    return links, bool(carrier)


def page_freshness(page, config) -> dict | None:
    reviewed = page.meta.get("last_reviewed")
    if not isinstance(reviewed, dt.date):
        return None  # site.py stops the build for that page
    lang = facts.page_lang(config)
    links, carrier = where_to_check(page)
    return {
        "reviewed": reviewed.isoformat(),
        "review_by": add_months(reviewed, STALE_MONTHS).isoformat(),
        "date": facts.format_date(reviewed, lang),
        "links": links,
        "carrier": carrier,
    }


def words(config) -> dict:
    """The page language's words (docs/_data/ui/<lang>.yml, read by hooks/ui.py)."""
    return ui.words(facts.page_lang(config))


# -- MkDocs events -----------------------------------------------------------------------


def on_config(config, **kwargs):
    repository(config)
    try:
        _facts.update(facts_data.load(facts.facts_path(config)))
    except facts_data.FactsError as exc:
        raise PluginError(str(exc)) from None
    return config


def on_env(env, config, files, **kwargs):
    global _env
    _env = env
    return env


def on_page_context(context, page, config, nav, **kwargs):
    context["freshness"] = page_freshness(page, config)
    context["report_url"] = report_url(config, page, facts.page_lang(config))
    return context


@event_priority(-200)
def on_post_page(output, page, config, **kwargs):
    """The freshness note right under the article's H1 (after rendering, so that it
    stays out of the search index)."""
    fresh = page_freshness(page, config)
    if fresh is None:
        return output
    m = ARTICLE_H1_END.search(output)
    if not m:
        raise PluginError(f"{facts.page_where(page, config)}: no <h1> for the freshness note")
    note = _env.get_template(PARTIAL).render(freshness=fresh, ui=words(config))
    return output[: m.end()] + note.strip() + output[m.end():]


def redirects(config, langs) -> str:
    """Netlify `_redirects`: a language's missing pages get its own 404 page."""
    base = urlsplit(config["site_url"] or "/").path or "/"
    base = base if base.endswith("/") else base + "/"
    lines = [f"{base}{lang}/*  {base}{lang}/404.html  404" for lang in langs if lang != DEFAULT_LANG]
    lines.append(f"{base}*  {base}404.html  404")
    return "\n".join(lines) + "\n"


@event_priority(-400)  # after i18n (-100) has built every language
def on_post_build(config, **kwargs):
    if i18n_building(config) or is_offline(config):
        return
    i18n = config["plugins"].get("i18n")
    langs = tuple(i18n.build_languages) if i18n else LANGS
    (Path(config["site_dir"]) / "_redirects").write_text(redirects(config, langs), encoding="utf-8")
