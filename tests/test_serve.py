"""The test server (tools/serve.py) answers hostile URLs the way a static host does:
a request line over 64 KiB gets 414, a name too long for the file system gets the
404 page, never a Python error and a dropped connection."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

import pytest

from tools.serve import serve


def status_of(url: str, target: str) -> int:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", target)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


@pytest.fixture(scope="module", params=[False, True], ids=["plain", "with-headers"])
def served(tmp_path_factory, request):
    root = tmp_path_factory.mktemp("served")
    (root / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (root / "404.html").write_text("<p>not found</p>", encoding="utf-8")
    (root / "_headers").write_text("/guide/*\n  X-Test: yes\n", encoding="utf-8")
    with serve(root, headers=request.param) as url:
        yield url


@pytest.mark.parametrize("target", [
    "/guide/" + "a" * 70_000,
    "/guide/?x=" + "a" * 70_000,
    "/guide/" + "a/" * 40_000,
], ids=["long-name", "long-query", "deep-path"])
def test_a_url_over_64_kib_gets_414(served, target):
    assert status_of(served, target) == 414


@pytest.mark.parametrize("target", [
    "/guide/" + "a" * 300,
    "/guide/" + "b" * 300 + "/c/",
    "/guide/" + "a/" * 20_000,
], ids=["long-name", "long-folder", "deep-path"])
def test_a_name_too_long_for_the_file_system_gets_404(served, target):
    assert status_of(served, target) == 404


def test_the_site_is_still_served(served):
    assert status_of(served, "/guide/") == 200
    assert status_of(served, "/guide/?x=" + "a" * 1000) == 200


def test_served_at_the_root_a_missing_page_gets_the_nearest_404(tmp_path):
    (tmp_path / "ru").mkdir()
    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>zh</p>", encoding="utf-8")
    (tmp_path / "ru" / "404.html").write_text("<p>ru</p>", encoding="utf-8")
    with serve(tmp_path, base="/") as url:
        assert url.endswith(":" + str(urlsplit(url).port) + "/")
        assert status_of(url, "/") == 200
        parts = urlsplit(url)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        conn.request("GET", "/ru/nothing/deeper/")
        response = conn.getresponse()
        assert (response.status, response.read()) == (404, b"<p>ru</p>")
        conn.close()
        assert status_of(url, "/guide/") == 404
