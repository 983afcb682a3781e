"""Build the offline copy: a zip that works unpacked, from file://, with no network.

    python -m tools.offline site-offline.zip

Material's offline plugin (OFFLINE=true in mkdocs.yml) switches to .html URLs and
writes search_index.js; overrides/hooks/search_split.py splits that per language and
overrides/hooks/head.py leaves out the hreflang links (they would point at the web).
The vendored iframe-worker shim keeps search working from file:// with no CDN.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = "russian-sim-guide"


def build_offline(zip_path: Path) -> Path:
    """Strictly build the offline variant and zip it under one top folder."""
    zip_path = Path(zip_path).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / FOLDER
        env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
        mkdocs = Path(sys.executable).parent / os.environ.get("ENGINE", "mkdocs")
        proc = subprocess.run(
            [str(mkdocs), "build", "--strict", "--site-dir", str(out)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
        )
        log = proc.stdout + proc.stderr
        warnings = [l for l in log.splitlines() if l.startswith(("WARNING", "ERROR"))]
        if proc.returncode or warnings:
            raise SystemExit(f"offline build failed:\n{log[-4000:]}")
        zip_path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(out.rglob("*")):
                if path.is_file() and not path.name.endswith((".map", ".gz")):
                    zf.write(path, path.relative_to(Path(tmp)).as_posix())
    return zip_path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "site-offline.zip")
    print(f"wrote {build_offline(target)} ({target.stat().st_size // 1024} KB)")
