"""Head values: what overrides/main.html puts in <head>, as `sim` in the page context.

- Absolute hreflang links for every language plus x-default, from `site_url`
  (Material's own are relative), and the canonical URL.
- Open Graph and Twitter tags with the language's card image
  (assets/images/card-<lang>.png, drawn by tools/cards.py; English until a language
  has its own) and its Open Graph locale (`og_locale:` in docs/_data/ui/<lang>.yml).
- A home title without the site name twice.
- The offline copy (OFFLINE=true, opened from file://) gets none of the links that
  would point it at the web; only it loads the iframe-worker shim.
- A preview (PREVIEW=1: `make build` without a public address, README "Deploying")
  is not for search engines and names no address: every page, the 404 pages
  included, gets `<meta name="robots" content="noindex">` (`sim_preview` in every
  template's context), and no canonical URL, hreflang or preview card; the printed pages carry
  no address (overrides/main.html) and the sitemap lists nothing (robots_sitemap.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.plugins import event_priority
from mkdocs.utils import normalize_url

sys.path.insert(0, str(Path(__file__).parent))
import facts  # noqa: E402  (same folder; MkDocs loads hooks as plain modules)
from common import i18n_building, is_offline  # noqa: E402
import common  # noqa: E402  (common.LANGS: read when a build starts)

CARD = "assets/images/card-{lang}.png"
CARDS_DIR = Path(__file__).resolve().parents[1]  # overrides/, where the cards are
CARD_SIZE = (1200, 630)
SHIM = "iframe-worker"
# mkdocs.yml's default site_url, for builds that need no public address (make serve,
# make check, the tests); the Makefile refuses to release a build with it.
PLACEHOLDER = "https://ru-sim-guide.example/"


def is_preview() -> bool:
    """PREVIEW=1: a build to look at, never to be indexed (see the module's note)."""
    return os.environ.get("PREVIEW") == "1"


def on_template_context(context, template_name, config, **kwargs):
    """The 404 pages and the sitemap (pages get it in on_page_context)."""
    context["sim_preview"] = is_preview()
    return context


@event_priority(-200)  # after i18n (-100) has set up the theme
def on_config(config, **kwargs):
    if i18n_building(config):
        return config
    if not is_offline(config):
        # Only the file:// copy needs the iframe-worker shim (it is in extra.polyfills
        # so that the offline plugin does not add its CDN copy).
        config["extra"]["polyfills"] = [p for p in config["extra"].get("polyfills", []) if SHIM not in p]
    return config


def og_locale(lang: str) -> str:
    return common.words(lang)["og_locale"]


def card(lang: str) -> str:
    """The language's preview card, or the English one until it has its own
    (python -m tools.cards draws it; make check lists the fallback)."""
    own = CARD.format(lang=lang)
    return own if (CARDS_DIR / own).exists() else CARD.format(lang=common.FALLBACK_LANG)


def page_is_home(page) -> bool:
    return facts.lang_relative(page.file.src_uri) == "index.md"


def absolute_alternates(config, page) -> list[dict]:
    """hreflang links: i18n's per-page alternates, made absolute, plus x-default."""
    here = page.canonical_url or urljoin(config["site_url"] or "", page.url)
    out = []
    extra = config["extra"]
    # i18n's page-specific alternates are an attribute (Jinja reads it first); the
    # item holds the language roots.
    for alt in extra.__dict__.get("alternate") or extra.get("alternate") or []:
        href = urljoin(here, normalize_url(alt["link"], page))
        out.append({"lang": alt["lang"], "href": href})
    default = [a for a in out if a["lang"] == common.DEFAULT_LANG]
    if default:
        out.append({"lang": "x-default", "href": default[0]["href"]})
    return out


@event_priority(-50)  # after i18n (50) has set the page's alternates
def on_page_context(context, page, config, nav, **kwargs):
    lang = facts.page_lang(config)
    # neither the offline copy nor a preview points at an address on the web
    offline = is_offline(config) or is_preview()
    site_url = config["site_url"] or ""
    title = page.title or config["site_name"]
    sim = {
        "lang": lang,
        "title": config["site_name"] if page_is_home(page) else f"{title} - {config['site_name']}",
        "canonical": None if offline else page.canonical_url,
        "alternates": [] if offline else absolute_alternates(config, page),
        "og": None,
    }
    if not offline and site_url:
        sim["og"] = {
            "type": "website" if page_is_home(page) else "article",
            "title": config["site_name"] if page_is_home(page) else title,
            "locale": og_locale(lang),
            "alternate_locales": [og_locale(l) for l in common.LANGS if l != lang],
            "image": urljoin(site_url, card(lang)),
            "image_width": CARD_SIZE[0],
            "image_height": CARD_SIZE[1],
        }
    context["sim"] = sim
    context["sim_preview"] = is_preview()
    return context
