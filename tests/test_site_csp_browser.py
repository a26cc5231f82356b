"""The site's Content-Security-Policy allows no image source it does not use.

The policy allowed `img-src data:`, yet no page, stylesheet or script of the site shows a
`data:` image (diagrams are inline SVG; `url(#arrow)` is a marker, not an image): a
`data:` image injected into a page would have loaded. Now images fall back to
`default-src 'none'`. In real headless Chromium (the shared fixture of test_browser.py):
every page of the example's site loads with no policy violation, and an injected `data:`
image is refused.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, run_cli
from test_browser import browser  # noqa: F401 - the shared Chromium fixture

from orgspec.site.build import CSP

PIXEL = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4"
         "2mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("csp") / "site"
    run = run_cli("site", str(EXAMPLES / "ecommerce"), "--isolated", "-o", str(out))
    assert run.code in (0, 1), run.stderr
    return out


def test_the_policy_allows_no_data_image_and_the_site_uses_none(site: Path) -> None:
    assert "data:" not in CSP and "img-src" not in CSP  # images: default-src 'none'
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".css", ".js"):
            text = path.read_text("utf-8")
            assert not re.search(r"<img\b|url\(\s*['\"]?data:|src=\"data:", text), path
    policies = {m for p in site.rglob("*.html")
                for m in re.findall(r'http-equiv="Content-Security-Policy" content="([^"]*)"',
                                    p.read_text("utf-8"))}
    assert policies and not any("data:" in p for p in policies)


def test_every_page_loads_without_a_violation_and_a_data_image_is_refused(
        browser: Any, site: Path) -> None:  # noqa: F811
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
    assert errors == []
    page.goto((site / "index.html").as_uri())
    said = page.evaluate("""src => new Promise(done => {
        const seen = [];
        document.addEventListener('securitypolicyviolation',
            e => seen.push(e.effectiveDirective + ' ' + e.blockedURI));
        const img = document.createElement('img');
        img.onload = () => done(['loaded', ...seen]);
        img.onerror = () => setTimeout(() => done(['refused', ...seen]), 50);
        img.src = src;
        document.body.append(img);
    })""", PIXEL)
    assert said[:2] == ["refused", "img-src data"], said
    page.close()
