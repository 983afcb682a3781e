"""Render facts and sources from docs/_data/facts.yml into pages.

Markers, usable anywhere in a page's Markdown:

    [[fact:mts.short]]          a fact, rendered in the page's language
    [[source:rbc-2024-01-26]]   a citation for the Sources section
    [[fact:decree59.signed|ru]] the same, rendered in another language (for the
                                Russian application forms on zh and en pages)
    [[check:t2]]                the "check with T2" mark after a medium-confidence
                                statement written in prose (links the carrier's site)
    [[inference]]               the "our inference" mark after a safe default that we
                                derive from a rule (links the explanation on the About page)
    [[include:NAME]]            alone on its line: docs/<lang>/_includes/NAME.md, expanded
                                first, so its markers are checked and rendered (includes.py)
    [[check-block:mts]] … [[/check-block]]
                                one "check with MTS" mark for a list or table of several
                                medium MTS facts: inside, each such fact shows only ⚠

Where a mark stands (so that a sentence still reads): a medium fact shows a small ⚠
right after its value (a link, with "check with …" for screen readers), and the words
"check with …" (`check_carrier` of the words file, in `check_end`) once at the end of
its sentence, right before the sentence's final punctuation (`sentence_end()`); inside
a [[check-block:…]] of its carrier the block's one mark says them. A hand-written
[[check:X]] must stand at the end of a sentence too: tools/checks/marks.py (make
check) names each one that more words follow (`words_after_mark()`).

Bad input stops the build with the file and line: an unknown key, a low-confidence
fact, a malformed marker, a source or fact URL outside `allowed_domains`.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from pathlib import Path

from babel import Locale
from babel.dates import format_date as babel_date, format_skeleton
from babel.numbers import format_decimal
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))
import common  # noqa: E402  (common.LANGS: read when a build starts)
import facts_data  # noqa: E402
import includes  # noqa: E402
from facts_data import domain_allowed  # noqa: E402,F401  (tests use it from here)
MARKER = re.compile(r"\[\[([^\[\]\n]*)\]\]")
# a rendered value that ends in an abbreviation's period («2025 г.»), followed by a full stop
ABBREVIATED_END = re.compile(r"([\u00a0\u202f ]г\.</span>)\.(?!\.)")
MARKER_BODY = re.compile(r"^(fact|source):([a-z0-9][a-z0-9._-]*)(?:\|(zh|ru|en))?$")
CHECK_BODY = re.compile(r"^check:([a-z0-9]+)$")
BLOCK_OPEN = re.compile(r"^check-block:([a-z0-9]+)$")
BLOCK_CLOSE = "/check-block"
# Written by expand() itself at the end of a sentence with a medium fact (not by authors):
# [[check-end:mts]] for a carrier's fact, [[check-end:=KEY]] for a fact without carrier;
# [[check-end:+mts]]: the sentence ends in a bracket of its own, the words join it.
CHECK_END = re.compile(r"^check-end:(\+)?(?:([a-z0-9]+)|=([a-z0-9][a-z0-9._-]*))(?:\|(zh|ru|en))?$")
INFERENCE_BODY = "inference"
# Where [[inference]] links: the About page's explanation (relative to the docs language root).
INFERENCE_TARGET = "about.md#our-inference"

# The words this hook writes (marks, units, the currency) are in the page language's
# words file, docs/_data/ui/<lang>.yml, under `facts:`; its Babel locale is `locale:`.


def ui(lang: str) -> dict:
    try:
        return common.words(lang)["facts"]
    except common.WordsError as exc:
        raise PluginError(str(exc)) from None


def locale(lang: str) -> str:
    try:
        return common.words(lang)["locale"]
    except common.WordsError as exc:
        raise PluginError(str(exc)) from None


NBSP = "\u00a0"

_DATA: dict | None = None
_DATA_PATH: Path | None = None


# -- formatting ---------------------------------------------------------------------


def format_number(n: int, lang: str) -> str:
    return format_decimal(n, locale=locale(lang))


def format_date(value: dt.date | str, lang: str) -> str:
    """A date (YYYY-MM-DD) or a month ("YYYY-MM") in the reader's language."""
    if isinstance(value, str):
        year, month = (int(p) for p in value.split("-")[:2])
        return format_skeleton("yMMMM", dt.date(year, month, 1), locale=locale(lang))
    return babel_date(value, format="long", locale=locale(lang))


def format_count(value: dict, lang: str) -> str:
    n, words = int(value["n"]), ui(lang)["units"][value["unit"]]
    category = Locale.parse(locale(lang)).plural_form(n)
    word = words.get(category, words["other"])
    return ui(lang)["count"].format(n=format_number(n, lang), unit=word)


def format_rub(value: dict, lang: str) -> str:
    if "amount" in value:
        amount = format_number(value["amount"], lang)
    else:
        amount = f"{format_number(value['min'], lang)}–{format_number(value['max'], lang)}"
    return ui(lang)["rub"].format(amount=amount)


def tel_href(value: str) -> str:
    digits = re.sub(r"[^0-9+*#]", "", value)
    return "tel:" + digits.replace("#", "%23")


def render_value(fact: dict, lang: str) -> str:
    kind, value = fact["kind"], fact["value"]
    if kind == "phone":
        return f'<a href="{tel_href(value)}">{html.escape(value).replace(" ", NBSP)}</a>'
    if kind == "ussd":
        return f'<a href="{tel_href(value)}"><code>{html.escape(value)}</code></a>'
    if kind == "url":
        return f'<a href="{html.escape(value)}">{html.escape(fact.get("label", value))}</a>'
    if kind == "date":
        return html.escape(format_date(value, lang))
    if kind == "count":
        return html.escape(format_count(value, lang))
    if kind == "rub":
        return html.escape(format_rub(value, lang))
    if kind == "text":
        return html.escape(value)
    raise AssertionError(kind)  # validated in load()


def render_fact(key: str, lang: str, where: str, block: str | None = None) -> str:
    data = load()
    fact = data["facts"].get(key)
    if fact is None:
        raise PluginError(f"{where}: unknown fact key '{key}' (not in {_rel(_DATA_PATH)})")
    if fact["confidence"] == "low":
        raise PluginError(
            f"{where}: fact '{key}' has low confidence and must not be stated as fact "
            f"(see {_rel(_DATA_PATH)})"
        )
    body = render_value(fact, lang)
    mark = ""
    if fact["confidence"] == "medium":
        # the small ⚠ only: the words stand at the end of the sentence ([[check-end:…]])
        # or in the one mark of the block
        carrier = fact.get("carrier")
        if carrier:
            mark = " " + short_mark(carrier, lang)
        else:
            mark = " " + _short(fact["source"], ui(lang)["check_source"], lang)
    return (
        f'<span class="sim-fact" data-fact="{key}" data-confidence="{fact["confidence"]}">'
        f"{body}{mark}</span>"
    )


def _mark(href: str, text: str, lang: str) -> str:
    return (
        f'<a class="sim-check" href="{html.escape(href)}" '
        f'title="{html.escape(ui(lang)["check_title"])}">'
        f'<span aria-hidden="true">⚠</span> {html.escape(text)}</a>'
    )


def check_mark(carrier: str, lang: str, where: str = "") -> str:
    """The "check with <carrier>" mark, linking the carrier's official site."""
    name, verify = _carrier_name(carrier, lang, where)
    return _mark(verify, ui(lang)["check_carrier"].format(carrier=name), lang)


def mark_words(lang: str) -> dict:
    """The marks: part of docs/_data/ui/<lang>.yml (the one mark above a block)."""
    try:
        return common.words(lang)["marks"]
    except (common.WordsError, KeyError) as exc:
        raise PluginError(f"docs/_data/ui/{lang}.yml: no marks: words ({exc})") from None


def _carrier_name(carrier: str, lang: str, where: str = "") -> tuple[str, str]:
    data = load()
    info = data["carriers"].get(carrier)
    if info is None:
        raise PluginError(
            f"{where}: unknown carrier '{carrier}' in [[check:…]] "
            f"(one of {', '.join(sorted(data['carriers']))})"
        )
    # the genitive where a language's check_carrier needs it ("уточните у МТС")
    name = info.get(f"{lang}_genitive") or facts_data.in_lang(info["name"], lang)
    return name, data["facts"][info["site"]]["value"]


def block_mark(carrier: str, lang: str, where: str = "") -> str:
    """The one mark above a block of medium facts of one carrier."""
    name, verify = _carrier_name(carrier, lang, where)
    text = mark_words(lang)["check_block"].format(carrier=name)
    return f'<p class="sim-check-block">{_mark(verify, text, lang)}</p>'


def short_mark(carrier: str, lang: str) -> str:
    """After a medium value: the carrier's link, shown as ⚠ alone (its words for
    screen readers)."""
    name, verify = _carrier_name(carrier, lang)
    return _short(verify, mark_words(lang)["check_short"].format(carrier=name), lang)


def _short(href: str, text: str, lang: str) -> str:
    return (
        f'<a class="sim-check sim-check-short" href="{html.escape(href)}" '
        f'title="{html.escape(ui(lang)["check_title"])}" aria-label="{html.escape(text)}">'
        f'<span aria-hidden="true">⚠</span></a>'
    )


def end_words(carrier: str | None, key: str | None, lang: str, where: str = "",
               join: bool = False) -> str:
    """The words "check with …" at the end of a sentence with a medium fact: a link
    without ⚠ (the ⚠ stands after the value), wrapped as `check_end` says, or, inside
    the sentence's own closing bracket, joined as `check_join` says ("(a Moscow
    number; check with Beeline)")."""
    if carrier:
        name, href = _carrier_name(carrier, lang, where)
        text = ui(lang)["check_carrier"].format(carrier=name)
    else:
        fact = load()["facts"].get(key)
        if fact is None:
            raise PluginError(f"{where}: unknown fact key '{key}' (not in {_rel(_DATA_PATH)})")
        href, text = fact["source"], ui(lang)["check_source"]
    if join:
        before, _, after = ui(lang)["check_join"].partition("{words}")
        return (
            f'{html.escape(before)}<a class="sim-check sim-check-words" href="{html.escape(href)}" '
            f'title="{html.escape(ui(lang)["check_title"])}">{html.escape(text)}</a>{html.escape(after)}'
        )
    # the brackets go inside the link, so that a copy without the marks (sim-forms.js
    # removes .sim-check) keeps no empty "()"; a leading space stays outside
    words = ui(lang)["check_end"].format(words=text)
    inner = words.lstrip(" ")
    return (
        f'{" " * (len(words) - len(inner))}<a class="sim-check sim-check-words" href="{html.escape(href)}" '
        f'title="{html.escape(ui(lang)["check_title"])}">{html.escape(inner)}</a>'
    )


# -- where a sentence ends ---------------------------------------------------------------

# The punctuation that ends a sentence (or a clause a mark may close): full-width
# ones always; the ASCII ones when a space, the end of the line or markup follows.
FULL_STOPS = "。！？；："
HALF_STOPS = ".!?;:"
# Words whose final '.' does not end a sentence ("No. 59", "т. е.", "г. Москва").
ABBREVIATIONS = re.compile(
    r"(?:^|[\s(«])(?:No|Nos|nr|e\.g|i\.e|etc|vs|cf|St|Dr|Mr|Mrs|п|пп|ст|ч|г|гг|т|е|д|ул|стр|см|"
    r"англ|рус|млн|млрд|тыс|руб|коп|им|др|пр|напр)$", re.I)
CLOSING_INLINE = re.compile(r"</(a|span|strong|em|b|i|code|mark|small|sup|sub|abbr|kbd)>", re.I)


def sentence_end(line: str, start: int) -> int:
    """Where the sentence that runs through `start` ends in a line of Markdown: the
    index of its final punctuation, of the closing tag or table cell border that ends
    it, or the end of the line (before trailing spaces). Markers, link targets,
    attribute lists, code and tags are read as opaque."""
    i, n = start, len(line)
    table = line.lstrip().startswith("|")
    while i < n:
        c = line[i]
        if line.startswith("[[", i):
            j = line.find("]]", i)
            i = n if j < 0 else j + 2
            continue
        if line.startswith("](", i):
            j = line.find(")", i)
            i = n if j < 0 else j + 1
            continue
        if c == "{" and re.match(r"\{\s*[#.]", line[i:]):
            return _back(line, i)  # an attribute list ends a heading or an item
        if c == "{":
            j = line.find("}", i)
            if j < 0:
                break
            i = j + 1
            continue
        if c == "`":
            j = line.find("`", i + 1)
            i = n if j < 0 else j + 1
            continue
        if c == "<":
            if re.match(r"</|<br\b", line[i:], re.I) and not CLOSING_INLINE.match(line, i):
                return _back(line, i)
            j = line.find(">", i)
            i = n if j < 0 else j + 1
            continue
        if table and c == "|" and line[i - 1:i] != "\\":
            return _back(line, i)
        if c in FULL_STOPS:
            return _back(line, i)
        if c in HALF_STOPS:
            nxt = line[i + 1:i + 2]
            if nxt == "" or nxt in " \t|<*_)»\"”":
                rest = line[i + 1:].lstrip(" \t")
                abbreviation = c == "." and (ABBREVIATIONS.search(line[:i]) or rest[:1].islower())
                if not abbreviation:
                    return _back(line, i)
        i += 1
    return _back(line, n)


def _back(line: str, i: int) -> int:
    while i > 0 and line[i - 1] in " \t":
        i -= 1
    return i


def _own_bracket(line: str, end: int) -> int | None:
    """Where the closing bracket stands when the sentence ending at `end` ends in a
    bracket of its own ("… (a Moscow number)", "…（莫斯科号码）"), not a link's target."""
    i = end - 1
    if i < 0 or line[i] not in ")）":
        return None
    close = line[i]
    opening = "(" if close == ")" else "（"
    depth = 0
    for j in range(i, -1, -1):
        if line[j] == close:
            depth += 1
        elif line[j] == opening:
            depth -= 1
            if depth == 0:
                link_target = opening == "(" and line[j - 1:j] == "]" and line[j - 2:j] != "]]"
                return None if link_target else i
    return None


def place_check_words(markdown: str) -> str:
    """After each medium fact outside a block of its carrier, [[check-end:…]] at the
    end of its sentence: once per sentence and carrier, and not where a hand-written
    [[check:X]] of the same carrier already closes the sentence. A sentence that ends
    in a bracket of its own takes the words inside it ([[check-end:+…]]), so that two
    brackets do not follow each other."""
    data = load()
    block: str | None = None
    out = []
    for line in markdown.split("\n"):
        inserts: dict[int, list[str]] = {}
        for m in MARKER.finditer(line):
            body = m.group(1).strip()
            b = BLOCK_OPEN.match(body)
            if b:
                block = b.group(1)
                continue
            if body == BLOCK_CLOSE:
                block = None
                continue
            f = MARKER_BODY.match(body)
            if not f or f.group(1) != "fact":
                continue
            fact = data["facts"].get(f.group(2))
            if fact is None or fact["confidence"] != "medium":
                continue  # an unknown or low fact stops the build in expand()
            carrier = fact.get("carrier")
            if carrier and carrier == block:
                continue
            end = sentence_end(line, m.end())
            if carrier and f"[[check:{carrier}]]" in line[m.end():end + 1]:
                continue
            forced = f"|{f.group(3)}" if f.group(3) else ""
            bracket = _own_bracket(line, end)
            join, at = ("+", bracket) if bracket is not None else ("", end)
            token = (f"[[check-end:{join}{carrier}{forced}]]" if carrier
                     else f"[[check-end:{join}={f.group(2)}{forced}]]")
            if token not in inserts.setdefault(at, []):
                inserts[at].append(token)
        for end in sorted(inserts, reverse=True):
            line = line[:end] + "".join(inserts[end]) + line[end:]
        out.append(line)
    return "\n".join(out)


# The rendered text after a mark that says "check with …": what may stand between the
# mark and the end of its sentence (space, closing markup and brackets, other marks,
# one parenthesised reference such as "([question card](…))").
_SKIP_AFTER = re.compile(
    r"\s+|\*\*|__|\*|_|[)）」』»“”\"'’\]]|</(?:a|span|strong|em|b|i|code|mark|small|sup|sub|abbr|kbd)>"
    r"|<a class=\"sim-check[^\"]*\"[^>]*>.*?</a>|<span aria-hidden=\"true\">⚠</span>"
    r"|\[[^\]]*\]\([^)]*\)\{ ?\.sim-inference ?\}|\{[^}]*\}", re.I)
_PAREN = re.compile(r"\((?:[^()]|\([^()]*\))*\)|（[^（）]*）")


def words_after_mark(rest: str, table: bool = False) -> str | None:
    """None when `rest` (the rendered line after a "check with …" mark) ends the
    sentence; otherwise the words that follow the mark inside its sentence.

    A mark stands inside a sentence when, before the sentence's final punctuation
    (。！？；：or . ! ? ; : ), more words follow it: anything but spaces, closing
    markup, brackets and quotes, other marks, and one parenthesised reference. The end
    of the line, of a table cell, a <br> or a closing block tag ends a sentence."""
    i, paren = 0, False
    while i < len(rest):
        m = _SKIP_AFTER.match(rest, i)
        if m:
            i = m.end()
            continue
        if not paren:
            p = _PAREN.match(rest, i)
            if p:
                paren, i = True, p.end()
                continue
        c = rest[i]
        if c in FULL_STOPS or c in HALF_STOPS or (table and c == "|"):
            return None
        if re.match(r"<br\b|</", rest[i:], re.I):
            return None
        return re.sub(r"<[^>]+>", "", rest[i:]).strip()[:60]
    return None


def inference_mark(lang: str, page_src: str) -> str:
    """The "our inference" mark, as a Markdown link relative to the page."""
    depth = page_src.count("/")
    href = "../" * depth + INFERENCE_TARGET
    title = ui(lang)["inference_title"].replace('"', "")
    label = ui(lang)["inference"]
    return f'[{label}]({href} "{title}"){{ .sim-inference }}'


def render_source(key: str, lang: str, where: str) -> str:
    data = load()
    src = data["sources"].get(key)
    if src is None:
        raise PluginError(f"{where}: unknown source key '{key}' (not in {_rel(_DATA_PATH)})")
    label = facts_data.in_lang(src["publisher"], lang)
    if src.get("published"):
        # the language's own punctuation between publisher and date (ui: source_dated)
        label = ui(lang)["source_dated"].format(publisher=label, date=format_date(src["published"], lang))
    if src.get("role") == "confirm":
        checked = ui(lang)["confirm_here"]
    else:
        checked = ui(lang)["checked"].format(date=format_date(src["checked"], lang))
    sep = ui(lang)["source_separator"]
    return (
        f'<a class="sim-source" data-source="{key}" href="{html.escape(src["url"])}">'
        f"{html.escape(label)}</a>{sep}{html.escape(checked)}"
    )


# -- loading ---------------------------------------------------------------------------


def _rel(path: Path | None) -> str:
    if path is None:
        return "facts.yml"
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load(path: Path | None = None) -> dict:
    """The facts data (validated by facts_data.load); cached after on_config."""
    global _DATA, _DATA_PATH
    if path is None and _DATA is not None:
        return _DATA
    if path is None:
        raise PluginError("facts.yml was not loaded (on_config did not run)")
    try:
        data = facts_data.load(path)
    except facts_data.FactsError as exc:
        raise PluginError(str(exc)) from None
    _DATA, _DATA_PATH = data, path
    return data


# -- MkDocs events -------------------------------------------------------------------


def facts_path(config) -> Path:
    return Path(config["docs_dir"]) / "_data" / "facts.yml"


def on_config(config, **kwargs):
    common.configure(config)  # the languages and words of this build (first hook to run)
    load(facts_path(config))
    return config


def page_lang(config) -> str:
    lang = config["theme"]["language"]
    if lang not in common.LANGS:
        raise PluginError(f"unexpected theme language '{lang}'")
    return lang


def page_where(page, config) -> str:
    src = Path(page.file.abs_src_path) if page.file.abs_src_path else Path(page.file.src_path)
    return _rel(src.resolve())


def expand(
    markdown: str, lang: str, where: str, offset: int = 0, page_src: str = "",
    origins: list[str] | None = None,
) -> str:
    """Replace every marker; `offset` is the number of front-matter lines that
    MkDocs removed, so that reported line numbers match the file; `page_src` is
    the page's path inside its language folder (for relative links); `origins`,
    after includes were expanded, names the file and line of each line."""
    block: dict[str, str | None] = {"carrier": None, "at": None}
    markdown = place_check_words(markdown)  # adds no line: the places below stay true

    def place(pos: int) -> str:
        index = markdown.count("\n", 0, pos)
        if origins is not None:
            return origins[index]
        return f"{where}:{index + 1 + offset}"

    def replace(match: re.Match) -> str:
        here = place(match.start())
        body = match.group(1).strip()
        if body == INFERENCE_BODY:
            return inference_mark(lang, page_src)
        b = BLOCK_OPEN.match(body)
        if b:
            if block["carrier"]:
                raise PluginError(f"{here}: [[check-block:…]] inside another (opened at {block['at']})")
            block.update(carrier=b.group(1), at=here)
            return block_mark(b.group(1), lang, here)
        if body == BLOCK_CLOSE:
            if not block["carrier"]:
                raise PluginError(f"{here}: [[/check-block]] without [[check-block:CARRIER]]")
            block.update(carrier=None, at=None)
            return ""
        e = CHECK_END.match(body)
        if e:
            return end_words(e.group(2), e.group(3), e.group(4) or lang, here, join=bool(e.group(1)))
        c = CHECK_BODY.match(body)
        if c:
            if c.group(1) == block["carrier"]:
                return short_mark(c.group(1), lang)
            return check_mark(c.group(1), lang, here)
        m = MARKER_BODY.match(body)
        if not m:
            raise PluginError(
                f"{here}: malformed marker '[[{body}]]' (use [[fact:KEY]], "
                "[[fact:KEY|ru]], [[source:KEY]], [[check:CARRIER]], [[inference]], "
                "[[include:NAME]] or [[check-block:CARRIER]] … [[/check-block]])"
            )
        kind, key, forced = m.groups()
        if kind == "fact":
            return render_fact(key, forced or lang, here, block["carrier"])
        return render_source(key, forced or lang, here)

    out = MARKER.sub(replace, markdown)
    # A Russian date ends in «г.»: at the end of a sentence that period is the sentence's
    # too (not «1 июля 2025 г..»)
    out = ABBREVIATED_END.sub(r"\1", out)
    if block["carrier"]:
        raise PluginError(f"{block['at']}: [[check-block:{block['carrier']}]] is never closed ([[/check-block]])")
    return out


def front_matter_lines(page) -> int:
    if not page.file.abs_src_path:
        return 0
    raw = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    m = re.match(r"-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n\n*", raw, re.S)
    return raw.count("\n", 0, m.end()) if m else 0  # MkDocs also strips blank lines


# -- what a page may not type as plain text ---------------------------------------------

URL = re.compile(r"https?://[^\s)\]\"'<>]+")
USSD_LIKE = re.compile(r"(?<![\w*\\])\\?\*\d{2,}(?:\\?\*\d+)*#")
PHONE_LIKE = re.compile(r"(?<![\d+])(?:\+7|8)[ \u00a0-]?\(?\d{3}\)?[ \u00a0-]?\d{3}[ \u00a0-]?\d{2}[ \u00a0-]?\d{2}(?!\d)")
JOINERS = re.compile(r"(?<=\d)[\s\-*#()+.\\\u00a0\u202f_]+(?=\d)")


def digit_runs(text: str) -> str:
    """The text with the separators inside numbers removed, so that 8 800 700-06-11,
    *110*09# and <em>152</em>2# all become plain digit runs."""
    return JOINERS.sub("", re.sub(r"</?\w+[^>]*>", "", text))


def low_values(data: dict) -> dict[str, str]:
    """Each low-confidence fact's value, as the digits a page would show."""
    out = {}
    for key, fact in data["facts"].items():
        if fact["confidence"] == "low" and fact["kind"] in ("phone", "ussd"):
            out[key] = re.sub(r"\D", "", fact["value"])
    return out


def check_plain_text(markdown: str, where: str, offset: int, origins: list[str] | None = None) -> None:
    """Stop the build when a page types, outside [[…]] markers, what only a fact may
    say (a code or a phone number), a low-confidence value, or a URL outside
    `allowed_domains`."""
    data = load()
    lows = low_values(data)
    for index, line in enumerate(markdown.split("\n")):
        here = origins[index] if origins is not None else f"{where}:{index + 1 + offset}"
        text = MARKER.sub(" ", line)
        for url in URL.findall(text):
            if not domain_allowed(url, data["allowed_domains"]):
                raise PluginError(
                    f"{here}: link to {url}: its domain is not in allowed_domains "
                    f"({_rel(_DATA_PATH)}); cite official or reputable sources only"
                )
        runs = digit_runs(text)
        for key, digits in lows.items():
            if re.search(rf"(?<!\d){digits}(?!\d)", runs):
                raise PluginError(
                    f"{here}: the low-confidence value of '{key}' is typed as text; "
                    "it must not be stated (see its basis in facts.yml)"
                )
        for pattern, what in ((USSD_LIKE, "a USSD code"), (PHONE_LIKE, "a phone number")):
            m = pattern.search(text)
            if m:
                raise PluginError(
                    f"{here}: {what} typed as text ('{m.group(0)}'); add it to "
                    f"{_rel(_DATA_PATH)} with its source and confidence and write [[fact:KEY]]"
                )


def on_page_markdown(markdown, page, config, files, **kwargs):
    where, offset = page_where(page, config), front_matter_lines(page)
    lang, page_src = page_lang(config), lang_relative(page.file.src_uri)
    try:
        markdown, origins = includes.expand(
            markdown, lang_dir(page, page_src), where, offset, page_src.count("/"),
            show=lambda p: _rel(p.resolve()),
        )
    except includes.IncludeError as exc:
        raise PluginError(str(exc)) from None
    check_plain_text(markdown, where, offset, origins)
    return expand(markdown, lang, where, offset, page_src, origins)


def lang_dir(page, page_src: str) -> Path:
    """docs/<lang>/ of a page (where its _includes/ folder is)."""
    src = Path(page.file.abs_src_path)
    return src.parents[page_src.count("/")]


def lang_relative(src_uri: str) -> str:
    """A page's path inside its language folder (i18n's folder structure may keep
    the language prefix in src_uri)."""
    head, _, rest = src_uri.partition("/")
    return rest if head in common.LANGS and rest else src_uri
