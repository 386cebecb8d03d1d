"""The front door: the JSON index at /api and /api/, and Swagger UI 5 served from this process."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
import yaml

from crm.settings import Settings
from tests.api.conftest import assert_error

pytestmark = pytest.mark.anyio

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text())
SWAGGER_UI_VERSION = json.loads(
    (ROOT / "node_modules" / "swagger-ui-dist" / "package.json").read_text()
)["version"]


@pytest.mark.parametrize("path", ["/api", "/api/"])
async def test_the_api_root_is_a_json_index_without_redirects(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.get(path)  # the test client does not follow redirects
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "name": SPEC["info"]["title"],
        "version": SPEC["info"]["version"],
        "links": {"docs": "/api/docs/", "openapi": "/api/openapi.json", "health": "/api/health"},
    }


async def test_every_link_of_the_index_answers_200(client: httpx.AsyncClient) -> None:
    links = (await client.get("/api")).json()["links"]
    for url in links.values():
        assert (await client.get(url)).status_code == 200, url


async def test_the_docs_page_is_swagger_ui_5_from_this_server(client: httpx.AsyncClient) -> None:
    assert SWAGGER_UI_VERSION.startswith("5.")  # the first major version that reads OpenAPI 3.1
    page = await client.get("/api/docs/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '"/api/openapi.json"' in page.text
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert "swagger-ui-bundle.js" in assets
    for asset in assets:
        assert "//" not in asset, f"{asset}: every asset comes from this server (no CDN)"
        response = await client.get(f"/api/docs/{asset}")
        assert response.status_code == 200, asset
    bundle = await client.get("/api/docs/swagger-ui-bundle.js")
    assert SWAGGER_UI_VERSION in bundle.text


async def test_docs_without_the_slash_redirects_once_to_the_page(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/api/docs")
    assert response.status_code in (301, 302, 307, 308)
    assert response.headers["location"] == "/api/docs/"


async def test_an_unknown_docs_file_is_a_404_in_the_error_shape(
    client: httpx.AsyncClient,
) -> None:
    assert_error(await client.get("/api/docs/nothing-here.js"), 404)


async def test_production_has_the_index_without_the_docs(
    make_client: Callable[..., httpx.AsyncClient], settings: Settings
) -> None:
    production = replace(settings, env="production", jwt_secret="p" * 48)
    async with make_client(app_settings=production) as client:
        response = await client.get("/api/")
        assert response.status_code == 200
        assert response.json()["links"] == {"health": "/api/health"}
        assert_error(await client.get("/api/docs/swagger-ui-bundle.js"), 404)
