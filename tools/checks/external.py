"""`make check-external`: do the external URLs of the guide still answer?

Needs the internet, so it is not part of `make test`. Checks every URL in
docs/_data/facts.yml (official sites, fact sources and cited sources), prints one
line per URL and exits 1 if any failed. A failure is a reason to re-check the page
that cites it, not proof that the fact changed.
"""

from __future__ import annotations

import sys
import urllib.error
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


def main() -> int:
    failed = 0
    for url, where in sorted(urls().items()):
        problem = status(url)
        failed += problem is not None
        print(f"{'FAIL' if problem else 'ok  '} {url}  [{', '.join(sorted(where))}]"
              + (f"  {problem}" if problem else ""))
    print(f"{failed} of {len(urls())} external URLs failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
