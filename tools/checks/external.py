"""`make check-external`: do the external URLs of the guide still answer?

Needs the internet, so it is not part of `make test`. Checks every URL in
docs/_data/facts.yml (official sites, fact sources and cited sources), prints one
line per URL and exits 1 if any failed. A failure is a reason to re-check the page
that cites it, not proof that the fact changed.
"""

from __future__ import annotations

import datetime as dt
import sys
import urllib.error
from pathlib import Path
import urllib.request

from tools.checks.links import FACTS, facts_data

USER_AGENT = "Mozilla/5.0 (compatible; russian-sim-guide link check)"


def urls() -> dict[str, set[str]]:
    data = facts_data.load(FACTS)
    found: dict[str, set[str]] = {}
    for key, fact in data["facts"].items():
        found.setdefault(fact["source"], set()).add(f"facts.{key}.source")
        if fact["kind"] == "url":
            found.setdefault(fact["value"], set()).add(f"facts.{key}")
    for key, src in data["sources"].items():
        found.setdefault(src["url"], set()).add(f"sources.{key}")
    return found


def status(url: str) -> str | None:
    """None if the URL answers with a success or redirect, else the problem."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=20) as resp:
                if resp.status < 400:
                    return None
                problem = f"HTTP {resp.status}"
        except urllib.error.HTTPError as exc:
            problem = f"HTTP {exc.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            problem = f"unreachable ({exc})"
    return problem


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report(failures: list[tuple[str, list[str], str]], total: int, overdue: list[str],
           on: dt.date) -> str:
    """The weekly report, Markdown; first line: <!-- needs-attention: yes|no -->."""
    attention = "yes" if failures or overdue else "no"
    out = [
        f"<!-- needs-attention: {attention} -->",
        f"Checked on {on.isoformat()} by `make check-external`: {len(failures)} of {total} "
        "external URLs in `docs/_data/facts.yml` did not answer, and "
        f"{len(overdue)} fact(s) were last checked more than 12 months ago.",
        "",
        "A source that does not answer is a reason to read the pages that cite it again "
        "(and to look for the page's new address), not proof that a fact changed.",
        "",
        "## Sources that no longer answer",
        "",
    ]
    if failures:
        out += ["| URL | Used as | Problem |", "| --- | --- | --- |"]
        out += [f"| {_cell(url)} | {_cell(', '.join(f'`{w}`' for w in where))} | {_cell(problem)} |"
                for url, where, problem in failures]
    else:
        out.append("Every source answered.")
    out += ["", "## Facts not checked for more than 12 months", ""]
    out += [f"- {_cell(line)}" for line in overdue] or ["None."]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    report_file = Path(argv[argv.index("--report") + 1]) if "--report" in argv else None
    found = urls()
    failures = []
    for url, where in sorted(found.items()):
        problem = status(url)
        if problem:
            failures.append((url, sorted(where), problem))
        print(f"{'FAIL' if problem else 'ok  '} {url}  [{', '.join(sorted(where))}]"
              + (f"  {problem}" if problem else ""))
    print(f"{len(failures)} of {len(found)} external URLs failed")
    if report_file:
        from tools.checks import freshness

        on = freshness.today()
        text = report(failures, len(found), freshness.stale_facts(FACTS, on), on)
        report_file.write_text(text, encoding="utf-8")
        print(f"report written to {report_file}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
