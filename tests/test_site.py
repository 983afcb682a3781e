"""Found, shared and safe to deploy: descriptions, Open Graph and Twitter tags, home
titles, robots.txt, the sitemap's x-default, the 404 page of each language, the
offline-zip link, `_headers`, the service worker and its manifests (the built site)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import struct
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
import yaml

from tests.conftest import DEFAULT_LANG, DOCS, LANGS, PAGES, lang_prefix, mkdocs
from tools.serve import read_headers_file

CASES = [(lang, page) for lang in LANGS for page in PAGES]
IDS = [f"{lang}/{page or 'home'}" for lang, page in CASES]
OG_LOCALE = {"zh": "zh_CN", "ru": "ru_RU", "en": "en_GB"}


class Head(HTMLParser):
    """<title>, <meta name|property> and <link rel> of a page's <head>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict] = []
        self.title, self._in_title, self.in_head = "", False, True

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.in_head = False
        if not self.in_head:
            return
        if tag == "meta" and (a.get("name") or a.get("property")):
            self.meta.setdefault(a.get("name") or a.get("property"), []).append(a.get("content", ""))
        if tag == "link":
            self.links.append(a)
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False if tag == "title" else self._in_title

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def head(site, lang, page) -> Head:
    parser = Head()
    parser.feed(site.page(lang, page).read_text(encoding="utf-8"))
    return parser


def front_matter(lang, page) -> dict:
    rel = "index.md" if page == "" else page.rstrip("/") + ".md"
    text = (DOCS / lang / rel).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


# -- descriptions, Open Graph, titles ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_its_own_description(site, lang):
    seen: dict[str, str] = {}
    for page in PAGES:
        wanted = front_matter(lang, page).get("description")
        assert wanted and 50 <= len(wanted) <= 200, f"{lang}/{page}: description missing or odd length"
        shown = head(site, lang, page).meta.get("description")
        assert shown == [wanted], f"{lang}/{page}: <meta name=description> is not the page's own"
        assert wanted not in seen, f"{lang}/{page} repeats the description of {lang}/{seen.get(wanted)}"
        seen[wanted] = page


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("lang,page", CASES, ids=IDS)
def test_open_graph_and_twitter_tags(site, lang, page):
    h = head(site, lang, page)
    url = site.page_url(lang, page)
    one = {k: v[0] for k, v in h.meta.items() if len(v) == 1}
    assert one["og:url"] == url and [l["href"] for l in h.links if l.get("rel") == "canonical"] == [url]
    assert one["og:description"] == one["description"] == one["twitter:description"]
    assert one["og:title"] and one["og:title"] == one["twitter:title"]
    assert one["og:locale"] == OG_LOCALE[lang]
    assert sorted(h.meta["og:locale:alternate"]) == sorted(OG_LOCALE[l] for l in LANGS if l != lang)
    assert one["og:type"] == ("website" if page == "" else "article")
    assert one["twitter:card"] == "summary_large_image"
    image = one["og:image"]
    assert image == one["twitter:image"] and image.startswith(site.url), image
    card = site.dir / image[len(site.url):]
    assert card.exists(), f"{lang}/{page}: card image {image} is not in the site"
    assert png_size(card) == (int(one["og:image:width"]), int(one["og:image:height"])) == (1200, 630)
    assert f"card-{lang}.png" in image, "each language has its own card"


@pytest.mark.parametrize("lang", LANGS)
def test_home_title_is_the_site_name_once(site, lang):
    title = head(site, lang, "").title.strip()
    assert title and " - " not in title, f"{lang} home title repeats the site name: {title!r}"
    inner = head(site, lang, "carriers/mts/").title.strip()
    assert inner.endswith(" - " + title), f"inner pages end with the site name: {inner!r}"


# -- robots.txt, sitemap ----------------------------------------------------------------


def test_robots_txt_points_to_the_sitemap(site):
    robots = (site.dir / "robots.txt").read_text(encoding="utf-8")
    assert re.search(r"(?m)^User-agent: \*$", robots)
    assert re.search(rf"(?m)^Sitemap: {re.escape(site.url)}sitemap\.xml$", robots), robots
    assert (site.dir / "sitemap.xml").exists()


def test_sitemap_lists_every_page_with_x_default(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ElementTree.parse(site.dir / "sitemap.xml")
    urls = tree.findall("s:url", ns)
    assert {u.find("s:loc", ns).text for u in urls} == {site.page_url(l, p) for l in LANGS for p in PAGES}
    for u in urls:
        links = {l.get("hreflang"): l.get("href") for l in u.findall("x:link", ns)}
        loc = u.find("s:loc", ns).text
        page = loc[len(site.url):]
        for lang in LANGS:
            page = page[len(lang) + 1:] if page.startswith(lang + "/") else page
        assert links == {**{l: site.page_url(l, page) for l in LANGS},
                         "x-default": site.page_url(DEFAULT_LANG, page)}, loc


# -- 404 pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_404_page_per_language(site, lang):
    path = site.dir / lang_prefix(lang) / "404.html"
    html = path.read_text(encoding="utf-8")
    assert re.search(rf'<html lang="{lang}"', html), f"{path.name} of {lang} is not in {lang}"
    assert "hreflang" not in html, f"{lang} 404 has hreflang or a language switcher"
    assert "md-select__link" not in html
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert config["base"] == urlsplit(site.page_url(lang)).path, "the 404 page searches another language"
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html).group(1)
    script = {"zh": r"[\u4e00-\u9fff]", "ru": r"[а-я]", "en": r"^[A-Za-z ]+$"}[lang]
    assert re.search(script, h1), f"{lang} 404 heading {h1!r}"
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert re.search(script.replace("^", "").replace("$", ""), title), f"{lang} 404 title {title!r}"


# -- the offline zip link ----------------------------------------------------------------------


def test_home_links_the_zip_that_make_build_writes(site):
    for lang in LANGS:
        html = site.page(lang).read_text(encoding="utf-8")
        hrefs = re.findall(r'<a class="sim-download" href="([^"]+)"', html)
        assert hrefs, f"{lang} home: no link to the offline zip"
        target = urljoin(site.page_url(lang), hrefs[0])
        assert (site.dir / target[len(site.url):]).is_file(), f"{lang}: {target} is missing"


def test_plain_build_shows_no_link_to_a_zip_it_does_not_write(tmp_path):
    proc = mkdocs("build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert not (tmp_path / "site" / "site-offline.zip").exists()
    linked = [p for p in (tmp_path / "site").rglob("*.html") if "site-offline.zip" in p.read_text(encoding="utf-8")]
    assert not linked, f"links to a missing zip: {linked[:3]}"


# -- _headers, service worker, offline manifests -----------------------------------------------------


def inline_scripts(site_dir: Path) -> set[str]:
    found = set()
    for page in site_dir.rglob("*.html"):
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", page.read_text(encoding="utf-8"), re.S):
            if "src=" not in attrs and "application/json" not in attrs:
                found.add(body)
    return found


def test_headers_file_allows_only_the_sites_own_origin(site):
    rules = read_headers_file(site.dir / "_headers")
    everything = [h for pattern, h in rules if pattern == urlsplit(site.url).path + "*"]
    assert len(everything) == 1, rules
    headers = dict(everything[0])
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] and headers["Permissions-Policy"]
    csp = dict(d.strip().split(" ", 1) for d in headers["Content-Security-Policy"].split(";"))
    assert csp["default-src"] == "'self'" and csp["object-src"] == "'none'"
    sources = csp["script-src"].split()
    assert sources[0] == "'self'" and "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
    for body in inline_scripts(site.dir):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in sources, f"inline script without a hash: {body[:60]!r}"
    for directive, value in csp.items():
        assert not re.search(r"https?:|\*", value), f"{directive} allows another origin: {value}"


def test_online_pages_do_not_load_the_iframe_worker_shim(site, offline_copy):
    for lang in LANGS:
        assert "iframe-worker" not in site.page(lang).read_text(encoding="utf-8")
    assert "iframe-worker-shim.js" in (offline_copy / "index.html").read_text(encoding="utf-8")


def test_service_worker_is_versioned_and_manifests_list_real_files(site):
    sw = (site.dir / "sw.js").read_text(encoding="utf-8")
    version = re.search(r'var VERSION = "([0-9a-f]{12})"', sw)
    assert version, "sw.js has no build version"
    for lang in LANGS:
        manifest = json.loads((site.dir / "offline" / f"{lang}.json").read_text(encoding="utf-8"))
        assert manifest["version"] == version.group(1) and manifest["lang"] == lang
        files = manifest["files"]
        prefix = lang_prefix(lang)
        assert {f"{prefix}{p}" for p in PAGES} <= set(files), f"{lang}: pages missing from the manifest"
        assert f"{prefix}search/search_index.json" in files
        others = [l for l in LANGS if l not in (lang, DEFAULT_LANG)]
        assert not [f for f in files if f.split("/", 1)[0] in others], f"{lang} manifest holds another language"
        size = 0
        for f in files:
            f = f.split("?", 1)[0]  # the search worker is listed as pages ask for it (?w=…)
            path = site.dir / (f + "index.html" if f.endswith("/") or f == "" else f)
            assert path.is_file(), f"{lang}: {f} is not in the site"
            size += path.stat().st_size
        assert manifest["bytes"] == size


def test_offline_copy_has_no_service_worker_or_headers(offline_copy):
    for name in ("sw.js", "_headers", "robots.txt"):
        assert not (offline_copy / name).exists(), f"the file:// copy ships {name}"
    assert "data-offline-save" not in (offline_copy / "index.html").read_text(encoding="utf-8")
