"""The system Chromium (Debian `chromium`) and the flags it runs with here, shared by
the browser tests and `make bench`. Browser downloads do not work on this machine.

The browser tests run Debian's headless build of the same Chromium where it is
installed (package `chromium-headless-shell`: built from the `chromium` source
package, the same version, which apt keeps in step through `chromium-common`). It
is the build Playwright itself runs for headless Chromium, without the desktop
browser's windowing layer, and it needs about 40 % less CPU per page here (measured:
a fresh context, two page loads, an axe scan and a PDF). The engine (Blink, V8, the
network stack, printing) is the same. Without it the tests run on `chromium`, as
slowly as before. `make bench` (Lighthouse) keeps the full browser."""

import os
import shutil

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
HEADLESS_SHELL = os.environ.get("CHROMIUM_HEADLESS_SHELL", "/usr/lib/chromium/chromium-headless-shell")
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-features=Translate,MediaRouter,OptimizationHints",
]


def browser_for_tests() -> tuple[str | None, str]:
    """(path, what it is) of the browser the tests drive: the headless build where it
    is installed, else the full browser; (None, why) when there is neither."""
    if os.access(HEADLESS_SHELL, os.X_OK):
        return HEADLESS_SHELL, "Debian chromium-headless-shell"
    path = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    if path:
        return path, "Debian chromium (install chromium-headless-shell for a faster run)"
    return None, f"no Chromium at {HEADLESS_SHELL} or {CHROMIUM}: install Debian's chromium-headless-shell (see .ci/run)"
