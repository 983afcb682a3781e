"""One claim, one place (issue 16): shared passages in docs/<lang>/_includes/ and
where they must show. How an include is expanded, and that a change to one shows on
every page, is proven on the mini site (tests/test_checkers.py)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import DOCS, LANGS

INCLUDE = re.compile(r"^\s*\[\[include:([a-z0-9-]+)\]\]\s*$", re.M)

# The IMEI rule, in the words each language's warning uses: where keepers and movers read.
IMEI_WORDS = {
    "en": "In another phone the SIM stops working until the carrier updates the contract",
    "ru": "В другом телефоне SIM-карта не будет работать, пока оператор не внесёт в договор IMEI",
    "zh": "换到另一部手机后，SIM 卡就无法使用",
}
IMEI_SECTIONS = {
    "leaving/": ["before-you-leave", "keep-from-abroad"],
    "cards/number-keeping/": ["steps"],
    "cards/physical-sim/": ["lost-or-stolen"],
}


def uses() -> dict[str, set[str]]:
    """Include name -> pages (lang/rel) that include it."""
    out: dict[str, set[str]] = {}
    for lang in LANGS:
        for path in (DOCS / lang).rglob("*.md"):
            if "_includes" in path.parts:
                continue
            for name in INCLUDE.findall(path.read_text(encoding="utf-8")):
                out.setdefault(name, set()).add(f"{lang}/{path.relative_to(DOCS / lang).as_posix()}")
    return out


def test_every_include_exists_in_every_language_and_is_used():
    used = uses()
    names = {p.stem for lang in LANGS for p in (DOCS / lang / "_includes").glob("*.md")}
    for name in names | set(used):
        for lang in LANGS:
            assert (DOCS / lang / "_includes" / f"{name}.md").is_file(), f"{lang}: no include {name}"
    assert names <= set(used), f"includes used by no page: {sorted(names - set(used))}"


def test_shared_claims_are_included_not_copied():
    used = uses()
    # each claim that more than one page makes, shown on at least two pages per language
    for name in ("who-may-act", "ways-a-contract-ends", "refund-account", "keep-alive",
                 "contacts-without-sim", "imei", "cooling-restore", "office-first", "gosuslugi-route"):
        for lang in LANGS:
            pages = {p for p in used.get(name, ()) if p.startswith(lang + "/")}
            assert len(pages) >= 2, f"{lang}: include {name} shown on {sorted(pages)}"


def section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    level = html.rfind("<h", 0, start)
    tag = html[level:level + 3]
    end = html.find(f"<{tag[1:]}", start + 1) if tag == "<h2" else html.find("<h2", start + 1)
    return html[start:end if end != -1 else None]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", sorted(IMEI_SECTIONS))
def test_the_imei_rule_shows_where_keepers_and_movers_read(site, lang, page):
    html = site.page(lang, page).read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    for anchor in IMEI_SECTIONS[page]:
        part = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section(html, anchor)))
        assert IMEI_WORDS[lang] in part, f"{lang}/{page}#{anchor}: the IMEI rule is missing"
    assert IMEI_WORDS[lang] in text


# Terms agreed in the native edit (issue 16): each variant is refused by the glossary check.
REFUSED = {
    "zh": ["代办人", "号码持有人", "合约持有人", "我想退还账户余额", "账户余额", "不活跃费",
           "一通收费电话", "海牙认证", "和 Госуслуги 验证码", "绑定的账户", "您的套餐",
           # issue 25: the carrier's words, the leftovers of the last edit, the calques
           "号码被封锁", "自愿停机（自愿封锁）", "断开合约", "付清已使用的服务后", "只要已用的服务都已付清",
           "已用的服务已付清", "在俄罗斯领事馆认证", "按「清空并忘记」", "用手填写", "请给号码停机",
           "进行注销操作", "对外国公民来说", "值得一试", "去品牌店", "直营店", "话费帐户", "号码的持有人",
           # the native read of the later text (December 2026)
           "运营商或门户网站的系统"],
    "ru": ["собственный салон", "Владелец договора", "владелец номера", "отметку о приёме",
           "за всё время отъезда", "если вы ещё вошли в аккаунт",
           # case-blind: a sentence-initial capital is caught
           "Офис МТС", "ОФИС", "Заявка на расторжение",
           "Перенесите банки", "Билайн предлагал eSIM", "Предлагал в 2025 году", "объявлено как тестовый режим",
           "промозачисления", "является", "Являются", "осуществить", "Осуществляется", "Стоит отметить",
           "заморозка номера", "держатель номера", "официальный салон", "фирменный магазин", "личный счёт"],
    "en": ["stamped: отметка о приёме", "Subscribers may", "SUBSCRIPTION FEE"],
}
ACCEPTED = {
    "zh": ["回到俄罗斯", "代理人", "机主", "我想申请退还余额", "余额", "闲置扣费", "附加证明书（апостиль，即海牙认证）",
           "「Если я расторгну договор через Госуслуги」", "流量套餐",
           "停机", "自愿停机", "挂失停机", "注销合约", "结清已产生的费用", "由俄罗斯公证员公证的译文", "手写",
           "我想给这个号码办理停机", "不值得", "自营营业厅", "话费账户", "办理注销", "运营商或国家服务门户的系统"],
    "ru": ["фирменный салон", "абонент", "отметку о принятии", "пока вас не будет",
           "салон связи", "блокировка", "Коды для «заморозки» номера", "МТС предлагала Минцифры упростить порядок",
           "лицевой счёт", "Смените номер в банках", "в тестовом режиме", "банк", "Билайн продаёт eSIM",
           "МВД: «осуществляется в добровольном порядке»"],
    "en": ["stamped: отметка о принятии", "holder", "the monthly fee"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_agreed_terms_are_held_by_the_glossary(lang):
    from tools.checks.glossary import rules
    patterns = rules(DOCS)[lang]
    for text in REFUSED[lang]:
        assert any(p.search(text) for p, _, _ in patterns), f"{lang}: '{text}' is not refused"
    for text in ACCEPTED[lang]:
        hits = [shown for p, shown, _ in patterns if p.search(text)]
        assert not hits, f"{lang}: '{text}' refused by {hits}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_contacts_table_carries_one_mark_for_the_carrier(site, lang):
    """Issue 16, item 7: in the MTS contacts table one mark names MTS; each value keeps
    a bare ⚠ with the same link and words for screen readers."""
    html = site.page(lang, "carriers/mts/").read_text(encoding="utf-8")
    part = section(html, "contacts")
    assert part.count('class="sim-check-block"') == 1, f"{lang}: block mark"
    full = re.findall(r'<a class="sim-check" href="https://mts.ru/"', part)
    short = re.findall(r'<a class="sim-check sim-check-short" href="https://mts.ru/"[^>]*aria-label="[^"]+"', part)
    assert len(full) == 1, f"{lang}: {len(full)} full marks in the table's section"
    assert len(short) >= 3, f"{lang}: {len(short)} bare marks"
