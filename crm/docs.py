"""The API's front door: the JSON index at /api and Swagger UI 5 at /api/docs/.

Connexion 3.3 bundles Swagger UI 4 (`swagger_ui_bundle`), which refuses an OpenAPI 3.1
document ("supported version fields are swagger 2.0 and openapi 3.0.n"). So Connexion serves
only the spec (`/api/openapi.json`), and this middleware serves Swagger UI 5 from the npm
package `swagger-ui-dist` that `./dev setup` installs into `node_modules` (pinned in
package-lock.json; served from this process, never from a CDN).

`/api` and `/api/` answer here, before routing: Starlette's mount would redirect `/api` to
`/api/` and RequestShapeMiddleware (crm.app) strips that slash again, a redirect loop.
"""

from __future__ import annotations

import html
import json
from collections.abc import Awaitable, Mapping
from pathlib import Path
from typing import Any

from starlette.responses import RedirectResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from crm import responses
from crm.errors import CrmError

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SWAGGER_UI_DIST = PROJECT_ROOT / "node_modules" / "swagger-ui-dist"
DOCS_PATH = "/docs"
SPEC_PATH = "/openapi.json"  # Connexion's SwaggerUIOptions.openapi_spec_path default
READ_METHODS = frozenset({"GET", "HEAD"})

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title}</title>
  <link rel="stylesheet" href="swagger-ui.css">
  <link rel="icon" type="image/png" href="favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({{
      url: {spec_url},
      dom_id: "#swagger-ui",
      deepLinking: true,
      // Keep the bearer token from "Authorize" across reloads of the page.
      persistAuthorization: true,
      presets: [SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
    }});
  </script>
</body>
</html>
"""


class SwaggerUIMissing(CrmError):
    status = 503
    default_message = "The Swagger UI files are not installed here: run `./dev setup`."


def api_index(spec: Mapping[str, Any], base_path: str, *, docs: bool) -> dict[str, Any]:
    """name, version and links, taken from the spec (its title, version and health route)."""
    info = spec["info"]
    links: dict[str, str] = {}
    if docs:
        links["docs"] = f"{base_path}{DOCS_PATH}/"
        links["openapi"] = f"{base_path}{SPEC_PATH}"
    for path, item in spec["paths"].items():
        operation = item.get("get", {})
        if str(operation.get("operationId", "")).rsplit(".", 1)[-1] == "get_health":
            links["health"] = f"{base_path}{path}"
    return {"name": info["title"], "version": info["version"], "links": links}


class DocsMiddleware:
    """GET `/api`, `/api/` (the index) and, when `docs` is on, `/api/docs/` (Swagger UI 5)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        spec: Mapping[str, Any],
        base_path: str,
        docs: bool,
        swagger_ui_dir: Path = SWAGGER_UI_DIST,
    ) -> None:
        self.app = app
        self.base_path = base_path
        self.docs = docs
        self.swagger_ui_dir = swagger_ui_dir
        self.index = responses.json(api_index(spec, base_path, docs=docs))
        self.page = PAGE.format(
            title=html.escape(f"{spec['info']['title']} {spec['info']['version']}"),
            # JSON is a JavaScript literal; "</" cannot end the script element early.
            spec_url=json.dumps(base_path + SPEC_PATH).replace("</", "<\\/"),
        )
        self.docs_root = base_path + DOCS_PATH
        self.static: StaticFiles | None = None

    def __call__(self, scope: Scope, receive: Receive, send: Send) -> Awaitable[None]:
        # a tail call (crm/tail_calls.py): the answer's or the next app's awaitable
        if scope["type"] != "http" or scope["method"] not in READ_METHODS:
            return self.app(scope, receive, send)
        path: str = scope["path"]
        if path in (self.base_path, self.base_path + "/"):
            return self.index(scope, receive, send)
        if self.docs and path == self.docs_root:
            return RedirectResponse(self.docs_root + "/")(scope, receive, send)
        if self.docs and path in (self.docs_root + "/", self.docs_root + "/index.html"):
            return Response(self.page, media_type="text/html")(scope, receive, send)
        if self.docs and path.startswith(self.docs_root + "/"):
            return self._static(scope, receive, send)
        return self.app(scope, receive, send)

    async def _static(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.static is None:
            if not (self.swagger_ui_dir / "swagger-ui-bundle.js").is_file():
                raise SwaggerUIMissing(details={"directory": str(self.swagger_ui_dir)})
            self.static = StaticFiles(directory=self.swagger_ui_dir)
        # Starlette reads the file's path as `path` minus `root_path`.
        scope = dict(scope)
        scope["root_path"] = self.docs_root
        await self.static(scope, receive, send)
