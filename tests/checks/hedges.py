import runpy, sys
from tools.checks.hedges import *  # noqa: F401,F403  TEMPORARY SHIM: remove
if __name__ == "__main__":
    runpy.run_module("tools.checks.hedges", run_name="__main__")
