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

Bad input stops the build with the file and line: an unknown key, a low-confidence
fact, a malformed marker, a source or fact URL outside `allowed_domains`.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))
from common import LANGS  # noqa: E402

KINDS = {"phone", "ussd", "url", "date", "count", "rub", "text"}
CONFIDENCE = {"high", "medium", "low"}
MARKER = re.compile(r"\[\[([^\[\]\n]*)\]\]")
MARKER_BODY = re.compile(r"^(fact|source):([a-z0-9][a-z0-9._-]*)(?:\|(zh|ru|en))?$")
CHECK_BODY = re.compile(r"^check:([a-z0-9]+)$")
INFERENCE_BODY = "inference"
# Where [[inference]] links: the About page's explanation (relative to the docs language root).
INFERENCE_TARGET = "about.md#our-inference"

# Words the hook itself writes, per language.
UI = {
    "check_carrier": {
        "zh": "请向 {carrier} 核实",
        "ru": "уточните у {carrier}",
        "en": "check with {carrier}",
    },
    "check_source": {
        "zh": "请核实",
        "ru": "уточните",
        "en": "check this",
    },
    "check_title": {
        "zh": "此信息未经官方页面确认，请在官方网站核实",
        "ru": "Не подтверждено на официальной странице: проверьте на официальном сайте",
        "en": "Not confirmed on an official page: check on the official site",
    },
    "checked": {"zh": "核对日期：{date}", "ru": "проверено {date}", "en": "checked {date}"},
    "inference": {"zh": "我们的推断", "ru": "наш вывод", "en": "our inference"},
    "inference_title": {
        "zh": "这是我们根据法规得出的稳妥做法，并非运营商的规定",
        "ru": "Это наш вывод из правила, а не условие оператора",
        "en": "Our safe default drawn from the rule, not a carrier's term",
    },
}

RU_MONTHS_GEN = [
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
]
RU_MONTHS_NOM = [
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
]
EN_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]

# Units: zh word, ru (one, few, many), en (one, other).
UNITS = {
    "day": {"zh": "天", "ru": ("день", "дня", "дней"), "en": ("day", "days")},
    "hour": {"zh": "小时", "ru": ("час", "часа", "часов"), "en": ("hour", "hours")},
    "month": {"zh": "个月", "ru": ("месяц", "месяца", "месяцев"), "en": ("month", "months")},
    "number": {"zh": "个号码", "ru": ("номер", "номера", "номеров"), "en": ("number", "numbers")},
}

NBSP = "\u00a0"

_DATA: dict | None = None
_DATA_PATH: Path | None = None


# -- formatting ---------------------------------------------------------------------


def ru_plural(n: int, forms: tuple[str, str, str]) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


def group_digits(n: int, lang: str) -> str:
    if n < 10000 and lang == "ru":
        return str(n)
    sep = NBSP if lang == "ru" else ","
    return f"{n:,}".replace(",", sep)


def format_date(value: dt.date | str, lang: str) -> str:
    """A date (YYYY-MM-DD) or a month (YYYY-MM) in the reader's language."""
    if isinstance(value, str):
        year, month = (int(p) for p in value.split("-")[:2])
        if lang == "zh":
            return f"{year}年{month}月"
        if lang == "ru":
            return f"{RU_MONTHS_NOM[month - 1]} {year}{NBSP}г."
        return f"{EN_MONTHS[month - 1]} {year}"
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    if lang == "ru":
        return f"{value.day}{NBSP}{RU_MONTHS_GEN[value.month - 1]} {value.year}{NBSP}г."
    return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"


def format_count(value: dict, lang: str) -> str:
    n, unit = int(value["n"]), UNITS[value["unit"]]
    if lang == "zh":
        return f"{n} {unit['zh']}"
    if lang == "ru":
        return f"{n}{NBSP}{ru_plural(n, unit['ru'])}"
    return f"{n} {unit['en'][0] if n == 1 else unit['en'][1]}"


def format_rub(value: dict, lang: str) -> str:
    if "amount" in value:
        one = group_digits(value["amount"], lang)
        return {"ru": f"{one}{NBSP}₽", "zh": f"{one} 卢布", "en": f"RUB {one}"}[lang]
    lo, hi = group_digits(value["min"], lang), group_digits(value["max"], lang)
    if lang == "ru":
        return f"{lo}–{hi}{NBSP}₽"
    if lang == "zh":
        return f"{lo}–{hi} 卢布"
    return f"RUB {lo}–{hi}"


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


def render_fact(key: str, lang: str, where: str) -> str:
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
        carrier = fact.get("carrier")
        if carrier:
            mark = " " + check_mark(carrier, lang)
        else:
            mark = " " + _mark(fact["source"], UI["check_source"][lang], lang)
    return (
        f'<span class="sim-fact" data-fact="{key}" data-confidence="{fact["confidence"]}">'
        f"{body}{mark}</span>"
    )


def _mark(href: str, text: str, lang: str) -> str:
    return (
        f'<a class="sim-check" href="{html.escape(href)}" '
        f'title="{html.escape(UI["check_title"][lang])}">'
        f'<span aria-hidden="true">⚠</span> {html.escape(text)}</a>'
    )


def check_mark(carrier: str, lang: str, where: str = "") -> str:
    """The "check with <carrier>" mark, linking the carrier's official site."""
    data = load()
    info = data["carriers"].get(carrier)
    if info is None:
        raise PluginError(
            f"{where}: unknown carrier '{carrier}' in [[check:…]] "
            f"(one of {', '.join(sorted(data['carriers']))})"
        )
    name = info.get("ru_genitive", info["name"]["ru"]) if lang == "ru" else info["name"][lang]
    verify = data["facts"][info["site"]]["value"]
    return _mark(verify, UI["check_carrier"][lang].format(carrier=name), lang)


def inference_mark(lang: str, page_src: str) -> str:
    """The "our inference" mark, as a Markdown link relative to the page."""
    depth = page_src.count("/")
    href = "../" * depth + INFERENCE_TARGET
    title = UI["inference_title"][lang].replace('"', "")
    label = UI["inference"][lang]
    return f'[{label}]({href} "{title}"){{ .sim-inference }}'


def render_source(key: str, lang: str, where: str) -> str:
    data = load()
    src = data["sources"].get(key)
    if src is None:
        raise PluginError(f"{where}: unknown source key '{key}' (not in {_rel(_DATA_PATH)})")
    label = src["publisher"][lang]
    if src.get("published"):
        label = f"{label}, {format_date(src['published'], lang)}"
    checked = UI["checked"][lang].format(date=format_date(src["checked"], lang))
    sep = "，" if lang == "zh" else ", "
    return (
        f'<a class="sim-source" data-source="{key}" href="{html.escape(src["url"])}">'
        f"{html.escape(label)}</a>{sep}{html.escape(checked)}"
    )


# -- loading and validation ----------------------------------------------------------


def _rel(path: Path | None) -> str:
    if path is None:
        return "facts.yml"
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def domain_allowed(url: str, allowed: list[str]) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.scheme == "https" and any(
        host == d or host.endswith("." + d) for d in allowed
    )


def _line_of(text: str, needle: str) -> int:
    idx = text.find(needle)
    return text.count("\n", 0, idx) + 1 if idx >= 0 else 0


def validate(data: dict, text: str, path: Path) -> None:
    """Raise PluginError naming the file, line and key for any bad entry."""
    rel = _rel(path)

    def fail(key: str, msg: str) -> None:
        line = _line_of(text, f"\n  {key}:") + 1 if key else 0
        raise PluginError(f"{rel}:{line}: {key}: {msg}")

    for section in ("allowed_domains", "carriers", "facts", "sources"):
        if section not in data:
            fail("", f"missing section '{section}'")
    allowed = data["allowed_domains"]
    for cid, carrier in data["carriers"].items():
        if set(carrier.get("name", {})) != set(LANGS):
            fail(cid, "carrier needs a name in zh, ru and en")
        if carrier.get("site") not in data["facts"]:
            fail(cid, f"carrier site '{carrier.get('site')}' is not a fact")
    for key, fact in data["facts"].items():
        if not MARKER_BODY.match(f"fact:{key}"):
            fail(key, "key may only use a-z, 0-9, '.', '_' and '-'")
        for field in ("kind", "value", "confidence", "source", "checked", "basis"):
            if field not in fact:
                fail(key, f"missing field '{field}'")
        if fact["kind"] not in KINDS:
            fail(key, f"unknown kind '{fact['kind']}' (one of {sorted(KINDS)})")
        if fact["confidence"] not in CONFIDENCE:
            fail(key, f"confidence must be one of {sorted(CONFIDENCE)}")
        if not isinstance(fact["checked"], dt.date):
            fail(key, "checked must be a date (YYYY-MM-DD)")
        if fact.get("carrier") and fact["carrier"] not in data["carriers"]:
            fail(key, f"unknown carrier '{fact['carrier']}'")
        if not domain_allowed(fact["source"], allowed):
            fail(key, f"source {fact['source']} is not https on an allowed domain")
        kind, value = fact["kind"], fact["value"]
        if kind == "url" and not domain_allowed(value, allowed):
            fail(key, f"URL {value} is not https on an allowed domain")
        if kind == "date" and not isinstance(value, dt.date):
            fail(key, "a date fact needs a YYYY-MM-DD value")
        if kind == "count" and (
            not isinstance(value, dict) or value.get("unit") not in UNITS
            or not isinstance(value.get("n"), int)
        ):
            fail(key, f"a count needs {{n: <int>, unit: {'|'.join(UNITS)}}}")
        if kind == "rub" and not (
            isinstance(value, dict) and (
                (isinstance(value.get("min"), int) and isinstance(value.get("max"), int))
                or isinstance(value.get("amount"), int)
            )
        ):
            fail(key, "a rub fact needs {amount: <int>} or {min: <int>, max: <int>}")
        if kind in ("phone", "ussd", "text") and not isinstance(value, str):
            fail(key, "phone numbers, codes and texts must be quoted strings")
    for key, src in data["sources"].items():
        for field in ("url", "publisher", "checked"):
            if field not in src:
                fail(key, f"missing field '{field}'")
        if set(src["publisher"]) != set(LANGS):
            fail(key, "publisher needs zh, ru and en")
        if not domain_allowed(src["url"], allowed):
            fail(key, f"source {src['url']} is not https on an allowed domain")
        pub = src.get("published")
        if pub is not None and not (
            isinstance(pub, dt.date) or re.fullmatch(r"\d{4}-\d{2}", str(pub))
        ):
            fail(key, "published must be YYYY-MM-DD or \"YYYY-MM\"")


def load(path: Path | None = None) -> dict:
    global _DATA, _DATA_PATH
    if path is None and _DATA is not None:
        return _DATA
    if path is None:
        raise PluginError("facts.yml was not loaded (on_config did not run)")
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise PluginError(f"{_rel(path)}: not valid YAML: {exc}") from exc
    validate(data, text, path)
    _DATA, _DATA_PATH = data, path
    return data


# -- MkDocs events -------------------------------------------------------------------


def facts_path(config) -> Path:
    return Path(config["docs_dir"]) / "_data" / "facts.yml"


def on_config(config, **kwargs):
    load(facts_path(config))
    return config


def page_lang(config) -> str:
    lang = config["theme"]["language"]
    if lang not in LANGS:
        raise PluginError(f"unexpected theme language '{lang}'")
    return lang


def page_where(page, config) -> str:
    src = Path(page.file.abs_src_path) if page.file.abs_src_path else Path(page.file.src_path)
    return _rel(src.resolve())


def expand(markdown: str, lang: str, where: str, offset: int = 0, page_src: str = "") -> str:
    """Replace every marker; `offset` is the number of front-matter lines that
    MkDocs removed, so that reported line numbers match the file; `page_src` is
    the page's path inside its language folder (for relative links)."""

    def replace(match: re.Match) -> str:
        here = f"{where}:{markdown.count(chr(10), 0, match.start()) + 1 + offset}"
        body = match.group(1).strip()
        if body == INFERENCE_BODY:
            return inference_mark(lang, page_src)
        c = CHECK_BODY.match(body)
        if c:
            return check_mark(c.group(1), lang, here)
        m = MARKER_BODY.match(body)
        if not m:
            raise PluginError(
                f"{here}: malformed marker '[[{body}]]' (use [[fact:KEY]], "
                "[[fact:KEY|ru]], [[source:KEY]], [[check:CARRIER]] or [[inference]])"
            )
        kind, key, forced = m.groups()
        if kind == "fact":
            return render_fact(key, forced or lang, here)
        return render_source(key, forced or lang, here)

    return MARKER.sub(replace, markdown)


def front_matter_lines(page) -> int:
    if not page.file.abs_src_path:
        return 0
    raw = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    m = re.match(r"-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n\n*", raw, re.S)
    return raw.count("\n", 0, m.end()) if m else 0  # MkDocs also strips blank lines


def on_page_markdown(markdown, page, config, files, **kwargs):
    return expand(
        markdown, page_lang(config), page_where(page, config), front_matter_lines(page),
        lang_relative(page.file.src_uri),
    )


def lang_relative(src_uri: str) -> str:
    """A page's path inside its language folder (i18n's folder structure may keep
    the language prefix in src_uri)."""
    head, _, rest = src_uri.partition("/")
    return rest if head in LANGS and rest else src_uri
