"""Facts: one value everywhere, rendered correctly in each language, marked by confidence."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from tests.conftest import DOCS, LANGS, PAGES, ROOT, load_hook

FACT_MARKER = re.compile(r"\[\[\s*fact:([^\]\s|]+)(?:\|([a-z]+))?\s*\]\]")


hook = load_hook("facts.py", "facts_hook")
DATA = hook.facts_data.load(DOCS / "_data" / "facts.yml")


def spaces(text: str) -> str:
    """Every kind of space (NBSP, narrow NBSP from Babel) as a plain space."""
    return re.sub(r"[\u00a0\u202f\u2009]", " ", text)


class FactSpans(HTMLParser):
    """Collects each rendered fact: key, confidence, text, hrefs, check-mark href."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.facts, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.stack:
            self.stack[-1]["depth"] += 1
            if tag == "a":
                cls = attrs.get("class") or ""
                key = "check" if "sim-check" in cls else "hrefs"
                self.stack[-1][key].append(attrs.get("href"))
        elif tag == "span" and "sim-fact" in (attrs.get("class") or ""):
            self.stack.append({"key": attrs["data-fact"], "confidence": attrs["data-confidence"],
                               "text": "", "hrefs": [], "check": [], "depth": 0})

    def handle_endtag(self, tag):
        if self.stack:
            if self.stack[-1]["depth"] == 0:
                self.facts.append(self.stack.pop())
            else:
                self.stack[-1]["depth"] -= 1

    def handle_data(self, data):
        if self.stack:
            self.stack[-1]["text"] += data


def rendered(site, lang, page):
    parser = FactSpans()
    parser.feed(site.page(lang, page).read_text(encoding="utf-8"))
    return parser.facts


EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
RU_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
               "сентября", "октября", "ноября", "декабря"]


def expected_text(fact, lang) -> str:
    """An independent statement of how each kind must read (spaces normalised)."""
    kind, value = fact["kind"], fact["value"]
    if kind in ("phone", "ussd", "text"):
        return value
    if kind == "url":
        return fact.get("label", value)
    if kind == "date":
        return {
            "zh": f"{value.year}年{value.month}月{value.day}日",
            "ru": f"{value.day} {RU_GENITIVE[value.month - 1]} {value.year} г.",
            "en": f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}",
        }[lang]
    if kind == "count":
        return str(value["n"])  # the unit's plural is tested in test_russian_plurals
    if kind == "rub":
        return {"zh": "卢布", "ru": "₽", "en": "RUB"}[lang]
    raise AssertionError(kind)


CASES = [(lang, page) for lang in LANGS for page in PAGES]


@pytest.mark.parametrize("lang,page", CASES, ids=[f"{l}/{p or 'home'}" for l, p in CASES])
def test_rendered_facts_match_data(site, lang, page):
    for item in rendered(site, lang, page):
        fact = DATA["facts"][item["key"]]
        where = f"{lang}/{page or 'home'} {item['key']}"
        assert fact["confidence"] != "low", f"{where}: low-confidence fact rendered"
        assert item["confidence"] == fact["confidence"], where
        text = spaces(item["text"])
        if fact["kind"] in ("phone", "ussd"):
            want = "tel:" + re.sub(r"[^0-9+*#]", "", fact["value"]).replace("#", "%23")
            assert item["hrefs"] == [want], f"{where}: tel link {item['hrefs']}"
        if fact["kind"] == "url":
            assert item["hrefs"] == [fact["value"]], where
        forced = None  # facts in Russian forms are rendered in Russian on every page
        want_text = expected_text(fact, lang)
        if want_text not in text:
            forced = expected_text(fact, "ru")
            assert forced in text, f"{where}: '{want_text}' not in '{text}'"
        if fact["confidence"] == "medium":
            carrier = fact.get("carrier")
            site_url = DATA["facts"][DATA["carriers"][carrier]["site"]]["value"] if carrier else fact["source"]
            assert item["check"] == [site_url], f"{where}: medium fact without a check mark to {site_url}"
        else:
            assert item["check"] == [], f"{where}: high fact carries a check mark"


def test_every_marker_in_docs_names_a_renderable_fact():
    problems = []
    for path in sorted(DOCS.rglob("*.md")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for key, _ in FACT_MARKER.findall(line):
                fact = DATA["facts"].get(key)
                if fact is None or fact["confidence"] == "low":
                    problems.append(f"{path.relative_to(ROOT)}:{n}: {key}")
    assert not problems, "\n".join(problems)


LOW = {k: f["value"] for k, f in DATA["facts"].items() if f["confidence"] == "low"}
MARKERS = re.compile(r"\[\[[^\]]*\]\]")


def digits_of(text: str) -> str:
    """Text with tags dropped and separators inside numbers removed: an independent
    restatement of what a reader would see as one number (8 800 700-06-11,
    *110*09#, <em>152</em>2# all become plain digits)."""
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"(?<=\d)[^\w<>\n]{1,3}(?=\d)", "", text)


LOW_DIGITS = {key: re.sub(r"\D", "", str(value)) for key, value in LOW.items()}


def states_low_value(text: str) -> list[str]:
    runs = digits_of(text)
    return [key for key, value in LOW.items()
            if str(value) in text or re.search(rf"(?<!\d){LOW_DIGITS[key]}(?!\d)", runs)]


def test_low_value_detector_catches_codes_in_any_markup():
    assert set(LOW) >= {"mts.subscriptions", "beeline.tollfree"}, "the data records the refused values"
    assert states_low_value("list them: <em>152</em>2#") == ["mts.subscriptions"]
    assert states_low_value("dial \\*152\\*2#") == ["mts.subscriptions"]
    assert states_low_value("call 8 800 700-06-11") == ["beeline.tollfree"]
    assert states_low_value("the year 2025, 90 days, *100#") == []


@pytest.mark.parametrize("lang", LANGS)
def test_low_confidence_values_appear_nowhere_in_markdown(lang):
    problems = []
    for path in sorted((DOCS / lang).rglob("*.md")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for key in states_low_value(MARKERS.sub(" ", line)):
                problems.append(f"{path.relative_to(ROOT)}:{n}: {key}")
    assert not problems, "\n".join(problems)


def test_low_confidence_values_appear_nowhere_in_the_built_site(site):
    problems = []
    for html in site.dir.rglob("*.html"):
        body = html.read_text(encoding="utf-8")
        body = re.sub(r"<(script|style)\b.*?</\1>", "", body, flags=re.S)
        problems += [f"{html.relative_to(site.dir)}: {key}" for key in states_low_value(spaces(body))]
    assert not problems, "\n".join(problems)


def test_facts_data_is_valid():
    hook.load(DOCS / "_data" / "facts.yml")  # raises PluginError naming the bad entry


@pytest.mark.parametrize("n,unit,text", [
    (1, "day", "1 день"), (2, "day", "2 дня"), (5, "day", "5 дней"), (11, "day", "11 дней"),
    (21, "day", "21 день"), (22, "hour", "22 часа"), (24, "hour", "24 часа"),
    (72, "hour", "72 часа"), (90, "day", "90 дней"), (3, "month", "3 месяца"),
    (10, "number", "10 номеров"), (20, "number", "20 номеров"), (111, "day", "111 дней"),
])
def test_russian_plurals(n, unit, text):
    assert spaces(hook.format_count({"n": n, "unit": unit}, "ru")) == text


def test_money_formats():
    value = {"min": 30000, "max": 50000}
    assert hook.format_rub(value, "ru") == "30\u00a0000–50\u00a0000\u00a0₽"
    assert hook.format_rub(value, "en") == "RUB 30,000–50,000"
    assert hook.format_rub(value, "zh") == "30,000–50,000 卢布"


def test_a_russian_date_at_the_end_of_a_sentence_has_one_full_stop(site):
    """«…до 1 июля 2025 г.» ends the sentence with the abbreviation's period, never «г..»;
    the hook's rule, and every Russian page of the build."""
    assert hook.ABBREVIATED_END.sub(r"\1", "до <span>1 июля 2025\u202fг.</span>. Дальше") == \
        "до <span>1 июля 2025\u202fг.</span> Дальше"
    assert hook.ABBREVIATED_END.sub(r"\1", "<span>2025\u202fг.</span>, и") == "<span>2025\u202fг.</span>, и"
    doubled, ended = [], 0
    for page in (site.dir / "ru").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        doubled += [f"{page.relative_to(site.dir)}: {m.group(0)}"
                    for m in re.finditer(r".{30}г\.</span>\.(?!\.)", html)]
        ended += len(re.findall(r"г\.</span> [А-ЯЁ]", html))
    assert not doubled, doubled[:5]
    assert ended, "no date closes a sentence on the Russian pages: nothing was checked"


def test_date_formats():
    day = dt.date(2025, 7, 1)
    assert hook.format_date(day, "zh") == "2025年7月1日"
    assert spaces(hook.format_date(day, "ru")) == "1 июля 2025 г."
    assert hook.format_date("2025-10", "ru") == "октябрь 2025\u202fг."
    assert hook.format_date("2025-10", "en") == "October 2025"
    assert hook.format_date("2025-10", "zh") == "2025年10月"
    assert hook.format_date(day, "en") == "1 July 2025"


@pytest.mark.parametrize("lang,page", CASES, ids=[f"{l}/{p or 'home'}" for l, p in CASES])
def test_sources_section_and_last_reviewed(site, lang, page):
    html = site.page(lang, page).read_text(encoding="utf-8")
    assert 'id="sources"' in html, f"{lang}/{page}: no Sources section"
    after = html.split('id="sources"', 1)[1]
    assert 'class="sim-source"' in after, f"{lang}/{page}: Sources section cites nothing"
    reviewed = re.findall(r'class="sim-reviewed" data-reviewed="([\d-]+)"', html)
    others = [re.findall(r'class="sim-reviewed" data-reviewed="([\d-]+)"',
                         site.page(l, page).read_text(encoding="utf-8")) for l in LANGS]
    assert len(reviewed) == 1 and all(o == reviewed for o in others), f"{page}: last reviewed differs"


@pytest.mark.parametrize("lang", LANGS)
def test_sources_say_what_was_done_with_them(site, lang):
    """'read by us on <date> in an archived copy' — or, for an official site cited as the
    place to confirm marked values, only that — never a bare 'checked' that reads
    like a live check."""
    read = {"zh": "存档副本", "ru": "в архивной копии", "en": "in an archived copy"}[lang]
    confirm = {"zh": "请在此核实", "ru": "здесь проверьте", "en": "confirm the values marked"}[lang]
    html = site.page(lang, "carriers/mts/").read_text(encoding="utf-8")
    cited = re.findall(r'<a class="sim-source" data-source="([^"]+)"[^>]*>.*?</a>([^<]*)', html)
    assert cited, "no source cited"
    for key, after in cited:
        src = DATA["sources"][key]
        if src.get("role") == "confirm":
            assert confirm in after and read not in after, f"{key}: {after!r}"
        else:
            assert read in after, f"{key}: {after!r}"
            assert spaces(hook.format_date(src["checked"], lang)) in spaces(after), f"{key}: {after!r}"


def test_check_and_inference_marks_render_with_their_links(site):
    html = site.page("en", "carriers/t2/").read_text(encoding="utf-8")
    marks = re.findall(r'<a class="sim-check" href="([^"]+)"[^>]*><span aria-hidden="true">⚠</span> ([^<]+)</a>', html)
    assert ("https://t2.ru/", "check with T2") in marks
    ru = site.page("ru", "carriers/beeline/").read_text(encoding="utf-8")
    assert "уточните у Билайна</a>" in ru
    inference = re.findall(r'<a class="sim-inference" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert inference and all(h.endswith("about/#our-inference") for h, _ in inference), inference
    assert {t for _, t in inference} == {"our inference"}


# -- what a build keeps between languages, and `make serve` between rebuilds ---------


def test_facts_kept_per_process_are_read_again_when_the_file_changes(tmp_path):
    path = tmp_path / "facts.yml"
    text = (DOCS / "_data" / "facts.yml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    first = hook.facts_data.load(path)
    first["facts"]["mts.short"]["value"] = "changed by a caller"
    again = hook.facts_data.load(path)
    assert again["facts"]["mts.short"]["value"] == DATA["facts"]["mts.short"]["value"], \
        "a caller's change to the loaded data leaked into the next load"
    old = f'value: "{DATA["facts"]["mts.short"]["value"]}"'
    assert old in text
    path.write_text(text.replace(old, 'value: "0999"', 1), encoding="utf-8")
    assert hook.facts_data.load(path)["facts"]["mts.short"]["value"] == "0999"
    path.write_text(text.replace(old, 'value: "0999"\n    value: "0998"', 1), encoding="utf-8")
    with pytest.raises(hook.facts_data.FactsError, match="duplicate key"):
        hook.facts_data.load(path)  # an edit that breaks the file is still caught


def test_templates_compiled_once_are_compiled_again_when_their_source_changes():
    from jinja2 import DictLoader, Environment

    ui = load_hook("ui.py", "ui_hook")
    sources = {"page.html": "first {{ x }}"}
    envs = [Environment(loader=DictLoader(sources)) for _ in range(3)]
    for env in envs:
        ui.on_env(env, None, None)
    assert envs[0].get_template("page.html").render(x=1) == "first 1"
    assert ui._BYTECODE.code, "nothing was kept"
    assert envs[1].get_template("page.html").render(x=2) == "first 2"  # from the kept code
    sources["page.html"] = "second {{ x }}"
    assert envs[2].get_template("page.html").render(x=3) == "second 3"


# -- a rule's status and the date it was true (issue 25) --------------------------------


RULE = "  ruid.from:\n    kind: date\n"


@pytest.mark.parametrize("old, new, message", [
    ("    status: in-force\n    as_of: 2025-10-13\n", "    status: adopted\n    as_of: 2025-10-13\n",
     "ruid.from: status must be one of announced, proposed, in-force, reported"),
    ("    status: in-force\n    as_of: 2025-10-13\n", "    status: in-force\n",
     "ruid.from: a rule's fact gives both 'status' and 'as_of'"),
    ("    status: in-force\n    as_of: 2025-10-13\n", "    status: in-force\n    as_of: 2025-02-30\n",
     "ruid.from: as_of: '2025-02-30' is not a real date"),
    ("    status: in-force\n    as_of: 2025-10-13\n", "",
     "ruid.from: a fact that states a rule (its key starts with foreigners., citizens., ruid."),
])
def test_a_rule_fact_with_a_wrong_or_missing_status_is_named_with_its_line(tmp_path, old, new, message):
    """The build's own loader (on_config) names the key and the line of a wrong status,
    of status without as_of, of an impossible as_of, and of a rule fact without them."""
    text = (DOCS / "_data" / "facts.yml").read_text(encoding="utf-8")
    start = text.index(RULE)
    at = text.index(old, start)
    path = tmp_path / "facts.yml"
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    with pytest.raises(hook.facts_data.FactsError) as err:
        hook.facts_data.load(path)
    msg = str(err.value)
    assert message in msg, msg
    lines = path.read_text(encoding="utf-8").splitlines()
    line = int(msg.split(":")[1])
    assert lines[line - 1].strip().startswith(("ruid.from:", "status:", "as_of:")), (line, lines[line - 1])


def test_a_number_keeps_checked_only_and_every_rule_fact_has_a_status():
    """A carrier's numbers, codes and prices carry no status; each fact whose key
    names a rule carries one, with the date it was true, not after we checked it."""
    prefixes = hook.facts_data.RULE_PREFIXES
    for key, fact in DATA["facts"].items():
        if key.startswith(prefixes):
            assert fact["status"] in hook.facts_data.STATUSES, key
            assert fact["as_of"] <= fact["checked"], key
        if fact.get("carrier") or fact["kind"] in ("phone", "ussd", "url"):
            assert "status" not in fact and "as_of" not in fact, f"{key}: a number, code or price keeps checked only"
