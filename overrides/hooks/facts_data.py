"""Load and validate docs/_data/facts.yml (not a hook itself: facts.py, the tests and
`make check` use it).

Every mistake stops with `file:line: key: what is wrong`, never a traceback:
a YAML syntax error, an empty file, a duplicate key (YAML itself would keep the
last one silently), an impossible date such as 2026-11-31, a wrong type, an unknown
kind, confidence, carrier or field, a URL outside `allowed_domains`.

Dates are read as text and checked here (PyYAML's own date parser raises a bare
ValueError on 2026-11-31, with no line); valid ones become `datetime.date`.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml

sys.path.insert(0, str(Path(__file__).parent))
import common  # noqa: E402  (the languages of mkdocs.yml)
KINDS = ("phone", "ussd", "url", "date", "count", "rub", "text")
CONFIDENCE = ("high", "medium", "low")
UNITS = ("day", "hour", "month", "number")
KEY = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTH = re.compile(r"^\d{4}-\d{2}$")

FACT_FIELDS = {"kind", "value", "confidence", "source", "checked", "basis", "carrier", "label",
               "status", "as_of"}
# A fact that states a rule says how far the rule had got, and when that was true.
STATUSES = ("announced", "proposed", "in-force", "reported")
# The facts that state a rule (a law, a decree, a government plan or draft, a measure
# reported as happening), by the start of their key: each needs `status` and `as_of`.
# Numbers, codes, prices and the carriers' own terms keep `checked` only. One list,
# here; CONTRIBUTING.md ("Facts") and the header of facts.yml name it.
RULE_PREFIXES = ("foreigners.", "citizens.", "ruid.", "decree59.", "law303.", "lending.",
                 "cooling.", "self-ban.", "border.")
SOURCE_FIELDS = {"url", "publisher", "published", "checked", "role"}
SOURCE_ROLES = ("read", "confirm")
CARRIER_FIELDS = {"name", "ru_genitive", "site"}
SECTIONS = ("allowed_domains", "carriers", "facts", "sources")


class FactsError(Exception):
    """A mistake in facts.yml; the message names file, line and key."""


class _Loader(common.SafeLoader):
    """SafeLoader that keeps dates as text (they are checked in validate())."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _lines(node, rel: str, path: tuple = (), out: dict | None = None) -> dict[tuple, int]:
    """The line of every mapping key, by its path; a duplicate key is an error."""
    out = {} if out is None else out
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                name = ".".join(str(p) for p in (*path, key)[1:]) or key
                raise FactsError(
                    f"{rel}:{line}: {name}: duplicate key '{key}' (first defined at line "
                    f"{seen[key]}); YAML would silently keep only the last one"
                )
            seen[key] = line
            out[(*path, key)] = line
            _lines(value_node, rel, (*path, key), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[(*path, i)] = item.start_mark.line + 1
            _lines(item, rel, (*path, i), out)
    return out


def domain_allowed(url: str, allowed: list[str]) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.scheme == "https" and any(host == d or host.endswith("." + d) for d in allowed)


def as_date(value) -> dt.date | None:
    """A YYYY-MM-DD text (or date) as a date; None if it is not a real date."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


# A build reads facts.yml in several hooks and once per language (the i18n plugin runs
# on_config again for each); the validated data is kept per file, text and languages.
_loaded: dict[tuple, dict] = {}


def load(path: Path) -> dict:
    """The validated data of a facts file; FactsError names the file, line and key."""
    rel = _rel(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FactsError(f"{rel}: cannot be read: {exc.strerror}") from None
    key = (rel, text, tuple(common.LANGS), common.FALLBACK_LANG)
    if key in _loaded:
        return copy.deepcopy(_loaded[key])
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise FactsError(
                f"{rel}:1: the file is empty; it needs the sections {', '.join(SECTIONS)}"
            )
        lines = _lines(node, rel)
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise FactsError(f"{rel}{line}: not valid YAML: {problem}") from None
    finally:
        loader.dispose()
    Validator(data, lines, rel).run()
    _loaded.clear()  # one file's data is enough to keep
    _loaded[key] = data
    return copy.deepcopy(data)


class Validator:
    def __init__(self, data, lines: dict[tuple, int], rel: str):
        self.data, self.lines, self.rel = data, lines, rel

    def fail(self, path: tuple, msg: str):
        line = 1
        for n in range(len(path), 0, -1):
            if path[:n] in self.lines:
                line = self.lines[path[:n]]
                break
        name = str(path[1]) if len(path) > 1 else (str(path[0]) if path else "")
        label = f" {name}:" if name else ""
        raise FactsError(f"{self.rel}:{line}:{label} {msg}")

    def run(self) -> None:
        data = self.data
        if not isinstance(data, dict):
            self.fail((), f"the top level must be a mapping of {', '.join(SECTIONS)}")
        for section in SECTIONS:
            if section not in data or data[section] is None:
                self.fail((), f"missing section '{section}:'")
        if not isinstance(data["allowed_domains"], list) or not all(
            isinstance(d, str) and d for d in data["allowed_domains"]
        ):
            self.fail(("allowed_domains",), "allowed_domains must be a list of domain names")
        for section in ("carriers", "facts", "sources"):
            if not isinstance(data[section], dict):
                self.fail((section,), f"'{section}' must be a mapping of keys to entries")
        for cid, carrier in data["carriers"].items():
            self.carrier(cid, carrier)
        for key, fact in data["facts"].items():
            self.fact(key, fact)
        for key, src in data["sources"].items():
            self.source(key, src)

    def _mapping(self, path: tuple, entry, allowed: set[str]) -> None:
        if not isinstance(entry, dict):
            self.fail(path, "must be a mapping of fields")
        for field in entry:
            if field not in allowed:
                self.fail((*path, field), f"unknown field '{field}' (one of {', '.join(sorted(allowed))})")

    def _langs(self, path: tuple, value, what: str) -> None:
        # A language without its own text uses the English one (see fallbacks()).
        if not isinstance(value, dict) or common.FALLBACK_LANG not in value or not all(
            isinstance(v, str) and v.strip() for v in value.values()
        ):
            self.fail(path, f"{what} needs a text in {common.FALLBACK_LANG} "
                            "(and a non-empty one in each language it gives)")
        unknown = sorted(set(value) - set(common.LANGS))
        if unknown:
            self.fail(path, f"{what}: {', '.join(unknown)} is not a language of mkdocs.yml")

    def _date(self, path: tuple, entry: dict, field: str) -> None:
        parsed = as_date(entry.get(field))
        if parsed is None:
            self.fail((*path, field), f"{field}: {entry.get(field)!r} is not a real date (YYYY-MM-DD)")
        entry[field] = parsed

    def carrier(self, cid: str, carrier) -> None:
        path = ("carriers", cid)
        self._mapping(path, carrier, CARRIER_FIELDS)
        self._langs((*path, "name"), carrier.get("name"), "name")
        if carrier.get("site") not in self.data["facts"]:
            self.fail((*path, "site"), f"site '{carrier.get('site')}' is not a fact key")

    def fact(self, key: str, fact) -> None:
        path = ("facts", key)
        allowed = self.data["allowed_domains"]
        if not KEY.match(str(key)):
            self.fail(path, "a key may only use a-z, 0-9, '.', '_' and '-'")
        self._mapping(path, fact, FACT_FIELDS)
        for field in ("kind", "value", "confidence", "source", "checked", "basis"):
            if fact.get(field) is None:
                self.fail(path, f"missing field '{field}'")
        for field in ("kind", "confidence", "source", "basis"):
            if not isinstance(fact[field], str):
                self.fail((*path, field), f"{field} must be text")
        if fact["kind"] not in KINDS:
            self.fail((*path, "kind"), f"unknown kind '{fact['kind']}' (one of {', '.join(KINDS)})")
        if fact["confidence"] not in CONFIDENCE:
            self.fail((*path, "confidence"), f"confidence must be one of {', '.join(CONFIDENCE)}")
        self._date(path, fact, "checked")
        if str(key).startswith(RULE_PREFIXES) and "status" not in fact and "as_of" not in fact:
            self.fail(path, "a fact that states a rule (its key starts with "
                            f"{', '.join(p for p in RULE_PREFIXES)}) needs 'status' "
                            f"({' | '.join(STATUSES)}) and 'as_of' (the date that status was true)")
        if ("status" in fact) != ("as_of" in fact):
            self.fail(path, "a rule's fact gives both 'status' and 'as_of' (the date the status was true)")
        if "status" in fact:
            if fact["status"] not in STATUSES:
                self.fail((*path, "status"), f"status must be one of {', '.join(STATUSES)}")
            self._date(path, fact, "as_of")
        if "carrier" in fact and fact["carrier"] not in self.data["carriers"]:
            self.fail((*path, "carrier"), f"unknown carrier '{fact['carrier']}'")
        if not domain_allowed(fact["source"], allowed):
            self.fail((*path, "source"), f"source {fact['source']} is not https on an allowed domain")
        kind, value, vpath = fact["kind"], fact["value"], (*path, "value")
        if kind == "url" and not (isinstance(value, str) and domain_allowed(value, allowed)):
            self.fail(vpath, f"URL {value} is not https on an allowed domain")
        if kind == "date":
            self._date(path, fact, "value")
        if kind == "count" and not (
            isinstance(value, dict) and set(value) == {"n", "unit"} and value.get("unit") in UNITS
            and isinstance(value.get("n"), int) and not isinstance(value.get("n"), bool)
        ):
            self.fail(vpath, f"a count needs {{n: <whole number>, unit: {'|'.join(UNITS)}}}")
        if kind == "rub" and not (
            isinstance(value, dict) and (
                set(value) == {"amount"} and _whole(value["amount"])
                or set(value) == {"min", "max"} and _whole(value["min"]) and _whole(value["max"])
            )
        ):
            self.fail(vpath, "a rub fact needs {amount: <whole number>} or {min: <n>, max: <n>}")
        if kind in ("phone", "ussd", "text") and not (isinstance(value, str) and value.strip()):
            self.fail(vpath, "phone numbers, codes and texts must be quoted strings")
        if kind == "ussd" and not re.fullmatch(r"\*[0-9*]+#", value):
            self.fail(vpath, f"'{value}' does not look like a USSD code (*…#)")
        if kind == "phone" and not re.fullmatch(r"\+?[0-9][0-9 ()-]*", value):
            self.fail(vpath, f"'{value}' does not look like a phone number")

    def source(self, key: str, src) -> None:
        path = ("sources", key)
        if not KEY.match(str(key)):
            self.fail(path, "a key may only use a-z, 0-9, '.', '_' and '-'")
        self._mapping(path, src, SOURCE_FIELDS)
        for field in ("url", "publisher", "checked"):
            if src.get(field) is None:
                self.fail(path, f"missing field '{field}'")
        self._langs((*path, "publisher"), src["publisher"], "publisher")
        if not (isinstance(src["url"], str) and domain_allowed(src["url"], self.data["allowed_domains"])):
            self.fail((*path, "url"), f"source {src['url']} is not https on an allowed domain")
        self._date(path, src, "checked")
        if src.get("role", "read") not in SOURCE_ROLES:
            self.fail((*path, "role"), f"role must be one of {', '.join(SOURCE_ROLES)}")
        pub = src.get("published")
        if pub is not None:
            if isinstance(pub, str) and MONTH.match(pub):
                return
            if as_date(pub) is None:
                self.fail((*path, "published"), f"published: {pub!r} is not a real date (YYYY-MM-DD or YYYY-MM)")
            src["published"] = as_date(pub)


def _whole(n) -> bool:
    return isinstance(n, int) and not isinstance(n, bool) and n >= 0


def in_lang(texts: dict, lang: str) -> str:
    """A per-language text of facts.yml (a carrier's name, a publisher) in `lang`,
    or in English where `lang` has none yet (listed by fallbacks())."""
    return texts.get(lang, texts[common.FALLBACK_LANG])


def fallbacks(data: dict, rel: str = "docs/_data/facts.yml") -> list[str]:
    """Per language and field, the entries without their own text (English is used)."""
    out = []
    for lang in common.LANGS:
        for section, field in (("carriers", "name"), ("sources", "publisher")):
            keys = [key for key, entry in data[section].items() if lang not in entry[field]]
            if keys:
                out.append(f"{rel}: {section}.*.{field} has no '{lang}' in {len(keys)} of "
                           f"{len(data[section])} entries, the English text is used: {', '.join(keys)}")
    return out
