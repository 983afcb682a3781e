"""The GitHub files are valid: every workflow in .github/workflows/ and every issue
form in .github/ISSUE_TEMPLATE/, against the schemas that check-jsonschema ships
(vendored: no network needed).

    python -m tools.checks.workflows [project_dir]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = (
    (".github/workflows", "vendor.github-workflows"),
    (".github/ISSUE_TEMPLATE", "vendor.github-issue-forms"),
)
NOT_A_FORM = {"config.yml", "config.yaml"}  # the template chooser's settings


def files(root: Path, folder: str) -> list[Path]:
    return sorted(p for p in (root / folder).glob("*.y*ml")
                  if p.suffix in (".yml", ".yaml") and p.name not in NOT_A_FORM)


def check(root: Path = ROOT) -> list[str]:
    """One line per problem, naming the file."""
    problems = []
    for folder, schema in SCHEMAS:
        paths = files(root, folder)
        if not paths:
            continue
        proc = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
             "--output-format", "text", "--color", "never", *[str(p) for p in paths]],
            cwd=root, capture_output=True, text=True, timeout=120,
        )
        if proc.returncode == 0:
            continue
        lines = [l.rstrip() for l in (proc.stdout + proc.stderr).splitlines() if l.strip()]
        named = [l for l in lines if any(str(p) in l for p in paths)]
        for line in named or lines:
            for p in paths:
                line = line.replace(str(p), p.relative_to(root).as_posix())
            problems.append(f"{line.strip()} (schema {schema})")
    return problems


if __name__ == "__main__":
    found = check(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT)
    print("\n".join(found) or "all workflows and issue forms are valid")
    sys.exit(1 if found else 0)
