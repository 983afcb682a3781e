"""The checklist's chooser: one carrier and one goal narrow the list, the choice lives
in the URL (checklist/?carrier=mts&goal=keep), paper shows only the chosen items and
names the choice, and without JavaScript every item shows.

Expectations come from the built page: which items apply is read from the classes each
item carries (sim-carrier-*, sim-goal-*), never from a list copied here. Only the URL
contract (the carrier and goal values other pages link with) is written down."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from itertools import product

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_print import pdf_pages, squash
from tests.conftest import LANGS

CARRIERS = ("mts", "beeline", "megafon", "t2")  # the URL contract
GOALS = ("end", "keep", "esim", "travel")
CHOICES = [(c, g) for c, g in product(("",) + CARRIERS, ("",) + GOALS) if c or g]
ITEMS = "article .task-list-item"

# Every element the chooser may hide: task items and any block tagged for the chooser,
# with its tags, whether it is shown, and its text.
STATE = """() => Array.from(document.querySelectorAll(
    "article .task-list-item, article [class*='sim-carrier-'], article [class*='sim-goal-']"))
  .map(el => {
    const tags = kind => Array.from(el.classList).filter(c => c.startsWith('sim-' + kind + '-'))
                                                 .map(c => c.slice(kind.length + 5));
    return {item: el.classList.contains('task-list-item'), carriers: tags('carrier'),
            goals: tags('goal'), shown: el.getClientRects().length > 0,
            text: el.innerText.trim()};
  })"""

# Each h2 of the article with the task items of its section (up to the next h2).
SECTIONS = """() => { const out = []; let cur = null;
  for (const node of document.querySelector('article').children) {
    if (node.tagName === 'H2') { cur = {id: node.id, shown: node.getClientRects().length > 0, items: []};
                                 out.push(cur); continue; }
    if (node.tagName === 'H1') { cur = null; continue; }
    if (cur) node.querySelectorAll('.task-list-item').forEach(li =>
      cur.items.push(li.getClientRects().length > 0));
  }
  return out; }"""


def fits(el: dict, carrier: str, goal: str) -> bool:
    return ((not carrier or not el["carriers"] or carrier in el["carriers"])
            and (not goal or not el["goals"] or goal in el["goals"]))


def query(carrier: str, goal: str) -> str:
    parts = [f"carrier={carrier}"] * bool(carrier) + [f"goal={goal}"] * bool(goal)
    return "?" + "&".join(parts) if parts else ""


def check_narrowed(page, carrier: str, goal: str, total: int) -> list[dict]:
    """The page shows exactly the elements whose tags fit the choice; returns them."""
    state = page.evaluate(STATE)
    items = [el for el in state if el["item"]]
    assert len(items) == total
    for el in state:
        assert el["shown"] == fits(el, carrier, goal), (
            f"{carrier or 'any'}/{goal or 'all'}: {'shown' if el['shown'] else 'hidden'} "
            f"{el['carriers']} {el['goals']}: {el['text'][:60]}")
    shown = [el for el in items if el["shown"]]
    assert 0 < len(shown) < total, f"{carrier}/{goal} does not narrow: {len(shown)} of {total}"
    for el in shown:  # what the brief asks, said plainly
        assert not el["carriers"] or carrier in el["carriers"] or not carrier
        assert not el["goals"] or goal in el["goals"] or not goal
    sections = page.evaluate(SECTIONS)
    toc = page.evaluate("""ids => ids.map(id => { const a = document.querySelector(
        ".md-sidebar--secondary a.md-nav__link[href='#" + id + "']");
        return a ? a.getClientRects().length > 0 : null; })""", [s["id"] for s in sections])
    for section, in_toc in zip(sections, toc):
        if section["items"]:
            assert section["shown"] == any(section["items"]), (
                f"heading #{section['id']} {'shown' if section['shown'] else 'hidden'} "
                f"with {sum(section['items'])} of {len(section['items'])} items shown")
        assert in_toc in (None, section["shown"]), f"#{section['id']} in the contents: {in_toc}"
    assert any(t is not None for t in toc), "no table of contents to check"
    # the page's own "On this page" list (nav.sim-toc, what a phone shows) lists only
    # the sections that are shown
    listed = page.evaluate("""ids => ids.map(id => { const a = document.querySelector(
        "nav.sim-toc a[href='#" + id + "']"); return a ? !a.closest('li').hidden : null; })""",
                           [s["id"] for s in sections])
    assert any(t is not None for t in listed), "no On-this-page list to check"
    for section, in_list in zip(sections, listed):
        assert in_list in (None, section["shown"]), f"#{section['id']} in On this page: {in_list}"
    count = page.locator(".sim-chooser-count").inner_text()
    assert re.search(rf"\b{len(shown)}\b", count) and re.search(rf"\b{total}\b", count), count
    return shown


def _cjk(c: str) -> bool:
    return "\u2e80" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def find(text: str, printed: str, lang: str, whole: bool = False) -> int:
    """Where the start of `text` (or all of it) is in the PDF text `printed`, or -1.
    PDF text of CJK fonts comes back with a few ideographs swapped for look-alikes
    (⻔ for 门, 戶 for 户) that NFKC does not undo. So for Chinese, up to 15 % of the
    ideographs may differ; every other character (carrier names, codes) must agree."""
    key = text if whole else text[:20 if lang == "zh" else 30]
    if key in printed or lang != "zh":
        return printed.find(key)
    n, allowed = len(key), int(.15 * len(key))
    for i in range(len(printed) - n + 1):
        wrong = 0
        for a, b in zip(key, printed[i:i + n]):
            if a != b:
                wrong += 1
                if not (_cjk(a) and _cjk(b)) or wrong > allowed:
                    break
        else:
            return i
    return -1


def choose(page, carrier: str, goal: str) -> None:
    """Tick the two radio buttons by their visible labels, as a reader does."""
    page.locator(f".sim-chooser input[name=sim-carrier][value='{carrier}']").locator("..").click()
    page.locator(f".sim-chooser input[name=sim-goal][value='{goal}']").locator("..").click()


def selected(page) -> tuple[str, str]:
    return (page.locator("input[name=sim-carrier]:checked").get_attribute("value"),
            page.locator("input[name=sim-goal]:checked").get_attribute("value"))


class _Items(HTMLParser):
    """Task items of a built page, with their chooser tags, in document order."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, ...]] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "li" and "task-list-item" in classes:
            self.tags.append(tuple(sorted(c for c in classes if c.startswith(("sim-carrier-", "sim-goal-")))))


def built_items(site, lang) -> list[tuple[str, ...]]:
    parser = _Items()
    parser.feed(site.page(lang, "checklist/").read_text(encoding="utf-8"))
    return parser.tags


def test_items_and_tags_are_the_same_in_every_language(site):
    tags = {lang: built_items(site, lang) for lang in LANGS}
    assert tags["zh"] == tags["ru"] == tags["en"], "items or their tags differ between languages"
    used = {t for item in tags["en"] for t in item}
    for carrier in CARRIERS:
        assert f"sim-carrier-{carrier}" in used, f"no item for {carrier}"
    for goal in GOALS:
        assert f"sim-goal-{goal}" in used, f"no item for the goal {goal}"
    assert any(not item for item in tags["en"]), "no item applies to everyone"


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_title_is_its_heading(site, lang):
    """The chooser note in the Markdown sits below the H1: above it, MkDocs would lose
    the H1 as the page's title and name it "Checklist" in every language."""
    html = site.page(lang, "checklist/").read_text(encoding="utf-8")
    h1 = unescape(re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)))
    h1 = h1.replace("¶", "").strip()
    title = unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))
    assert title.startswith(h1), (title, h1)


@pytest.mark.parametrize("lang", LANGS)
def test_every_carrier_and_goal_narrows_the_list(site, reader, lang):
    page, rec = reader
    page.goto(site.page_url(lang, "checklist/"), wait_until="load")
    total = page.locator(ITEMS).count()
    assert total == len(built_items(site, lang))
    assert page.locator(f"{ITEMS}:visible").count() == total, "an unnarrowed list hides items"
    assert selected(page) == ("", "")
    for carrier, goal in CHOICES:
        choose(page, carrier, goal)
        check_narrowed(page, carrier, goal, total)
        assert page.evaluate("location.search") == query(carrier, goal)
    choose(page, "", "")
    assert page.locator(f"{ITEMS}:visible").count() == total, "back to any/everything hides items"
    assert page.locator("article h2:visible").count() == page.locator("article h2").count()
    assert page.evaluate("location.search") == ""
    assert not rec.console_errors, rec.console_errors


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("carrier,goal", [("mts", "keep"), ("t2", "end"), ("beeline", ""),
                                          ("", "travel"), ("megafon", "esim")])
def test_a_narrowed_address_opens_narrowed(site, reader, lang, carrier, goal):
    page, rec = reader
    total = len(built_items(site, lang))
    page.goto(site.page_url(lang, "checklist/") + query(carrier, goal), wait_until="load")
    assert selected(page) == (carrier, goal)
    check_narrowed(page, carrier, goal, total)
    assert page.evaluate("location.search") == query(carrier, goal)
    assert not rec.console_errors, rec.console_errors


@pytest.mark.parametrize("lang", LANGS)
def test_unknown_values_in_the_address_are_dropped(site, reader, lang):
    page, rec = reader
    page.goto(site.page_url(lang, "checklist/") + "?carrier=vodafone&goal=keep&x=1#money",
              wait_until="load")
    assert selected(page) == ("", "keep")
    check_narrowed(page, "", "keep", len(built_items(site, lang)))
    # the others stay where they were written (window.simParams, sim-guide.js)
    assert page.evaluate("location.search + location.hash") == "?goal=keep&x=1#money"


@pytest.mark.parametrize("lang", LANGS)
def test_the_choice_is_kept_in_the_address_and_survives_a_reload(site, site_page, clean_page, lang):
    page, rec = clean_page
    page.goto(site.page_url(lang, "checklist/"), wait_until="load")
    before = page.evaluate("history.length")
    total = page.locator(ITEMS).count()
    choose(page, "megafon", "esim")
    assert page.evaluate("location.search") == "?carrier=megafon&goal=esim"
    assert page.evaluate("history.length") == before, "the choice added history entries"
    page.reload(wait_until="load")
    assert selected(page) == ("megafon", "esim")
    check_narrowed(page, "megafon", "esim", total)
    # and a shared address opens the same list in a fresh browser
    other, _ = site_page()
    other.goto(page.url, wait_until="load")
    assert selected(other) == ("megafon", "esim")
    assert other.evaluate(STATE) == page.evaluate(STATE)


@pytest.mark.parametrize("lang", LANGS)
def test_the_chooser_is_labelled_and_works_by_keyboard(site, reader, lang):
    page, rec = reader
    page.goto(site.page_url(lang, "checklist/"), wait_until="load")
    chooser = page.locator(".sim-chooser")
    assert chooser.locator("fieldset").count() == 2
    legends = chooser.locator("legend").all_inner_texts()
    assert len(legends) == 2 and all(t.strip() for t in legends)
    if lang == "zh":
        assert all(re.search("[\u4e00-\u9fff]", t) for t in legends), legends
    if lang == "ru":
        assert all(re.search("[а-яё]", t, re.I) for t in legends), legends
    radios = chooser.locator("input[type=radio]")
    assert radios.count() == 2 * (1 + len(CARRIERS))  # any + four carriers, everything + four goals
    for i in range(radios.count()):  # each radio is named by its own label text
        name = radios.nth(i).evaluate("el => el.labels.length ? el.labels[0].innerText.trim() : ''")
        assert name, f"radio {i} has no label"
    page.locator(".sim-toolbar .sim-clear").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "sim-carrier"
    page.keyboard.press("ArrowRight")  # any -> the first carrier
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "sim-goal"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # everything -> the second goal
    carrier, goal = selected(page)
    assert carrier == page.locator("input[name=sim-carrier]").nth(1).get_attribute("value") != ""
    assert goal == page.locator("input[name=sim-goal]").nth(2).get_attribute("value") != ""
    check_narrowed(page, carrier, goal, page.locator(ITEMS).count())
    assert page.evaluate("location.search") == query(carrier, goal)


AXE = Axe()


@pytest.mark.parametrize("lang", LANGS)
def test_no_serious_axe_violation_when_narrowed(site, reader, lang):
    page, rec = reader
    page.goto(site.page_url(lang, "checklist/") + "?carrier=t2&goal=keep", wait_until="load")
    result = AXE.run(page)
    assert result.response["passes"], "axe ran no rule"
    bad = [f"{v['id']} ({v['impact']})" for v in result.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert not bad, bad


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("carrier,goal", [("mts", "keep"), ("beeline", "end"), ("t2", "travel"),
                                          ("", "esim")])
def test_paper_holds_only_the_chosen_items_and_names_the_choice(site, reader, lang, carrier, goal):
    page, rec = reader
    page.goto(site.page_url(lang, "checklist/") + query(carrier, goal), wait_until="load")
    state = [el for el in page.evaluate(STATE) if el["item"]]
    chosen_text = page.locator(".sim-choice").inner_text()
    labels = {name: page.locator(f".sim-chooser input[name={name}]:checked").evaluate(
        "el => el.labels[0].innerText.trim()") for name in ("sim-carrier", "sim-goal")}
    sheets = pdf_pages(page)
    assert len(sheets) <= 2, f"{lang} {carrier}/{goal} prints on {len(sheets)} pages"
    printed = squash(" ".join(sheets)).lower()

    shown = [squash(el["text"]).lower() for el in state if el["shown"]]
    hidden = [squash(el["text"]).lower() for el in state if not el["shown"]]
    assert shown and hidden
    # the start of each chosen item is on paper, the start of every other item is not
    # (it names the carrier where two items differ only by carrier)
    missing = [t[:30] for t in shown if find(t, printed, lang) < 0]
    assert not missing, f"chosen items missing on paper: {missing}"
    extra = [t[:30] for t in hidden if find(t, printed, lang) >= 0]
    assert not extra, f"items of another choice on paper: {extra}"
    # the choice is named at the top, before the first section, in the reader's words
    first, named = squash(sheets[0]).lower(), squash(chosen_text).lower()
    for label in labels.values():
        assert squash(label).lower() in named, (label, chosen_text)
    section = squash(page.locator("article h2:visible").first.inner_text()).lower()
    at, section_at = find(named, first, lang, whole=True), find(section, first, lang, whole=True)
    assert 0 <= at < section_at, f"the choice {chosen_text!r} is not named at the top"
    assert squash(query(carrier, goal)) in printed  # the printed address reopens this list


@pytest.mark.parametrize("lang", LANGS)
def test_unnarrowed_paper_names_no_choice(site, reader, lang):
    page, rec = reader
    page.goto(site.page_url(lang, "checklist/"), wait_until="load")
    page.emulate_media(media="print")
    assert page.locator(".sim-choice:visible").count() == 0
    assert page.locator(".sim-chooser:visible").count() == 0
    assert page.locator(f"{ITEMS}:visible").count() == page.locator(ITEMS).count()


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_every_item_shows_and_no_chooser(site, site_page, lang):
    page, rec = site_page(java_script_enabled=False)
    page.goto(site.page_url(lang, "checklist/") + "?carrier=mts&goal=keep", wait_until="load")
    total = len(built_items(site, lang))
    assert total > 20
    assert page.locator(ITEMS).count() == total
    assert page.locator(f"{ITEMS}:visible").count() == total
    assert page.locator("article h2:visible").count() == page.locator("article h2").count()
    assert page.locator(".sim-chooser:visible").count() == 0, "the chooser shows without JavaScript"
    assert page.locator(".sim-toolbar:visible").count() == 0
    assert page.locator(".sim-choice:visible").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_ticks_are_kept_per_item_across_choices(site, clean_page, lang):
    page, rec = clean_page
    page.goto(site.page_url(lang, "checklist/") + "?carrier=beeline&goal=keep", wait_until="load")
    visible = page.locator(f"{ITEMS}:visible")
    target = visible.nth(visible.count() - 1)
    text = target.inner_text().strip()
    target.locator(".sim-task-text").click()
    assert target.locator("input").is_checked()
    choose(page, "", "")
    ticked = page.locator(f"{ITEMS}:has(input:checked)")
    assert ticked.count() == 1 and ticked.inner_text().strip() == text
    page.goto(site.page_url(lang, "checklist/") + "?goal=keep", wait_until="load")
    ticked = page.locator(f"{ITEMS}:has(input:checked)")
    assert ticked.count() == 1 and ticked.inner_text().strip() == text
    texts = page.locator(ITEMS).all_inner_texts()
    assert len(set(texts)) == len(texts), "two items share a text, so they would share a tick"


def test_the_chooser_works_from_the_offline_copy(browser, offline_copy):
    from tests.browser.conftest import open_page

    context, page, rec = open_page(browser, offline_copy.as_uri() + "/")
    try:
        page.goto((offline_copy / "en" / "checklist.html").as_uri() + "?carrier=mts&goal=end",
                  wait_until="load")
        total = page.locator(ITEMS).count()
        assert selected(page) == ("mts", "end")
        check_narrowed(page, "mts", "end", total)
        choose(page, "t2", "keep")
        check_narrowed(page, "t2", "keep", total)
        assert not rec.blocked and not rec.console_errors, (rec.blocked, rec.console_errors)
    finally:
        context.close()
