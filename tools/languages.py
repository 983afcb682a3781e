"""The languages and interface words for tools and tests: the same helper the hooks
use (overrides/hooks/common.py), which reads the list from mkdocs.yml
(`plugins: - i18n: languages:`) and the words from docs/_data/ui/<lang>.yml."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "overrides" / "hooks"))
from common import DEFAULT_LANG, FALLBACK_LANG, LANGS, SafeLoader, missing_words, read_languages, safe_load, words  # noqa: E402,F401
