"""robots.txt and the sitemap.

- The sitemap template is ours (overrides/sitemap.xml, with x-default links);
  mkdocs-static-i18n puts its own template folder first, so overrides/ is moved
  back in front.
- `robots.txt` allows everything and names the sitemap (absolute, from
  `site_url`). The offline copy has none.
- A preview (PREVIEW=1, head.py) has a sitemap without entries and a robots.txt that
  names none: its pages say `noindex` themselves (robots.txt must not hide them from
  the crawlers that read that), and the address may be mkdocs.yml's placeholder.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import common  # noqa: E402
from common import i18n_building, is_offline  # noqa: E402
from head import is_preview  # noqa: E402

OVERRIDES = Path(__file__).resolve().parent.parent


@event_priority(-200)  # after i18n (-100) has set up the theme
def on_config(config, **kwargs):
    if i18n_building(config):
        return config
    # i18n puts its sitemap template first; ours (overrides/sitemap.xml, with
    # x-default) must win, so overrides/ goes first.
    dirs = config["theme"].dirs
    if str(OVERRIDES) in dirs:
        dirs.remove(str(OVERRIDES))
    dirs.insert(0, str(OVERRIDES))
    return config


def on_template_context(context, template_name, config, **kwargs):
    if template_name == "sitemap.xml":
        context["sim_default_lang"] = common.DEFAULT_LANG  # its pages are the x-default
        if is_preview():
            context["i18n_alternates"] = {}  # set by i18n (priority 50, before this hook)
    return context


def write_robots(site_dir: Path, config) -> None:
    text = "User-agent: *\nAllow: /\n"
    if not is_preview():
        text += f"\nSitemap: {urljoin(config['site_url'] or '/', 'sitemap.xml')}\n"
    (site_dir / "robots.txt").write_text(text, encoding="utf-8")


@event_priority(-400)  # after i18n (-100) built every language
def on_post_build(config, **kwargs):
    if i18n_building(config):
        return
    site_dir = Path(config["site_dir"])
    if is_offline(config):
        (site_dir / "robots.txt").unlink(missing_ok=True)
        return
    write_robots(site_dir, config)
