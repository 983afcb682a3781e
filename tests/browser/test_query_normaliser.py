"""The query normaliser (overrides/assets/javascripts/workers/sim-query.js) on its own,
in Chromium, with lunr's real Russian and English stemmers and stop-word filters."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import ROOT

WORKERS = ROOT / "overrides" / "assets" / "javascripts" / "workers"


@pytest.fixture(scope="module")
def js_page(browser, site):
    """A page with lunr (from Material's worker bundle), lunr.ru and the normaliser."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site.url + "404.html")
    assets = site.dir / "assets" / "javascripts"
    material = next((assets / "workers").glob("search.*.min.js"))
    for script in (material, assets / "lunr/min/lunr.stemmer.support.min.js",
                   assets / "lunr/min/lunr.ru.min.js", assets / "workers" / "sim-query.js"):
        # the built script (its comment lines stripped by the search hook) is the one tested
        page.add_script_tag(content=script.read_text(encoding="utf-8"))
    page.evaluate("""() => {
      const wrap = (f) => (w) => String(f(new lunr.Token(w, {})));
      window.opts = {
        ru: { stem: wrap(lunr.ru.stemmer), isStop: (w) => !lunr.ru.stopWordFilter(new lunr.Token(w, {})) },
        en: { stem: wrap(lunr.stemmer), isStop: (w) => !lunr.stopWordFilter(new lunr.Token(w, {})) },
        zh: { vocabulary: new Set(["怎么", "注销", "保号", "国外", "删除", "合约"]) },
        none: {},
      };
    }""")
    yield page
    context.close()


@pytest.fixture(scope="module")
def js(js_page):
    return lambda query, lang="none": js_page.evaluate(
        "([q, l]) => SimQuery.normalise(q, window.opts[l])", [query, lang])


@pytest.mark.parametrize("query,expected", [
    ("договора", "договор"),
    ("Договоров", "договор"),
    ("номера", "номер"),
    ("номеров", "номер"),
    ("сим-карты", "сим карт"),
    ("доверенности", "доверен"),
])
def test_russian_word_forms_meet_their_stem(js, query, expected):
    assert js(query, "ru") == expected
    # the index side stems with the same function: the base form gives the same stem
    assert js(expected, "ru").startswith(expected[:3])


def test_russian_case_of_a_name_folds_to_the_one_term_of_the_name(js):
    # the index folds every form of the name to the same term (sim-search.js)
    assert js("МегаФоне", "ru") == "megafon"


@pytest.mark.parametrize("lang,query,expected", [
    ("ru", "мтс mts МТС", "mts"),
    ("ru", "перенос номера МТС MTS", "перенос номер mts"),
    ("en", "Tele2 T2 теле2 т2", "t2"),
    ("zh", "МТС MTS 注销", "mts 注销"),
])
def test_a_name_typed_in_several_forms_is_one_term(js, lang, query, expected):
    assert js(query, lang) == expected


@pytest.mark.parametrize("query,expected", [
    ("паспарт", "паспарт паспарт~1"),        # five letters or more, nothing starts with it
    ("банк", "банк"),                         # four letters: as typed
    ("мегафоне", "megafon"),                  # a name is never fuzzy
    ("как", "как"),                           # a stop word alone stays, not fuzzy
])
def test_a_long_unknown_word_is_also_sought_with_one_typo(js_page, query, expected):
    out = js_page.evaluate("""(q) => SimQuery.normalise(q, Object.assign({}, window.opts.ru,
        { known: () => false, fuzzy: true }))""", query)
    assert out == expected


def test_a_readers_word_is_not_sought_with_typos(js_page):
    out = js_page.evaluate("""(q) => SimQuery.normalise(q, Object.assign({}, window.opts.ru,
        { known: () => false, fuzzy: true, synonyms: { "симка": ["sim"] } }))""", "симка")
    assert "~" not in out and "sim" in out.split(), out


def test_a_known_word_is_not_sought_with_typos(js_page):
    out = js_page.evaluate("""(q) => SimQuery.normalise(q, Object.assign({}, window.opts.ru,
        { known: () => true, fuzzy: true }))""", "паспорта")
    assert out == "паспорт"


def test_russian_stop_words_are_dropped_unless_nothing_remains(js):
    assert js("как расторгнуть договор", "ru").split()[-1] == "договор"
    assert "как" not in js("как расторгнуть договор", "ru").split()
    assert js("как", "ru") == "как"


@pytest.mark.parametrize("query,expected", [
    ("MTS怎么注销", "mts 注销"),                # 怎么: a question word, dropped
    ("删除eSIM", "删除 esim"),
    ("在国外保号", "在 国外 保号"),
    ("ＭＴＳ", "mts"),
    ("«МТС»!", "mts"),
    ("Т2", "t2"),
    ("есим", "esim"),
    ("怎么", "怎么"),                          # alone, the question word stays
])
def test_mixed_scripts_names_and_chinese_segmentation(js, query, expected):
    assert js(query, "zh") == expected


def test_numbers_and_codes_keep_their_shape(js):
    assert js("*100#") == "*100#"
    assert js("+7 495 766-01-66") == "7 495 766 01 66"
    assert js("0890") == "0890"


def test_english_stemming(js):
    assert js("cancelling refunds", "en") == "cancel refund"


@pytest.mark.parametrize("query", [
    "", "   ", "!!!???…", "***", "*#", "\"\"", "+-~^:", "((()))", "\u200b\u200b",
    None, 42, "a" * 500, "保" * 500, "договора " * 60, "MTS怎么注销" * 50,
])
@pytest.mark.parametrize("lang", ["ru", "en", "zh", "none"])
def test_odd_queries_never_throw(js, query, lang):
    result = js(query, lang)
    assert isinstance(result, str)
    assert len(result) <= 2 * 200 + 50  # the query is capped before it is processed
    assert not re.search(r"[~^:+\-\"()]", result), f"lunr query syntax left in {result!r}"


def test_empty_and_symbol_only_queries_become_empty(js):
    for query in ("", "   ", "!!!???…", "***", "\"\"", "((()))"):
        assert js(query, "ru") == "", json.dumps(query)


# Every own and inherited property name a JavaScript object can have: a word that
# names one must be looked up as a word, never found as a property.
PROPERTY_NAMES_JS = """() => {
  const owners = [Object.prototype, Function.prototype, Array.prototype, String.prototype,
    Number.prototype, Boolean.prototype, Symbol.prototype, RegExp.prototype, Date.prototype,
    Promise.prototype, Map.prototype, Set.prototype, WeakMap.prototype, Error.prototype,
    Object, Function, Array, String, Number, Math, JSON, Reflect, globalThis];
  const names = new Set(["__proto__", "constructor", "prototype", "__defineGetter__"]);
  for (const owner of owners) {
    for (let o = owner; o; o = Object.getPrototypeOf(o)) {
      Object.getOwnPropertyNames(o).forEach((n) => names.add(n));
    }
  }
  return [...names];
}"""


def dictionary_sample(site, lang: str, every: int = 7, limit: int = 400) -> list[str]:
    """A fixed sample of the words of a language's search index, and the jieba user
    dictionary's words."""
    import json as _json

    from tests.conftest import lang_prefix

    index = _json.loads((site.dir / lang_prefix(lang) / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(d["title"] + " " + re.sub(r"<[^>]*>", " ", d["text"]) for d in index["docs"])
    words = sorted(set(re.split(r"[\s\u200b\u3000,.;:!?()\[\]«»“”\"'、。，：；！？（）]+", text)) - {""})
    jieba = (ROOT / "docs" / "_data" / "jieba-user-dict.txt").read_text("utf-8").split("\n")
    return words[::every][:limit] + [line.split()[0] for line in jieba if line.strip()]


@pytest.mark.parametrize("lang", ["ru", "en", "zh", "none"])
def test_property_names_and_dictionary_words_never_throw_and_stay_words(js_page, site, lang):
    """Property-style: for every property name of a JavaScript object (as typed, in
    lower and upper case, with a prefix and a suffix, twice) and a sample of the
    dictionary words, the normaliser returns a string, without throwing, and never
    an empty one for a query that holds a letter or a digit."""
    names = js_page.evaluate(PROPERTY_NAMES_JS)
    assert "constructor" in names and "hasOwnProperty" in names and "flatMap" in names, names[:20]
    words = dictionary_sample(site, "zh" if lang == "none" else lang)
    queries = []
    for name in names + words:
        queries += [name, name.lower(), name.upper(), "mts " + name, name + " 注销", f"{name} {name}"]
    failures = js_page.evaluate("""([queries, lang]) => {
      const bad = [];
      for (const q of queries) {
        let out;
        try { out = SimQuery.normalise(q, window.opts[lang]); }
        catch (e) { bad.push([q, 'threw ' + e]); continue; }
        if (typeof out !== 'string') bad.push([q, 'returned ' + typeof out]);
        else if (/[\\p{L}\\p{N}]/u.test(q) && !out.trim()) bad.push([q, 'returned nothing']);
      }
      return bad;
    }""", [queries, lang])
    assert not failures, f"{len(failures)} of {len(queries)} queries: {failures[:10]}"


# -- Result text cut to its first lines (issue 26: drawing whole sections cost most of
# a query's time on a phone) ---------------------------------------------------------

TRIM_JS = """([html, max]) => {
  const out = SimQuery.trimHtml(html, max);
  const box = document.createElement('div');
  box.innerHTML = out;
  const hidden = [...box.querySelectorAll('span[hidden] mark')].map(m => m.textContent);
  box.querySelectorAll('span[hidden]').forEach(s => s.remove());
  return { out, shown: box.textContent, hidden, reparsed: box.innerHTML === out.replace(/<span hidden>.*<\\/span>$/, '') };
}"""


def test_a_long_result_text_is_cut_at_a_word_with_its_tags_closed(js_page):
    html = ("<p>Leaving Russia does not end the <mark>contract</mark>. It keeps running &amp; "
            "your fees keep being charged.</p><ul><li>Your application in the office.</li>"
            "<li>Non-use of the <mark>number</mark> for 90 days.</li></ul>")
    got = js_page.evaluate(TRIM_JS, [html, 60])
    assert got["reparsed"], got["out"]  # every tag it opened is closed, nothing left dangling
    assert got["shown"].endswith("…") and len(got["shown"]) <= 61, got["shown"]
    assert got["shown"][:-1].endswith(("running", "&", "your", "fees")), got["shown"]  # a whole word
    assert "contract" in got["shown"]
    assert got["hidden"] == ["number"], got  # marked after the cut: kept for the result's ?h=


def test_an_entity_is_never_split_and_a_short_text_is_untouched(js_page):
    html = "<p>" + "a" * 9 + "&amp;&quot;b</p>"
    got = js_page.evaluate(TRIM_JS, [html, 10])
    assert "&am" not in got["out"].replace("&amp;", ""), got["out"]
    short = "<p>MTS <mark>esim</mark> &amp; SIM</p>"
    assert js_page.evaluate("([h]) => SimQuery.trimHtml(h, 320)", [short]) == short


def test_chinese_result_text_is_cut_by_characters(js_page):
    html = "<p>" + "离开俄罗斯前先注销号码" * 40 + "<mark>保号</mark></p>"
    got = js_page.evaluate(TRIM_JS, [html, 50])
    assert len(got["shown"]) == 51 and got["shown"].endswith("…"), got["shown"]
    assert got["hidden"] == ["保号"]
