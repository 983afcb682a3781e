"""axe-core (bundled in axe-playwright-python) on every page of every language, the
keyboard path through a page, and the offer of the reader's language."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import LANGS, PAGES

AXE = Axe()
CASES = [(lang, page) for lang in LANGS for page in PAGES]


@pytest.mark.parametrize("lang,slug", CASES, ids=[f"{l}/{p or 'home'}" for l, p in CASES])
def test_no_serious_or_critical_axe_violation(site, reader, lang, slug):
    axe_page, _ = reader
    axe_page.goto(site.page_url(lang, slug), wait_until="load")
    result = AXE.run(axe_page)
    assert result.response["testEngine"]["version"].startswith("4.")
    assert result.response["passes"], "axe ran no rule"
    bad = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert not bad, "\n".join(bad)


def test_axe_catches_an_unlabelled_checkbox(site, reader):
    """The scan is not vacuous: the fault this site fixed is reported when present."""
    axe_page, _ = reader
    axe_page.goto(site.page_url("en", "checklist/"), wait_until="load")
    axe_page.evaluate("""() => document.querySelectorAll('.task-list-item').forEach(li => {
        const text = li.querySelector('.sim-task-text'); if (text) li.appendChild(text); })""")
    ids = {v["id"] for v in AXE.run(axe_page).response["violations"]}
    assert "label" in ids


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_reaches_every_control(site, clean_page, lang):
    page, rec = clean_page
    page.goto(site.page_url(lang, "checklist/"), wait_until="load")
    page.keyboard.press("Tab")
    skip = page.evaluate("() => [document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert "md-skip" in skip[0], f"first Tab lands on {skip}, not the skip link"
    page.wait_for_function("getComputedStyle(document.querySelector('.md-skip')).opacity === '1'",
                           timeout=3000)  # it fades in: visible once focused
    reached, checkboxes = set(), 0
    for _ in range(400):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement;
            // a transparent checkbox shows its focus on the box Material draws after it
            const shown = e.type === 'checkbox'
              ? getComputedStyle(e.nextElementSibling, '::before') : getComputedStyle(e);
            return [e.tagName.toLowerCase(), e.className || '', e.type || '', e.getAttribute('aria-label') || '',
                    shown.outlineStyle, shown.outlineWidth]; }""")
        reached.add(tuple(info[:4]))
        if info[0] == "input" and info[2] == "checkbox":
            checkboxes += 1
            assert info[4] != "none" and info[5] != "0px", "no visible focus on a checkbox"
        if info[0] == "body":
            break
    names = " ".join(" ".join(r) for r in reached)
    assert "md-search__input" in names, "search field not reachable"
    assert "sim-print" in names and "sim-clear" in names, "print/clear not reachable"
    assert checkboxes >= 20, f"only {checkboxes} tick boxes reachable"
    assert any(r[0] == "button" and "md-header__button" in r[1] for r in reached), "header buttons"


@pytest.mark.parametrize("locale,offered", [("ru-RU", "ru"), ("en-GB", "en"), ("zh-CN", None)])
def test_language_offer_on_chinese_home(site, site_page, locale, offered):
    page, rec = site_page(locale=locale)
    page.goto(site.page_url("zh"), wait_until="load")
    offer = page.locator(".sim-lang-offer")
    assert page.url == site.page_url("zh"), "never redirect"
    if offered is None:
        assert offer.count() == 0
        return
    assert offer.is_visible() and offer.get_attribute("lang") == offered
    assert offer.locator("a").evaluate("a => a.href") == site.page_url(offered)
    page.goto(site.page_url("zh", "compare/"), wait_until="load")
    assert page.locator(".sim-lang-offer").count() == 0, "offered outside the home"
    page.goto(site.page_url("zh"), wait_until="load")
    page.locator(".sim-lang-offer button").click()
    assert page.locator(".sim-lang-offer").count() == 0
    page.reload(wait_until="load")
    assert page.locator(".sim-lang-offer").count() == 0, "dismissal not remembered"
