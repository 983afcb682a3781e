"""Stale facts fail early (warnings of `make check`, and the weekly report).

    python -m tools.checks.freshness [docs_dir] [--today YYYY-MM-DD]

- every fact in docs/_data/facts.yml whose `checked` date is more than MAX_MONTHS
  months before today, with its key and line: read its source again;
- every page whose `last_reviewed` is older than the newest `checked` of the facts it
  shows ([[fact:KEY]]): a fact changed after the page was last read as a whole;
- every rule that was only announced or proposed (`status: announced | proposed`)
  whose `as_of` is more than PROPOSAL_MONTHS months before today: "check whether
  adopted" (then give it its new status and as_of, and the pages their new tense).

"Today" is the machine's date, or SIM_TODAY=YYYY-MM-DD (or --today), so that the
tests can set it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

import yaml

from tools.languages import SafeLoader

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import facts_data  # noqa: E402  (the build's own loader)
from freshness import add_months  # noqa: E402  (the same month arithmetic as the pages)

MAX_MONTHS = 12
PROPOSAL_MONTHS = 6
PROPOSALS = ("announced", "proposed")
FACT = re.compile(r"\[\[fact:([a-z0-9][a-z0-9._-]*)(?:\|[a-z]{2})?\]\]")
REVIEWED = re.compile(r"^last_reviewed:[ \t]*['\"]?(\d{4}-\d{2}-\d{2})", re.M)
FRONT_MATTER = re.compile(r"-{3}[ \t]*\n(.*?\n)-{3}[ \t]*\n", re.S)


def today() -> dt.date:
    value = os.environ.get("SIM_TODAY")
    return dt.date.fromisoformat(value) if value else dt.date.today()


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def checked_lines(facts_file: Path) -> dict[str, int]:
    """The line of each fact's `checked:` in the file."""
    return field_lines(facts_file, "checked")


def stale_facts(facts_file: Path, on: dt.date | None = None, root: Path = ROOT) -> list[str]:
    """'file:line: facts.KEY: …' for every fact checked more than MAX_MONTHS ago."""
    on = on or today()
    limit = add_months(on, -MAX_MONTHS)
    data = facts_data.load(facts_file)
    lines = checked_lines(facts_file)
    rel = _rel(facts_file, root)
    out = []
    for key, fact in data["facts"].items():
        checked = facts_data.as_date(fact["checked"])
        if checked and checked < limit:
            out.append(
                f"{rel}:{lines.get(key, 1)}: facts.{key}: checked {checked.isoformat()}, more than "
                f"{MAX_MONTHS} months before {on.isoformat()}: read its source again and update "
                "value, confidence and checked"
            )
    return out


def field_lines(facts_file: Path, field: str) -> dict[str, int]:
    """The line of each fact's `field:` in the file."""
    node = yaml.compose(facts_file.read_text(encoding="utf-8"), Loader=SafeLoader)
    lines: dict[str, int] = {}
    for section_key, section in node.value:
        if section_key.value != "facts":
            continue
        for key_node, fact in section.value:
            for name, value in fact.value:
                if name.value == field:
                    lines[key_node.value] = name.start_mark.line + 1
    return lines


def proposals_to_check(facts_file: Path, on: dt.date | None = None, root: Path = ROOT) -> list[str]:
    """'file:line: facts.KEY: … check whether adopted' for every announced or proposed
    rule whose as_of is more than PROPOSAL_MONTHS months before `on`."""
    on = on or today()
    limit = add_months(on, -PROPOSAL_MONTHS)
    data = facts_data.load(facts_file)
    lines = field_lines(facts_file, "status")
    rel = _rel(facts_file, root)
    out = []
    for key, fact in data["facts"].items():
        if fact.get("status") in PROPOSALS and fact["as_of"] < limit:
            out.append(
                f"{rel}:{lines.get(key, 1)}: facts.{key}: {fact['status']} as of "
                f"{fact['as_of'].isoformat()}, more than {PROPOSAL_MONTHS} months before "
                f"{on.isoformat()}: check whether adopted, then update status, as_of and the "
                "pages' tense"
            )
    return out


def pages_older_than_their_facts(docs: Path, facts_file: Path | None = None,
                                 root: Path = ROOT) -> list[str]:
    """'file:line: …' for every page whose last_reviewed is older than the newest
    `checked` of the facts it shows."""
    facts_file = facts_file or docs / "_data" / "facts.yml"
    data = facts_data.load(facts_file)
    out = []
    for page in sorted(docs.glob("*/**/*.md")):
        if page.relative_to(docs).parts[0] == "_data":
            continue
        text = page.read_text(encoding="utf-8")
        fm = FRONT_MATTER.match(text)
        m = REVIEWED.search(fm.group(1)) if fm else None
        if not m:
            continue  # the build stops on a page without last_reviewed
        reviewed = dt.date.fromisoformat(m.group(1))
        shown = [(facts_data.as_date(data["facts"][k]["checked"]), k)
                 for k in set(FACT.findall(text)) if k in data["facts"]]
        shown = [(c, k) for c, k in shown if c]
        if not shown:
            continue
        newest, key = max(shown)
        if reviewed < newest:
            line = text.count("\n", 0, fm.start(1) + m.start()) + 1
            out.append(
                f"{_rel(page, root)}:{line}: last_reviewed {reviewed.isoformat()} is older than "
                f"the newest fact it shows (facts.{key}, checked {newest.isoformat()}): "
                "read the page again against its facts and update last_reviewed"
            )
    return out


def main(argv: list[str]) -> int:
    args = list(argv)
    on = None
    if "--today" in args:
        i = args.index("--today")
        on = dt.date.fromisoformat(args[i + 1])
        del args[i:i + 2]
    docs = Path(args[0]).resolve() if args else ROOT / "docs"
    facts_file = docs / "_data" / "facts.yml"
    root = docs.parent
    problems = (stale_facts(facts_file, on, root) + proposals_to_check(facts_file, on, root)
                + pages_older_than_their_facts(docs, facts_file, root))
    for problem in problems:
        print(f"warn {problem}")
    print(f"{len(problems)} freshness warning(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
