"""The built site: URL contract, languages, hreflang, switcher, search split."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.conftest import DEFAULT_LANG, LANGS, PAGES, lang_prefix

CASES = [(lang, page) for lang in LANGS for page in PAGES]
IDS = [f"{lang}/{page or 'home'}" for lang, page in CASES]


def produced_pages(site_dir: Path, lang: str) -> set[str]:
    root = site_dir / lang_prefix(lang)
    others = {l for l in LANGS if l != DEFAULT_LANG}
    found = set()
    for html in root.rglob("index.html"):
        rel = html.relative_to(root).parent.as_posix()
        rel = "" if rel == "." else rel + "/"
        if lang == DEFAULT_LANG and rel.split("/", 1)[0] in others:
            continue
        if rel.startswith(("assets/", "search/")):
            continue
        found.add(rel)
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_golden_page_list(site, lang):
    produced = produced_pages(site.dir, lang)
    assert not set(PAGES) - produced, f"{lang}: missing pages {sorted(set(PAGES) - produced)}"
    assert not produced - set(PAGES), f"{lang}: pages outside the URL contract {sorted(produced - set(PAGES))}"


def head_alternates(html: str) -> dict[str, str]:
    return dict(
        (lang, href) for href, lang in re.findall(
            r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html
        )
    )


@pytest.mark.parametrize("lang,page", CASES, ids=IDS)
def test_html_lang_and_hreflang(deployed_site, lang, page):
    site = deployed_site  # at the root and under a sub-path
    html = site.page(lang, page).read_text(encoding="utf-8")
    assert re.search(rf'<html lang="{lang}"', html), f"{lang}/{page}: wrong <html lang>"
    alternates = head_alternates(html)
    expected = {l: site.page_url(l, page) for l in LANGS}
    expected["x-default"] = site.page_url(DEFAULT_LANG, page)
    assert alternates == expected


@pytest.mark.parametrize("lang,page", CASES, ids=IDS)
def test_language_switcher_targets_same_page(deployed_site, lang, page):
    site = deployed_site  # at the root and under a sub-path
    html = site.page(lang, page).read_text(encoding="utf-8")
    here = site.page_url(lang, page)
    switcher = {}
    for href, hreflang in re.findall(
        r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select__link">', html
    ):
        switcher[hreflang] = urljoin(here, href)
    assert switcher == {l: site.page_url(l, page) for l in LANGS}


def test_404_page_is_chinese(site):
    html = (site.dir / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in html


def load_index(site, lang) -> dict:
    return json.loads((site.dir / lang_prefix(lang) / "search" / "search_index.json").read_text("utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_holds_only_its_language(site, lang):
    index = load_index(site, lang)
    assert index["config"]["lang"] == [lang]
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert pages == set(PAGES), f"{lang} index pages: {sorted(pages ^ set(PAGES))}"
    script = {"zh": r"[\u4e00-\u9fff]", "ru": r"[а-яё]", "en": r"\b(the|and|your)\b"}[lang]
    titles = " ".join(doc["title"] for doc in index["docs"] if "#" not in doc["location"])
    assert re.search(script, titles, re.I), f"{lang} index titles are not in {lang}"


def test_search_index_is_a_third_of_merged(site):
    sizes = {l: len(json.dumps(load_index(site, l), ensure_ascii=False).encode()) for l in LANGS}
    total = sum(sizes.values())
    for lang, size in sizes.items():
        assert size < 0.5 * total, f"{lang} index is {size} of {total} bytes"


@pytest.mark.parametrize("lang,page", CASES, ids=IDS)
def test_search_config_points_at_language_index(deployed_site, lang, page):
    site = deployed_site  # at the root and under a sub-path
    html = site.page(lang, page).read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert urljoin(site.page_url(lang, page), config["base"]) == site.page_url(lang)
    worker = urljoin(site.page_url(lang, page), config["search"])
    assert worker.startswith(site.url + "assets/javascripts/workers/sim-search.js?w=search.")
    assert (site.dir / "assets/javascripts/workers/sim-search.js").exists()
    assert (site.dir / "assets/javascripts/workers" / worker.split("?w=")[1]).exists()


def config_of(html: str) -> dict:
    return json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))


MISSING = ("nothing/", "nothing", "a/b/c/", "a/b/c/x.html")


@pytest.mark.parametrize("lang", LANGS)
def test_404_search_config_points_at_language_index_wherever_it_is_served(deployed_site, lang):
    """A host answers any missing address with the language's 404 page: its search
    base and worker must resolve to the same place at every depth, at the root and
    under a sub-path."""
    site = deployed_site
    html = (site.dir / lang_prefix(lang) / "404.html").read_text(encoding="utf-8")
    config = config_of(html)
    for missing in MISSING:
        here = site.page_url(lang, missing)
        assert urljoin(here, config["base"]) == site.page_url(lang), f"{here}: base {config['base']!r}"
        worker = urljoin(here, config["search"])
        assert worker.startswith(site.url + "assets/javascripts/workers/sim-search.js?w=search."), worker


def test_no_instant_navigation(site):
    html = site.page(DEFAULT_LANG).read_text(encoding="utf-8")
    assert "navigation.instant" not in html


def test_search_partial_differs_from_materials_only_by_the_dialog_name():
    """overrides/partials/search.html is a copy kept for one attribute: when Material
    changes its partial, this shows what to carry over."""
    import material

    ours = (Path(__file__).parents[1] / "overrides/partials/search.html").read_text(encoding="utf-8")
    theirs = (Path(material.__file__).parent / "templates/partials/search.html").read_text(encoding="utf-8")
    strip = lambda t: re.sub(r"\{#-.*?-#\}\n?", "", t, flags=re.S)  # noqa: E731
    ours = strip(ours).replace(' aria-label="{{ lang.t(\'search\') }}">', ">", 1)
    assert ours == strip(theirs)


@pytest.mark.parametrize("lang", LANGS)
def test_search_dialog_has_a_name_in_its_language(site, lang):
    html = site.page(lang).read_text(encoding="utf-8")
    name = re.search(r'<div class="md-search" data-md-component="search" role="dialog" aria-label="([^"]+)">', html)
    assert name, "the search dialog has no accessible name"
    assert name.group(1) == {"zh": "查找", "ru": "Поиск", "en": "Search"}[lang]


# Section ids other pages, the guided start and readers' bookmarks rely on (issues 8, 9).
REQUIRED_IDS = {
    "": ["start", "tasks", "carriers"],
    "leaving/": ["before-you-leave", "already-abroad", "keep-from-abroad", "end-from-abroad", "accounts"],
    "cards/number-keeping/": ["non-use-rule", "porting", "top-up-from-abroad", "cooling-period", "voluntary-block"],
    "cards/physical-sim/": ["steps", "someone-elses-name", "myths", "lost-or-stolen", "refund", "proof"],
    "at-the-counter/": ["questions", "application-termination", "application-refund", "application-filler"],
    **{f"carriers/{c}/": ["contacts", "steps", "refund", "inactivity", "unconfirmed", "sources"]
       for c in ("mts", "beeline", "megafon", "t2")},
    "compare/": ["table", "unconfirmed"],
    "porting/": ["port-number", "before-you-start", "steps", "imei", "unconfirmed", "sources"],
}

# Issue 17: the answers readers asked for (migrant workers, arrivals, debts, scam calls).
for _page, _ids in {
    "rules-for-foreigners/": ["getting-a-sim", "ruid", "new-phone", "reconnect", "passport-renewed",
                              "citizenship", "unconfirmed"],
    "cards/travel-sim/": ["on-arrival"],
    "cards/esim/": ["abroad"],
    "leaving/": ["debt", "messengers-without-sms", "wechat-rebind", "bank-codes-roaming"],
    "cards/physical-sim/": ["scam-calls"],
}.items():
    REQUIRED_IDS.setdefault(_page, []).extend(_ids)


@pytest.mark.parametrize("lang,page", [(l, p) for l in LANGS for p in REQUIRED_IDS],
                         ids=[f"{l}/{p or 'home'}" for l in LANGS for p in REQUIRED_IDS])
def test_required_sections_exist(site, lang, page):
    html = site.page(lang, page).read_text(encoding="utf-8")
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    missing = [i for i in REQUIRED_IDS[page] if i not in ids]
    assert not missing, f"{lang}/{page or 'home'}: missing #{', #'.join(missing)}"


@pytest.mark.parametrize("lang", LANGS)
def test_guided_start_offers_at_least_six_paths(site, lang):
    html = site.page(lang).read_text(encoding="utf-8")
    start = html.split('id="start"', 1)[1].split("<h2", 1)[0]
    targets = {urljoin(site.page_url(lang), h) for h in re.findall(r'<a href="([^"#?]*[^"]*)"', start)}
    assert len(targets) >= 6, f"{lang}: the guided start has {len(targets)} paths"
    assert any("/leaving/" in t for t in targets) and any("checklist/?" in t for t in targets), targets


@pytest.mark.parametrize("lang", LANGS)
def test_guided_start_has_a_path_for_a_worker_who_needs_a_number(site, lang):
    """A foreign worker who needs a working number finds the steps from the home page (issue 17):
    from the guided start, directly or through a section of the home page it links to
    (issue 27: "Just arrived to work or study?" sits above it)."""
    html = site.page(lang).read_text(encoding="utf-8")

    def links(section_id: str) -> set[str]:
        part = html.split(f'id="{section_id}"', 1)[1].split("<h2", 1)[0]
        return {urljoin(site.page_url(lang), h) for h in re.findall(r'<a href="([^"]+)"', part)}

    targets = links("start")
    for hop in [t for t in targets if t.startswith(site.page_url(lang) + "#")]:
        targets |= links(hop.split("#", 1)[1])
    wanted = site.page_url(lang, "rules-for-foreigners/") + "#getting-a-sim"
    assert wanted in targets, f"{lang}: no path from the guided start to {wanted}"
