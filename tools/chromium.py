"""The system Chromium (Debian `chromium`) and the flags it runs with here, shared by
the browser tests and `make bench`. Browser downloads do not work on this machine."""

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-features=Translate,MediaRouter,OptimizationHints",
]
