"""The HTTP side: `create_app` (FastAPI: POST /api/ask, GET /api/health, the Gradio page mounted at "/")
over an app.web.service.Service, run by app.web.ui.serve.

    POST /api/ask  {"question": "铜川的志愿汇平台注册了多少志愿者?", "history": [["上一个问题", "上一个回答"]]}
      200 -> Answer.to_dict(), the JSON of `youthqa ask --json`
      400 / 503 -> {"error": "<a Chinese message>"} for an empty or too long question, an empty, busy or
                   unreachable knowledge base
    GET /api/facts?q=注册志愿者[&limit=200]
      200 -> [Fact.to_dict(), ...]: every report's figures of that indicator, best match first; errors as /api/ask
    GET /api/health -> {"status": "ok"}

With YOUTHQA_AUTH set, the page asks for a login and /api/ask wants the same user:password (HTTP Basic).
"""
from __future__ import annotations

import ipaddress
import logging
import os
import secrets

from ingest import messages as msg
from ingest.settings import Settings

from .service import MSG_FAILED, Service, UserError

log = logging.getLogger(__name__)


MIN_PASSWORD = 8


def parse_auth(raw: str) -> list[tuple[str, str]]:
    """YOUTHQA_AUTH "user:password[,user:password...]" -> [(user, password), ...]; ValueError for a malformed
    value or a password shorter than MIN_PASSWORD (a:a was accepted, and guessed at 620 tries a second)."""
    pairs = []
    for item in (raw or "").split(","):
        if not item.strip():
            continue
        user, sep, password = item.strip().partition(":")
        if not sep or not user or not password:
            raise ValueError("YOUTHQA_AUTH 格式应为 user:password[,user:password...]")
        if len(password) < MIN_PASSWORD:
            raise ValueError(f"YOUTHQA_AUTH:用户 {user} 的密码太短,至少需要 {MIN_PASSWORD} 个字符")
        pairs.append((user, password))
    return pairs


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve anywhere


def _history(raw) -> list[tuple[str, str]]:
    """API history: [[question, answer], ...], [{"question": .., "answer": ..}, ...] or [question, ...]."""
    pairs = []
    for item in raw or []:
        if isinstance(item, str):
            pairs.append((item, ""))
        elif isinstance(item, dict):
            pairs.append((str(item.get("question", "")), str(item.get("answer", item.get("text", "")))))
        elif isinstance(item, (list, tuple)) and item:
            pairs.append((str(item[0]), str(item[1]) if len(item) > 1 else ""))
    return [p for p in pairs if p[0].strip()]


def create_app(settings: Settings, service: Service | None = None, host: str = "127.0.0.1", limiter=None):
    """The FastAPI app behind app.web.guard.Guard (Host/Origin allow-list, login, rate limit, file references);
    `host` is the address it is served on, allowed as a Host name besides loopback and YOUTHQA_PUBLIC_HOSTS."""
    return _create(settings, service or Service(settings), host, page=True, limiter=limiter)


def create_api_app(settings: Settings, service: Service, host: str = "127.0.0.1", limiter=None):
    """The same app without the page (no Gradio: imported and laid out in seconds of their own): what
    `youthqa serve` answers /api/ask with while it builds the page. Other paths say the page is loading (503)."""
    return _create(settings, service, host, page=False, limiter=limiter)


def _create(settings: Settings, service: Service, host: str, page: bool, limiter=None):
    from fastapi import Body, Depends, FastAPI, Query
    from fastapi.responses import JSONResponse
    from fastapi.security import HTTPBasic, HTTPBasicCredentials

    from .guard import Guard, allowed_hosts

    users = parse_auth(settings.auth)
    app = FastAPI(title="youthqa", docs_url=None, redoc_url=None)
    basic = HTTPBasic(auto_error=False)

    def allowed(credentials: HTTPBasicCredentials | None) -> bool:
        if not users:
            return True
        return credentials is not None and any(
            secrets.compare_digest(credentials.username.encode(), u.encode())
            & secrets.compare_digest(credentials.password.encode(), p.encode()) for u, p in users)

    @app.get("/api/health")
    def health():
        return {"status": "ok"}

    @app.post("/api/ask")
    def ask(question: str = Body(...), history: list | None = Body(None),
            credentials: HTTPBasicCredentials | None = Depends(basic)):
        if not allowed(credentials):
            return JSONResponse({"error": "需要登录"}, status_code=401, headers={"WWW-Authenticate": "Basic"})
        try:
            return service.ask(question, _history(history)).to_dict()
        except UserError as err:
            return JSONResponse({"error": str(err)}, status_code=err.status)
        except Exception:
            log.exception("answering %r failed", question)
            return JSONResponse({"error": MSG_FAILED}, status_code=500)

    @app.get("/api/facts")
    def facts(q: str = Query(""), limit: int = Query(200, ge=1, le=1000),
              credentials: HTTPBasicCredentials | None = Depends(basic)):
        if not allowed(credentials):
            return JSONResponse({"error": "需要登录"}, status_code=401, headers={"WWW-Authenticate": "Basic"})
        try:
            return [f.to_dict() for f in service.facts(q, limit)]
        except UserError as err:
            return JSONResponse({"error": str(err)}, status_code=err.status)
        except Exception:
            log.exception("facts for %r failed", q)
            return JSONResponse({"error": MSG_FAILED}, status_code=500)

    guard = {"hosts": allowed_hosts(host, settings.public_hosts), "users": dict(users),
             "max_file_bytes": settings.max_file_mb * 2**20, "limiter": limiter}
    if not page:
        @app.api_route("/{path:path}", methods=["GET", "POST", "HEAD"], include_in_schema=False)
        def loading(path: str):
            return JSONResponse({"error": msg.PAGE_LOADING}, status_code=503, headers={"Retry-After": "2"})

        # Gradio's routes are not there: no upload folder to check file references against.
        app.add_middleware(Guard, gradio_app=None, upload_folder=os.devnull, **guard)
        return app

    import gradio as gr
    from starlette.routing import Mount

    from .render import CSS
    from .ui import build_demo

    demo = build_demo(service)
    app = gr.mount_gradio_app(
        app, demo, path="/", auth=users or None, auth_message="请登录后使用共青团工作报告问答。", css=CSS,
        footer_links=["api", "settings"], show_error=False, max_file_size=f"{settings.max_file_mb}mb",
        ssr_mode=False, mcp_server=False, pwa=False)
    demo.has_launched = True  # Gradio skips its own allowed-path check until launch(), which a mount never calls
    gradio_app = next(r.app for r in app.routes if isinstance(r, Mount))
    app.add_middleware(Guard, gradio_app=gradio_app, **guard)
    return app
