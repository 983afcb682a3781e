"""Content rules: agreed carrier spellings, no claim the research lists as wrong,
no dated wording, the agreed register, no promotional contacts.

Checked on the built pages' text (what readers see), per language."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml

from tests.conftest import DOCS, LANGS, PAGES
from tools.checks.glossary import carrier_rules, in_lang

GLOSSARY = yaml.safe_load((DOCS / "_data" / "glossary.yml").read_text(encoding="utf-8"))

# Claims that are wrong or unverifiable (CONTRIBUTING.md, "How the facts were found"), as
# patterns that would only appear if a page repeated them.
WRONG_CLAIMS = {
    "Decree 1342 cited (superseded by No. 59)": r"1342",
    "'mega.ru' given as MegaFon's site": r"\bmega\.ru\b",
    "MTS '183-day' rule presented": r"\b183\b",
    "MTS Belarus rules or site (mts.by)": r"mts\.by|BYN",
    "invented MTS USSD codes (*111*…)": r"\*111\*",
    "invented Beeline/MegaFon block codes": r"\*110\*0711#|\*105\*156\*0#",
    "the draft's 1 March 2025 deadline": r"1 March 2025|1\s+марта\s+2025|2025\s*年\s*3\s*月\s*1\s*日",
    "refund timelines from Chinese SEO pages": r"[3３]\s*[-–~～至]\s*[5５]\s*(个)?工作日|3[-–]5 working days|3[-–]5 рабочих",
    "invented number-keeping services": r"Заморозка номера|Сохрани номер|\*111\*2323#|\*111\*737#",
    "the SEO '3 working days / 30 days' MegaFon termination": r"Управление договором",
    "SEO farm cited": r"nowadayhitech|kakprosto|spar-kit|tataroil|axandson|westfalling|9m8m|gosuslugisovet|mdlr\.ru",
}
PROMOTION = r"t\.me/|telegram\.me|wa\.me/|\bTG\b|微信号|加微信|WeChat ID"


class Text(HTMLParser):
    """The visible text of the article (what a reader sees or prints)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.parts, self.script = 0, [], False

    def handle_starttag(self, tag, attrs):
        # void elements have no end tag: counting them would run past </article>
        if (self.depth or tag == "article") and tag not in self.VOID:
            self.depth += 1
        self.script = tag in ("script", "style")

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID:
            self.depth -= 1
        self.script = False

    def handle_data(self, data):
        if self.depth and not self.script:
            self.parts.append(data)


def article_text(site, lang, page) -> str:
    parser = Text()
    parser.feed(site.page(lang, page).read_text(encoding="utf-8"))
    return " ".join(parser.parts).replace("\u00a0", " ")


CASES = [(lang, page) for lang in LANGS for page in PAGES]
IDS = [f"{lang}/{page or 'home'}" for lang, page in CASES]


@pytest.mark.parametrize("lang,page", CASES, ids=IDS)
def test_article_text_is_extracted(site, lang, page):
    assert len(article_text(site, lang, page)) > 200, f"{lang}/{page}: article text not found"


@pytest.mark.parametrize("lang,page", CASES, ids=IDS)
def test_carrier_names_use_agreed_spelling(site, lang, page):
    text = article_text(site, lang, page)
    for carrier, rules in carrier_rules(GLOSSARY, lang).items():
        for wrong in rules["forbidden"]:
            # whole words; a domain (beeline.ru) or a URL path (/carriers/beeline/)
            # is not a spelling of the name
            hits = re.findall(rf"(?<![\w./-]){re.escape(wrong)}(?![\w/-]|\.\w)", text)
            assert not hits, f"{lang}/{page}: '{wrong}' for {carrier}; use {rules['use']}"


@pytest.mark.parametrize("lang,page", CASES, ids=IDS)
def test_no_claim_the_research_lists_as_wrong(site, lang, page):
    text = article_text(site, lang, page)
    for claim, pattern in WRONG_CLAIMS.items():
        match = re.search(pattern, text, re.I)
        assert not match, f"{lang}/{page}: {claim}: '{match.group(0)}'"


@pytest.mark.parametrize("lang,page", CASES, ids=IDS)
def test_no_dated_wording_or_promotion(site, lang, page):
    text = article_text(site, lang, page)
    dated = re.search(in_lang(GLOSSARY["dated_words"], lang), text, re.I)
    assert not dated, f"{lang}/{page}: write the date instead of '{dated.group(0)}'"
    promo = re.search(PROMOTION, text, re.I)
    assert not promo, f"{lang}/{page}: promotional contact '{promo.group(0)}'"


@pytest.mark.parametrize("page", PAGES)
def test_chinese_pages_use_the_polite_register(site, page):
    text = article_text(site, "zh", page)
    assert "您" in text or page == "", f"zh/{page}: no 您 at all"
    assert not re.search(r"你(?!们)", text), f"zh/{page}: 你 used; the register is 您"


@pytest.mark.parametrize("page", PAGES)
def test_carrier_pages_name_carrier_in_both_scripts(site, page):
    if not page.startswith("carriers/"):
        return
    carrier = page.split("/")[1]
    for lang in LANGS:
        text = article_text(site, lang, page)
        for name in GLOSSARY["carriers"][carrier][lang]["use"]:
            assert name in text, f"{lang}/{page}: '{name}' missing"
        latin, cyrillic = GLOSSARY["carriers"][carrier]["en"]["use"][:2]
        assert latin in text and cyrillic in text, f"{lang}/{page}: both scripts needed"


def test_wrong_claim_patterns_catch_the_claims():
    """The patterns above are not vacuous: each catches the claim it names."""
    samples = {
        "Decree 1342 cited (superseded by No. 59)": "по Постановлению № 1342",
        "'mega.ru' given as MegaFon's site": "войдите на mega.ru",
        "MTS '183-day' rule presented": "после 183 дней",
        "MTS Belarus rules or site (mts.by)": "see mts.by",
        "invented MTS USSD codes (*111*…)": "наберите *111*157#",
        "invented Beeline/MegaFon block codes": "*110*0711#",
        "the draft's 1 March 2025 deadline": "до 1 марта 2025 г.",
        "refund timelines from Chinese SEO pages": "MTS 3-5 个工作日",
        "invented number-keeping services": "услуга «Заморозка номера»",
        "the SEO '3 working days / 30 days' MegaFon termination": "Настройки → Управление договором",
        "SEO farm cited": "nowadayhitech.com",
    }
    assert samples.keys() == WRONG_CLAIMS.keys()
    for claim, sample in samples.items():
        assert re.search(WRONG_CLAIMS[claim], sample, re.I), claim
    dated = GLOSSARY["dated_words"]
    assert re.search(dated["zh"], "目前可以") and re.search(dated["ru"], "сейчас можно")
    assert re.search(PROMOTION, "联系 TG @simhelper", re.I)


def test_every_language_uses_the_agreed_terms():
    from tools.checks.glossary import check

    problems = check(DOCS)
    assert not problems, "\n".join(problems)


def test_the_zh_text_keeps_the_readers_viewpoint():
    """Issue 25: 出国, 国外, 回国 only where glossary.yml's allow-list says they mean China."""
    from tools.checks.viewpoint import check

    problems = check(DOCS)
    assert not problems, "\n".join(problems)


def test_every_check_mark_closes_its_sentence_and_sources_keep_their_punctuation():
    """Issue 25: no "check with …" words inside a sentence on any page in any language,
    and the Sources lines in each language's punctuation (rendered by the build's hooks)."""
    from tools.checks.marks import check

    problems = check(DOCS)
    assert not problems, "\n".join(problems)


def test_glossary_checker_names_file_line_and_the_preferred_term(tmp_path):
    from tools.checks.glossary import check

    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    (docs / "_data" / "glossary.yml").write_text((DOCS / "_data" / "glossary.yml").read_text("utf-8"), "utf-8")
    for lang, text in {"zh": "第一行\n请解除合约，并按第59号令办理。\n最多 [[fact:steps.snils-days]] 天；SNILS 号码。\n",
                       "ru": "Уточните у Билайн и получите пометку.\nВ 2025 году Билайн выпускал eSIM.\n",
                       "en": "Bring the passport the contract is in.\n"}.items():
        (docs / lang).mkdir()
        (docs / lang / "page.md").write_text(text, "utf-8")
    found = "\n".join(check(docs))
    assert "docs/zh/page.md:2: '解除合约' (glossary variant 解除合约); write '注销合约'" in found
    assert "docs/zh/page.md:2: '第59号令'" in found and "write '第 59 号决议'" in found
    assert "docs/ru/page.md:1: 'у Билайн'" in found and "write 'у Билайна'" in found
    assert "docs/ru/page.md:2:" not in found, "«году Билайн» is not «у Билайн»"
    # a marker's key is not a word of the page; the same word in the text is
    assert found.count("docs/zh/page.md:3:") == 1 and "docs/zh/page.md:3: 'SNILS'" in found, found
    assert "docs/ru/page.md:1: 'пометк'" in found
    assert "docs/en/page.md:1: 'the contract is in'" in found


@pytest.mark.parametrize("lang", LANGS)
def test_hedge_budget_of_carrier_pages_and_compare(lang):
    from tools.checks.hedges import check

    problems = [p for p in check(DOCS) if p.startswith(f"{lang}/")]
    assert not problems, "\n".join(problems)
