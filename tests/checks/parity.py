import runpy, sys
from tools.checks.parity import *  # noqa: F401,F403  TEMPORARY SHIM: remove
if __name__ == "__main__":
    runpy.run_module("tools.checks.parity", run_name="__main__")
