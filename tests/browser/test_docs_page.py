"""Swagger UI in a real browser: Debian's chromium (headless) against `crm quickstart`.

The page must render the OpenAPI 3.1 document (Swagger UI 4 could not: "Unable to render this
definition"), list every operation of openapi.yaml, and "Authorize" with a bearer token must
make "Try it out" succeed on an operation that needs one. The screenshot lands in build/.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from crm.demo import LOGINS
from tests.support.browser import Browser
from tests.support.server import Server, server_env

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text())
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCREENSHOT = ROOT / "build" / "swagger-ui.png"

# Every rendered operation as [METHOD, path], from Swagger UI's own markup.
RENDERED = """
Array.from(document.querySelectorAll('.opblock')).map((op) => [
  op.querySelector('.opblock-summary-method').textContent.trim(),
  op.querySelector('.opblock-summary-path').getAttribute('data-path'),
])
"""


def spec_operations() -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, item in SPEC["paths"].items()
        for method in item
        if method in METHODS
    }


def secured_get() -> str:
    """The path of a GET without parameters that needs the bearer token."""
    for path, item in SPEC["paths"].items():
        op = item.get("get")
        required = [p for p in (op or {}).get("parameters", []) if p.get("required")]
        if op and op.get("security", SPEC["security"]) and "{" not in path and not required:
            return str(path)
    raise AssertionError("openapi.yaml has no secured GET without required parameters")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    cwd = tmp_path_factory.mktemp("docs-server")
    running = Server(cwd, server_env(cwd / "crm.sqlite3"), "quickstart")
    try:
        running.wait_healthy()
        yield running
    finally:
        running.stop()


def test_the_docs_page_lists_every_operation_and_authorize_works(server: Server) -> None:
    admin = LOGINS[0]
    login = httpx.post(
        f"{server.base}/auth/login", json={"email": admin.email, "password": admin.password}
    )
    assert login.status_code == 200, login.text
    token = login.json()["data"]["access_token"]
    expected = spec_operations()

    with Browser() as browser:
        browser.goto(f"{server.base}/docs/")
        browser.wait_for(f"document.querySelectorAll('.opblock').length >= {len(expected)}")
        rendered = browser.evaluate(RENDERED)
        page_text = browser.evaluate("document.body.innerText")
        badges = browser.evaluate(
            "Array.from(document.querySelectorAll('.info .title small pre'))"
            ".map((e) => e.innerText.trim())"
        )
        browser.screenshot(SCREENSHOT)

        assert "Unable to render this definition" not in page_text
        # the title's badges: the API's version, and "OAS 3.1" (Swagger UI read a 3.1 document)
        oas = ".".join(SPEC["openapi"].split(".")[:2])
        assert badges == [SPEC["info"]["version"], f"OAS {oas}"], badges
        assert len(rendered) == len(expected)  # each operation once (one tag each)
        assert {(m, p) for m, p in rendered} == expected

        # Authorize with the bearer token, then "Try it out" on a secured GET.
        path = secured_get()
        browser.evaluate("document.querySelector('.auth-wrapper .authorize').click()")
        browser.wait_for("!!document.querySelector('.modal-ux input')")
        browser.evaluate(
            f"""(() => {{
              // React reads the value through the native setter and an input event.
              const input = document.querySelector('.modal-ux input');
              const setter = Object.getOwnPropertyDescriptor(
                HTMLInputElement.prototype, 'value').set;
              setter.call(input, {json.dumps(token)});
              input.dispatchEvent(new Event('input', {{ bubbles: true }}));
            }})()"""
        )
        browser.wait_for(f"document.querySelector('.modal-ux input').value === {json.dumps(token)}")
        time.sleep(0.5)  # let React commit the typed value before the click reads it
        browser.evaluate("document.querySelector('.modal-ux .auth-btn-wrapper .authorize').click()")
        browser.wait_for(
            "Array.from(document.querySelectorAll('.modal-ux h6'))"
            ".some((e) => e.innerText.trim() === 'Authorized')"
        )
        browser.evaluate("document.querySelector('.modal-ux .btn-done').click()")
        block = (
            "Array.from(document.querySelectorAll('.opblock-get')).find((op) => "
            f"op.querySelector('.opblock-summary-path').getAttribute('data-path') === "
            f"{json.dumps(path)})"
        )
        browser.evaluate(f"{block}.querySelector('.opblock-summary-control').click()")
        browser.wait_for(f"!!{block}?.querySelector('.try-out__btn')")
        browser.evaluate(f"{block}.querySelector('.try-out__btn').click()")
        browser.wait_for(f"!!{block}?.querySelector('.execute')")
        browser.evaluate(f"{block}.querySelector('.execute').click()")
        status = browser.wait_for(
            f"{block}.querySelector('.live-responses-table tbody .response-col_status')?.innerText"
        )
        curl = browser.evaluate(f"{block}.querySelector('.curl-command')?.innerText")
        browser.screenshot(SCREENSHOT.with_name("swagger-ui-try-it-out.png"))

    assert status.strip() == "200", f"GET {path} from Swagger UI answered {status}"
    assert f"Bearer {token}" in curl
    assert SCREENSHOT.stat().st_size > 10_000
