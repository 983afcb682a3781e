"""At 360 px wide no page scrolls sideways; wide tables scroll inside their own box."""

from __future__ import annotations

import pytest

from tests.conftest import LANGS, PAGES

CASES = [(lang, page) for lang in LANGS for page in PAGES]


@pytest.fixture(scope="module")
def phone(browser, site):
    from tests.browser.conftest import open_page
    context, page, rec = open_page(browser, site.url, viewport={"width": 360, "height": 740},
                                   is_mobile=True, has_touch=True, device_scale_factor=2)
    yield page
    context.close()


@pytest.mark.parametrize("lang,slug", CASES, ids=[f"{l}/{p or 'home'}" for l, p in CASES])
def test_no_sideways_scroll_at_360px(site, phone, lang, slug):
    phone.goto(site.page_url(lang, slug), wait_until="load")
    width = phone.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1] == 360, f"{lang}/{slug}: page is {width[0]} px wide"
    tables = phone.evaluate("""() => [...document.querySelectorAll('.md-typeset table')].map(t => {
        let box = t.parentElement;
        while (box && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
        return [t.scrollWidth, box ? getComputedStyle(box).overflowX : 'none',
                box ? box.getBoundingClientRect().width : 0];
      })""")
    for table_width, overflow, box_width in tables:
        assert overflow in ("auto", "scroll"), f"{lang}/{slug}: a table is not in a scrolling box"
        assert box_width <= 360


def test_compare_table_is_wider_than_a_phone(site, phone):
    """The 360 px check above is meaningful: the comparison table does overflow its box."""
    phone.goto(site.page_url("en", "compare/"), wait_until="load")
    assert phone.evaluate("() => document.querySelector('.md-typeset table').scrollWidth") > 360
