"""Draw the link-preview cards (Open Graph / Twitter image), one per language.

    python -m tools.cards        # writes overrides/assets/images/card-<lang>.png, every language

The cards are made by the project and committed (the build only links them: it
needs no browser). Redraw them when the site name or the tagline changes.
Uses the system Chromium (tools/chromium.py) and the Noto CJK fonts.
"""

from __future__ import annotations

import html
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.chromium import ARGS, CHROMIUM
from tools.languages import LANGS, words

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "overrides" / "assets" / "images"
SIZE = (1200, 630)

# The card's words and font are `card:` in each language's docs/_data/ui/<lang>.yml.
CARRIERS = "MTS · Beeline · MegaFon · T2"


def card_html(lang: str) -> str:
    c = words(lang)["card"]
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><style>
      html, body {{ margin: 0; width: {SIZE[0]}px; height: {SIZE[1]}px; }}
      body {{ font-family: {c['font']}; background: #3f51b5; color: #fff;
              display: flex; flex-direction: column; justify-content: center;
              padding: 0 90px; box-sizing: border-box; }}
      .sim {{ width: 96px; height: 120px; border: 6px solid #fff; border-radius: 8px 40px 8px 8px;
              margin-bottom: 40px; position: relative; }}
      .sim::after {{ content: ""; position: absolute; left: 22px; top: 38px; width: 40px; height: 34px;
              border: 5px solid #fff; border-radius: 6px; }}
      h1 {{ font-size: 76px; line-height: 1.1; margin: 0 0 28px; font-weight: 700; }}
      p {{ font-size: 36px; line-height: 1.35; margin: 0 0 36px; opacity: .95; }}
      .carriers {{ font-size: 30px; letter-spacing: .02em; opacity: .85; }}
    </style></head><body>
      <div class="sim"></div>
      <h1>{html.escape(c['name'])}</h1>
      <p>{html.escape(c['tagline']).replace(chr(10), '<br>')}</p>
      <div class="carriers">{CARRIERS}</div>
    </body></html>"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": SIZE[0], "height": SIZE[1]})
        for lang in LANGS:
            page.set_content(card_html(lang))
            target = OUT / f"card-{lang}.png"
            page.screenshot(path=str(target), type="png")
            print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KB)")
        browser.close()


if __name__ == "__main__":
    main()
