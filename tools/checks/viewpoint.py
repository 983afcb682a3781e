"""Viewpoint: the reader is in Russia or has left Russia.

    python -m tools.checks.viewpoint [docs_dir]     # prints every hit, exit 1 if any

To a Chinese reader 出国 is leaving China, 国外 is anywhere but China and 回国 is going
home to China. Written for a reader in Russia they say the wrong thing: "leaving
Russia" is 离开俄罗斯, "outside Russia" 在俄罗斯境外, "coming back" 回到俄罗斯.

For each language with a `viewpoint:` entry in docs/_data/glossary.yml, every word of
`words` is refused in everything the language renders (its pages and includes, its
words file docs/_data/ui/<lang>.yml, its wording in facts.yml), except where an entry
of `allow` names the file and a phrase around the word: the hit is allowed when that
phrase, which contains the word, stands at that place in that file (出国前 on an
arrival path: before leaving China for Russia). An allow entry whose phrase lacks
the word, or that allows nothing any more, is reported too, so the list stays true.

Russian «за границей» (only as the reader's own place, outside Russia) has no
checkable form: the native review holds it (CONTRIBUTING.md, "How a native review
is done").
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tools.checks.glossary import GlossaryError, load, rendered_texts


def check(docs_dir: Path) -> list[str]:
    root = docs_dir.parent
    try:
        table = load(docs_dir).get("viewpoint") or {}
    except GlossaryError as exc:
        return [str(exc)]
    problems = []
    for lang, entry in table.items():
        if not (docs_dir / lang).is_dir():
            continue
        words = entry.get("words") or []
        if not words:
            continue
        pattern = re.compile("|".join(re.escape(w) for w in words))
        allow = entry.get("allow") or []
        for rule in allow:
            if not any(w in rule.get("phrase", "") for w in words):
                problems.append(f"docs/_data/glossary.yml: viewpoint.{lang}.allow: phrase "
                                f"'{rule.get('phrase')}' contains none of {', '.join(words)}")
        used: set[int] = set()
        for path, number, line in rendered_texts(docs_dir, lang):
            where = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            for m in pattern.finditer(line):
                ok = False
                for i, rule in enumerate(allow):
                    phrase = rule.get("phrase", "")
                    if rule.get("file") != where or not phrase:
                        continue
                    for p in re.finditer(re.escape(phrase), line):
                        if p.start() <= m.start() and m.end() <= p.end():
                            ok = True
                            used.add(i)
                if not ok:
                    problems.append(
                        f"{where}:{number}: '{m.group(0)}' (viewpoint: seen from China); write "
                        f"{entry.get('use', 'the words for Russia')}; if it does mean China, "
                        f"allow file and phrase in glossary.yml viewpoint.{lang}.allow"
                    )
        for i, rule in enumerate(allow):
            if i not in used and any(w in rule.get("phrase", "") for w in words):
                problems.append(f"docs/_data/glossary.yml: viewpoint.{lang}.allow: '{rule.get('phrase')}' "
                                f"in {rule.get('file')} allows nothing (the text changed): remove the entry")
    return problems


if __name__ == "__main__":
    docs = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    found = check(docs)
    print("\n".join(found) or "viewpoint: OK")
    sys.exit(1 if found else 0)
