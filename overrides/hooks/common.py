"""What the hooks share (not a hook itself: mkdocs.yml does not list it)."""

from __future__ import annotations

LANGS = ("zh", "ru", "en")
DEFAULT_LANG = "zh"


def plugin(config, name: str):
    """A Material plugin, registered as material/<name> (or <name>)."""
    plugins = config["plugins"]
    return plugins.get(f"material/{name}") or plugins.get(name)


def is_offline(config) -> bool:
    """True when Material's offline plugin is on (OFFLINE=true)."""
    offline = plugin(config, "offline")
    return bool(offline and offline.config.enabled)


def i18n_building(config) -> bool:
    """True inside the nested per-language builds of mkdocs-static-i18n."""
    i18n = config["plugins"].get("i18n")
    return bool(i18n and i18n.building)
