"""Findability (issue 17): porting has its own page, carrier pages name the carrier
and lead to every goal, the new-phone fix is reachable from the home and rules
pages, link texts say where they lead, long pages list their sections under the H1,
and the readers' words file is well formed. Checked on the built pages."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urldefrag

import pytest
import yaml

from tests.conftest import DOCS, LANGS, PAGES, ROOT

def _hook(name: str):
    import importlib.util
    spec = importlib.util.spec_from_file_location(f"{name}_hook", ROOT / "overrides" / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


load_synonyms = _hook("search_split").load_synonyms
GLOSSARY = yaml.safe_load((DOCS / "_data" / "glossary.yml").read_text(encoding="utf-8"))
CARRIERS = ("mts", "beeline", "megafon", "t2")
# A carrier's name as a link text (in any Russian case) leads to that carrier's page,
# the section given by the sentence around it.
CARRIER_NAMES = {n.lower() + end for c in GLOSSARY["carriers"].values() for l in LANGS for n in c[l]["use"]
                 for end in ("", "а", "у", "ом", "е")}
CASES = [(lang, page) for lang in LANGS for page in PAGES]
IDS = [f"{lang}/{page or 'home'}" for lang, page in CASES]


def article(site, lang, page) -> str:
    html = site.page(lang, page).read_text(encoding="utf-8")
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def links(site, lang, page) -> list[tuple[str, str]]:
    """(visible text, absolute target) of every link to this site in the article,
    without the heading permalinks and the "On this page" list."""
    body = re.sub(r'<nav class="sim-toc".*?</nav>', "", article(site, lang, page), flags=re.S)
    base = site.page_url(lang, page)
    out = []
    for attrs, inner in re.findall(r"<a ([^>]*)>(.*?)</a>", body, re.S):
        href = re.search(r'href="([^"]*)"', attrs)
        if not href or "headerlink" in attrs:
            continue
        target = urljoin(base, href.group(1).replace("&amp;", "&"))
        if not target.startswith(site.url):
            continue
        text = re.sub(r"<[^>]+>", "", inner).replace("\u00a0", " ").strip()
        if text:
            out.append((text, target))
    return out


def h1(site, lang, page) -> str:
    inner = re.search(r"<h1[^>]*>(.*?)</h1>", article(site, lang, page), re.S).group(1)
    return re.sub(r"<[^>]+>", "", inner).replace("¶", "").strip()


def href_targets(site, lang, page) -> set[str]:
    return {t for _, t in links(site, lang, page)}


# -- Porting ------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_porting_page_has_the_skeleton_and_the_imei_rule(site, lang):
    html = article(site, lang, "porting/")
    ids = re.findall(r'<h2 id="([^"]+)"', html)
    for required in ("before-you-start", "steps", "imei", "unconfirmed", "sources"):
        assert required in ids, f"{lang}/porting: #{required} missing"
    assert ids[-1] == "sources"
    assert "IMEI" in html
    # the facts and marks of the old section (medium facts carry the check mark)
    for key in ("mts.mnp-earliest", "mts.mnp-latest", "mts.mnp-since-last-port", "megafon.mnp-fee", "mts.mnp-hotline"):
        assert f'data-fact="{key}"' in html, f"{lang}/porting: {key} missing"
    assert 'class="sim-check"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_old_porting_section_points_to_the_porting_page(site, lang):
    html = article(site, lang, "cards/number-keeping/")
    section = html.split('id="porting"', 1)[1].split("<h2", 1)[0]
    targets = {urljoin(site.page_url(lang, "cards/number-keeping/"), h) for h in re.findall(r'href="([^"]+)"', section)}
    assert site.page_url(lang, "porting/") in targets
    assert "mnp-" not in section and len(re.sub(r"<[^>]+>", "", section)) < 600, "the old section should be a short pointer"


@pytest.mark.parametrize("lang", LANGS)
def test_home_leads_to_porting_and_to_the_new_phone_fix(site, lang):
    targets = href_targets(site, lang, "")
    assert site.page_url(lang, "porting/") in targets
    assert site.page_url(lang, "cards/esim/") + "#new-phone" in targets


@pytest.mark.parametrize("lang", LANGS)
def test_rules_page_leads_to_the_new_phone_fix(site, lang):
    assert site.page_url(lang, "cards/esim/") + "#new-phone" in href_targets(site, lang, "rules-for-foreigners/")


# -- Carrier pages --------------------------------------------------------------

@pytest.mark.parametrize("lang,carrier", [(l, c) for l in LANGS for c in CARRIERS])
def test_carrier_page_is_titled_by_the_carrier_and_leads_to_every_goal(site, lang, carrier):
    page = f"carriers/{carrier}/"
    title = h1(site, lang, page)
    names = GLOSSARY["carriers"][carrier][lang]["use"]
    assert any(title.startswith(n) for n in names), f"{lang}/{page}: H1 '{title}' does not start with the carrier"
    targets = href_targets(site, lang, page)
    own = site.page_url(lang, page)
    wanted = {
        "end": own + "#steps",
        "keep": site.page_url(lang, "cards/number-keeping/") + "#steps",
        "port": site.page_url(lang, "porting/"),
        "lost": site.page_url(lang, "cards/physical-sim/") + "#lost-or-stolen",
        "new phone": site.page_url(lang, "cards/esim/") + "#new-phone",
    }
    ids = set(re.findall(r'id="([^"]+)"', article(site, lang, page)))
    missing = [goal for goal, url in wanted.items()
               if url not in targets and not (url.startswith(own + "#") and url.split("#")[1] in ids)]
    assert not missing, f"{lang}/{page}: no way to {missing}"


# -- Link texts ------------------------------------------------------------------

@pytest.mark.parametrize("lang,page", CASES, ids=IDS)
def test_link_texts_name_one_place_each(site, lang, page):
    """The same words never lead to two different places on one page (carrier names
    in per-carrier lists excepted), and no link is named like the page it sits on."""
    seen: dict[str, set[str]] = {}
    for text, target in links(site, lang, page):
        # the questions of the question card are one place: the card
        target = re.sub(r"(/at-the-counter/)#q-[\w-]+$", r"\1#questions", target)
        seen.setdefault(text.lower(), set()).add(target)
    clashes = {t: sorted(v) for t, v in seen.items() if len(v) > 1 and t not in CARRIER_NAMES}
    assert not clashes, f"{lang}/{page or 'home'}: same words, different places: {clashes}"
    title = h1(site, lang, page).lower()
    assert title not in seen, f"{lang}/{page or 'home'}: a link is named like this page ('{title}')"


# -- On this page ----------------------------------------------------------------

@pytest.mark.parametrize("lang,page", CASES, ids=IDS)
def test_long_pages_list_their_sections_under_the_h1(site, lang, page):
    html = article(site, lang, page)
    sections = re.findall(r'<h2 id="([^"]+)"', html)
    # right under the H1 and its review date (the freshness note, issue 15)
    nav = re.search(r'</h1>\s*(?:<p class="sim-freshness".*?</p>\s*)?<nav class="sim-toc"[^>]*>(.*?)</nav>',
                    html, re.S)
    if len(sections) < 4:
        assert not nav, f"{lang}/{page}: short page with a section list"
        return
    assert nav, f"{lang}/{page or 'home'}: no section list right under the H1"
    listed = re.findall(r'<a href="#([^"]+)"', nav.group(1))
    assert listed == sections, f"{lang}/{page}: the list {listed} is not the sections {sections}"
    words = yaml.safe_load((DOCS / "_data" / "ui" / f"{lang}.yml").read_text(encoding="utf-8"))
    assert words["on_this_page"] in nav.group(0)


# -- Readers' words ----------------------------------------------------------------

def test_synonyms_reach_each_language_index(site):
    import json
    data = load_synonyms(DOCS / "_data" / "search-synonyms.yml")
    for lang in LANGS:
        prefix = "" if lang == "zh" else f"{lang}/"
        index = json.loads((site.dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["synonyms"] == data.get(lang, {}), lang
        assert index["config"]["synonyms"], f"{lang}: no readers' words"


@pytest.mark.parametrize("text,error", [
    ("zh: [1, 2]\n", "must map words"),
    ("xx: {a: [b]}\n", "unknown language"),
    ("ru: {симка: []}\n", "non-empty list"),
    ("en: {close: end}\n", "non-empty list"),
    ("- a\n", "must map languages"),
])
def test_malformed_synonyms_file_stops_the_build(tmp_path, text, error):
    from mkdocs.exceptions import PluginError
    path = tmp_path / "search-synonyms.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PluginError, match=error):
        load_synonyms(path)


# -- Readers' questions (issue 26) ------------------------------------------------------

QUESTIONS = yaml.safe_load((ROOT / "tests" / "data" / "reader_questions.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_readers_questions_are_sixty_or_more_split_in_halves_with_a_source(lang):
    cases = QUESTIONS[lang]
    assert len(cases) >= 60, f"{lang}: {len(cases)} questions"
    halves = [c["set"] for c in cases]
    assert set(halves) == {"tune", "test"}, set(halves)
    assert abs(halves.count("tune") - halves.count("test")) <= 1, "the halves are not halves"
    assert len({c["q"] for c in cases}) == len(cases), "a question twice"
    for case in cases:
        assert case["src"] in QUESTIONS["sources"], f"{lang}: '{case['q']}' has no recorded source"
        assert case["pages"] and set(case["pages"]) <= set(PAGES), f"{lang}: '{case['q']}' expects {case['pages']}"


def test_readers_questions_are_not_the_tests_queries():
    typed = {c["q"].lower() for lang in LANGS for c in yaml.safe_load(
        (ROOT / "tests" / "data" / "search_queries.yml").read_text(encoding="utf-8"))[lang]}
    both = [c["q"] for lang in LANGS for c in QUESTIONS[lang] if c["q"].lower() in typed]
    assert not both, both


@pytest.mark.parametrize("lang", LANGS)
def test_index_leaves_out_sources_and_weighs_titles_tenfold(site, lang):
    import json
    prefix = "" if lang == "zh" else f"{lang}/"
    index = json.loads((site.dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].endswith("#sources")]
    assert any(d["location"].endswith("#steps") for d in index["docs"]), "sections are still indexed"
    assert index["config"]["fields"]["title"]["boost"] == 10


def test_synonyms_never_map_a_word_to_a_different_action():
    """The pairs issue 26 names as wrong stay out (a symptom or a place is not an action)."""
    data = load_synonyms(DOCS / "_data" / "search-synonyms.yml")
    assert "расторгнуть" not in data["ru"].get("отключить", [])
    assert "国外" not in data["zh"].get("远程", [])
    for lang, table in data.items():
        for word, others in table.items():
            assert not (word in ("lost", "丢了", "потерял") and {"block", "挂失", "блокировка"} & set(others)), word


def test_the_query_script_loses_only_whole_comment_lines(site):
    """The search hook strips comment lines from the site's own scripts in the built site
    (fewer bytes on every first view); code that holds "//" or "/*" stays as it is."""
    strip = _hook("search_split").strip_comment_lines
    source = ('/* head\n * more */\nvar u = "http://x"; // note\n  // a comment\n'
              'var r = /\\/*a/;\n  /* block\n  still */\nf();\n')
    assert strip(source) == 'var u = "http://x"; // note\nvar r = /\\/*a/;\nf();\n'
    for script in ("workers/sim-query.js", "sim-guide.js", "sim-checklist.js", "sim-forms.js"):
        built = (site.dir / "assets" / "javascripts" / script).read_text(encoding="utf-8")
        original = (ROOT / "overrides" / "assets" / "javascripts" / script).read_text(encoding="utf-8")
        assert len(built) < 0.9 * len(original), script
        assert not [l for l in built.splitlines() if l.strip().startswith(("//", "/*", "* "))], script
    assert not [line for line in built.splitlines() if line.strip().startswith(("//", "/*", "* "))]
