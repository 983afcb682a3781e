"""Findability in the browser (issues 17 and 26): whole-word highlights on the page
opened from a search result (sim-highlight.js) and in the result list, a highlight
that cannot garble the page, the "On this page" list on a phone, and the readers'
words in the query normaliser."""

from __future__ import annotations

import pytest

from tests.conftest import LANGS, ROOT, lang_prefix
from tools.search_driver import search

WORKERS = ROOT / "overrides" / "assets" / "javascripts" / "workers"

# For each mark: the character before it, its text, the character after it.
MARKS = """(sel) => [...document.querySelectorAll(sel)].map(m => {
  const before = (m.previousSibling && m.previousSibling.nodeType === 3) ? m.previousSibling.textContent.slice(-1) : "";
  const after = (m.nextSibling && m.nextSibling.nodeType === 3) ? m.nextSibling.textContent.charAt(0) : "";
  return [before, m.textContent, after];
})"""


def letter(ch: str) -> bool:
    return bool(ch) and ch.isalnum()


def test_page_opened_from_a_result_highlights_whole_words_only(site, clean_page):
    """«новый» is stemmed to "нов": the home page's «Новый телефон … обновите договор»
    must light up «Новый» whole and leave «обновите» alone."""
    page, rec = clean_page
    page.goto(site.page_url("ru") + "?h=%D0%BD%D0%BE%D0%B2", wait_until="load")  # h=нов
    page.wait_for_selector("article mark[data-sim-highlight]")
    marks = page.evaluate(MARKS, "article mark[data-sim-highlight]")
    assert marks, "nothing highlighted"
    inside = [m for m in marks if letter(m[0]) or letter(m[2])]
    assert not inside, f"fragments highlighted: {inside}"
    assert "Новый" in [m[1] for m in marks], marks
    text = page.locator("article").inner_text()
    assert "обновите" in text  # the word is still there, unmarked
    assert not rec.console_errors


def test_chinese_terms_are_marked_wherever_they_occur(site, clean_page):
    page, rec = clean_page
    page.goto(site.page_url("zh", "porting/") + "?h=%E8%BD%AC%E7%BD%91", wait_until="load")  # h=转网
    page.wait_for_selector("article mark[data-sim-highlight]")
    marks = page.evaluate(MARKS, "article mark[data-sim-highlight]")
    assert marks and all(m[1] == "转网" for m in marks), marks
    assert not rec.console_errors


ARTICLE = "() => [document.querySelector('article').innerText, document.querySelectorAll('article mark').length]"


@pytest.mark.parametrize("h", ["quot", "%26", "%20", "amp", "%3Cb%3E", "%2339", "q", "%E8%BD"])
def test_a_highlight_never_changes_the_text_nor_marks_what_is_not_a_word(site, clean_page, h):
    """Material's highlight escaped the text and replaced inside the HTML: ?h=quot showed
    `&quot;` on the page and ?h=%20 inserted 20,032 marks. Now the text stays as it is,
    and a term that is no word of the page (or shorter than two characters, or not
    text at all) marks nothing."""
    page, rec = clean_page
    url = site.page_url("en", "at-the-counter/")
    page.goto(url, wait_until="load")
    text, marks = page.evaluate(ARTICLE)
    assert marks == 0 and '"' in text, "the page should show quotation marks to garble"
    page.goto(url + "?h=" + h, wait_until="load")
    page.wait_for_timeout(100)
    after, marks = page.evaluate(ARTICLE)
    assert after == text, f"?h={h} changed the page's text"
    assert marks == 0, f"?h={h} inserted {marks} marks"
    assert not rec.console_errors


def test_a_number_is_marked_only_where_the_page_writes_it(site, clean_page):
    """?h=39 showed `&#39;` as text under Material's highlight; now the text stays, and
    a mark, if any, is a number of the page that starts with 39."""
    page, rec = clean_page
    url = site.page_url("en", "at-the-counter/")
    page.goto(url, wait_until="load")
    text, _ = page.evaluate(ARTICLE)
    page.goto(url + "?h=39", wait_until="load")
    page.wait_for_timeout(100)
    after, _ = page.evaluate(ARTICLE)
    assert after == text
    marks = page.evaluate(MARKS, "article mark[data-sim-highlight]")
    assert all(m[1].startswith("39") and not letter(m[0]) for m in marks), marks


def test_marks_are_capped(site, clean_page):
    page, rec = clean_page
    page.goto(site.page_url("en", "cards/physical-sim/") + "?h=the+a+to+sim+number+contract", wait_until="load")
    page.wait_for_selector("article mark[data-sim-highlight]")
    count = page.evaluate("document.querySelectorAll('article mark').length")
    assert 20 <= count <= 50, count


@pytest.mark.parametrize("lang,query", [("ru", "новый телефон"), ("en", "deactivated"), ("ru", "номера")])
def test_result_list_marks_whole_words(site, clean_page, lang, query):
    page, rec = clean_page
    page.goto(site.page_url(lang), wait_until="load")
    search(page, query)
    marks = page.evaluate(MARKS, ".md-search-result mark")
    assert marks, f"'{query}': no highlighted term in the results"
    inside = [m for m in marks if letter(m[0]) or letter(m[2])]
    assert not inside, f"'{query}': fragments highlighted in the results: {inside}"


@pytest.mark.parametrize("width,shown", [(390, True), (1280, False)])
def test_on_this_page_list_shows_on_phones_only(site, clean_page, width, shown):
    page, _ = clean_page
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(site.page_url("en", "carriers/mts/"), wait_until="load")
    toc = page.locator("article nav.sim-toc")
    assert toc.is_visible() is shown
    if shown:
        # right under the H1 and its review date, before the first paragraph, and its
        # links jump to the sections
        follows_h1 = page.evaluate("""() => {
            let next = document.querySelector('article h1').nextElementSibling;
            if (next.matches('[data-freshness]')) next = next.nextElementSibling;
            return next.matches('nav.sim-toc'); }""")
        assert follows_h1
        toc.locator("a[href='#refund']").click()
        assert page.evaluate("location.hash") == "#refund"
        top = page.evaluate("document.getElementById('refund').getBoundingClientRect().top")
        assert 0 <= top < 300, top


@pytest.fixture(scope="module")
def js(browser, site):
    """The normaliser with lunr's Russian and English stemmers, and the synonyms
    as the build hands them over (the index's config)."""
    import json
    context = browser.new_context()
    page = context.new_page()
    page.goto(site.url + "404.html")
    assets = site.dir / "assets" / "javascripts"
    material = next((assets / "workers").glob("search.*.min.js"))
    for script in (material, assets / "lunr/min/lunr.stemmer.support.min.js",
                   assets / "lunr/min/lunr.ru.min.js", WORKERS / "sim-query.js"):
        page.add_script_tag(content=script.read_text(encoding="utf-8"))
    synonyms = {}
    for lang in LANGS:
        prefix = lang_prefix(lang)
        index = json.loads((site.dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        synonyms[lang] = index["config"]["synonyms"]
    page.evaluate("""(syn) => {
      const wrap = (f) => (w) => String(f(new lunr.Token(w, {})));
      window.opts = {
        ru: { stem: wrap(lunr.ru.stemmer), isStop: (w) => !lunr.ru.stopWordFilter(new lunr.Token(w, {})), synonyms: syn.ru },
        en: { stem: wrap(lunr.stemmer), isStop: (w) => !lunr.stopWordFilter(new lunr.Token(w, {})), synonyms: syn.en },
        zh: { vocabulary: new Set(["注销", "国外", "境外", "冷却期", "携号转网", "怎么", "远程", "营业厅"]), synonyms: syn.zh },
      };
    }""", synonyms)
    yield lambda query, lang: page.evaluate("([q, l]) => SimQuery.normalise(q, window.opts[l])", [query, lang])
    context.close()


@pytest.mark.parametrize("lang,query,added", [
    ("zh", "远程销号", {"注销"}),
    ("zh", "网络静默期", {"冷却期"}),
    ("zh", "怎么转网", {"携号转网"}),
    ("ru", "симку", {"sim"}),
    ("ru", "закрыть номер", {"расторгнут"}),
    ("ru", "за рубежом", {"границ"}),
    ("en", "number deactivated", {"non", "us"}),  # "non-use", stemmed as the index is
    ("en", "close my number", {"end"}),
    # issue 26: the readers' words it names
    ("en", "phone shop", {"offic"}),
    ("ru", "не сдал биометрию", {"сдава", "сдач"}),
    ("ru", "офис мтс", {"салон"}),
    ("zh", "门店", {"营业厅"}),
])
def test_readers_words_add_the_pages_words(js, lang, query, added):
    terms = set(js(query, lang).split())
    assert added <= terms, f"{query!r} -> {terms}"


def test_an_unknown_chinese_word_is_replaced_not_cut_into_characters(js):
    # 销号 is not in this vocabulary: its characters alone would match everything
    assert set(js("销号", "zh").split()) == {"注销"}
