"""The 390 px polish of issue 27 (item 6), each on a 390 px phone screen: links on paper
are plain text, search marks in tables take the table's size, search results show no
"Missing: …" line and no checklist button label, the back-to-top button covers no
text, the applications' blank lines do not break, no empty band under the H1, and the
home page loads no palette.css (the first view; its size is measured by `make bench`)."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.test_reminders import hook

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def phone(reader, site, lang, path):
    page, rec = reader
    page.set_viewport_size(PHONE)
    page.goto(site.page_url(lang, path), wait_until="load")
    return page, rec


def test_links_print_as_plain_text(reader, site):
    page, _ = phone(reader, site, "en", "cards/number-keeping/")
    page.emulate_media(media="print")
    styles = page.evaluate("""() => Array.from(document.querySelectorAll('article a'))
        .filter(a => a.getClientRects().length && a.textContent.trim())
        .map(a => [a.textContent.trim().slice(0, 30), getComputedStyle(a).textDecorationLine,
                   getComputedStyle(a).color, getComputedStyle(a.parentElement).color])""")
    assert len(styles) > 20
    bad = [s for s in styles if s[1] != "none" or s[2] != s[3]]
    assert not bad, f"links that print underlined or coloured: {bad[:5]}"


@pytest.mark.parametrize("lang, word", [("en", "MTS"), ("ru", "МТС"), ("zh", "MTS")])
def test_search_marks_in_tables_take_the_tables_size(reader, site, lang, word):
    """The compare table's ⚠ marks name the carrier: a search word marked there was
    10 px (the mark's .8em of the table's text)."""
    page, _ = phone(reader, site, lang, f"compare/?h={word}")
    page.wait_for_function("() => document.querySelector('article table .sim-check mark')", timeout=8000)
    sizes = page.evaluate("""() => Array.from(document.querySelectorAll('article table mark'))
        .map(m => [getComputedStyle(m).fontSize, getComputedStyle(m.closest('td, th')).fontSize])""")
    assert sizes and all(mark == cell for mark, cell in sizes), sizes
    assert all(float(mark[:-2]) >= 12 for mark, _ in sizes), sizes


def test_search_results_show_no_missing_line_nor_checklist_buttons(reader, site):
    page, _ = phone(reader, site, "en", "")
    page.keyboard.press("/")  # Material's key for search (the phone's header icon opens the same)
    field = page.locator("input.md-search__input")
    field.wait_for(state="visible")
    field.fill("ticks zzzqqq")  # a word the guide has, and one it has not
    page.keyboard.press("Shift")
    page.wait_for_selector(".md-search-result__item")
    lines, shown = page.evaluate("""() => { const all = document.querySelectorAll('.md-search-result__terms');
        return [all.length, Array.from(all).filter(e => e.getClientRects().length).length]; }""")
    assert lines > 0, "Material wrote no “Missing: …” line: the query no longer tests it"
    assert shown == 0, "a “Missing: …” line shows"
    text = page.locator(".md-search-result").inner_text()
    assert "Clear all ticks" not in text and "Any carrier" not in text, text[:500]


def test_back_to_top_covers_no_text(reader, site):
    page, _ = phone(reader, site, "en", "cards/number-keeping/")
    # Material shows the button when the reader scrolls up
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("() => window.scrollY > 1000")
    page.evaluate("() => window.scrollBy(0, -300)")
    page.wait_for_function("() => !document.querySelector('.md-top').hidden")
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # the page's very end
    page.wait_for_function("() => window.innerHeight + window.scrollY >= document.body.scrollHeight - 1")
    page.evaluate("() => document.querySelector('.md-top').hidden = false")  # as after a scroll up there
    covered = page.evaluate("""() => {
        const top = document.querySelector('.md-top'), box = top.getBoundingClientRect();
        const hits = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          if (!n.textContent.trim() || top.contains(n)) continue;
          const range = document.createRange(); range.selectNodeContents(n);
          for (const r of range.getClientRects())
            if (r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom)
              hits.push(n.textContent.trim().slice(0, 40));
        }
        return [hits, box.width, box.right, box.bottom];
    }""")
    hits, width, right, bottom = covered
    assert width <= 48 and right >= PHONE["width"] - 24 and bottom >= PHONE["height"] - 24, covered
    assert not hits, f"text under the back-to-top button: {hits}"


def test_blank_lines_do_not_wrap(reader, site):
    page, _ = phone(reader, site, "ru", "at-the-counter/")
    wrapped = page.evaluate("""() => Array.from(document.querySelectorAll('.sim-blank:not([data-filled])'))
        .filter(b => b.getClientRects().length > 1).map(b => b.dataset.field)""")
    count = page.evaluate("() => document.querySelectorAll('.sim-blank').length")
    assert count > 10 and not wrapped, f"blank lines broken in two: {wrapped}"


@pytest.mark.parametrize("path", ["", "cards/number-keeping/", "checklist/"])
def test_no_empty_band_under_the_title(reader, site, path):
    page, _ = phone(reader, site, "zh", path)
    gap = page.evaluate("""() => { const h1 = document.querySelector('article h1');
        let next = h1.nextElementSibling;
        while (next && !next.getClientRects().length) next = next.nextElementSibling;
        return next.getBoundingClientRect().top - h1.getBoundingClientRect().bottom; }""")
    assert gap <= 20, f"{gap:.0f} px of empty band under the H1"


def test_home_loads_no_palette_stylesheet_and_keeps_its_colours(reader, site):
    """palette.css is left out while mkdocs.yml asks for Material's default palette."""
    palette = hook.common.yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                               Loader=hook.common._AnyTagLoader)["theme"]["palette"]
    assert (palette["scheme"], palette["primary"], palette["accent"]) == ("default", "indigo", "indigo")
    page, rec = phone(reader, site, "en", "")
    assert not [u for u in rec.requests if "palette" in u], "palette.css is loaded"
    colours = page.evaluate("""() => [getComputedStyle(document.querySelector('.md-header')).backgroundColor,
        getComputedStyle(document.body).getPropertyValue('--md-accent-fg-color').trim()]""")
    assert colours == ["rgb(64, 81, 181)", "#526cfe"], colours  # Material's indigo and its accent
