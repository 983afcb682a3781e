"""Checkers used by `make check` and the test suite (tools import nothing from tests)."""
