"""Every internal link and #anchor resolves; no link escapes the sub-path;
external links only go to allowlisted domains; nothing loads from another origin."""

from __future__ import annotations

from tools.checks.links import allowed_domains, crawl, forbidden_links, lychee_errors
from tests.conftest import LANGS, PAGES, SUBPATH, lang_prefix


def test_lychee_internal_links_and_fragments(site):
    errors = lychee_errors(site.dir, SUBPATH)
    assert not errors, "broken internal links:\n" + "\n".join(errors)


def test_crawl_of_sub_path_build(site):
    result = crawl(site.url, [lang_prefix(lang) for lang in LANGS])
    assert not result.errors, "crawl errors:\n" + "\n".join(result.errors)
    expected = {site.page_url(lang, page) for lang in LANGS for page in PAGES}
    assert expected <= result.pages, f"not reached: {sorted(expected - result.pages)}"


def test_external_links_only_to_allowlisted_domains(site):
    errors = forbidden_links(site.dir, site.url, allowed_domains())
    assert not errors, "\n".join(errors)
