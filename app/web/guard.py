"""`Guard`: the ASGI layer every request crosses before FastAPI or Gradio sees it.

Gradio trusts what a client puts in an event's payload more than it should when mounted in FastAPI:
its allowed-path check returns early unless `launch()` ran, so a chat message that is a file entry
({"path": "/etc/passwd", "meta": {"_type": "gradio.FileData"}}) was copied into its cache and served
back, and "/dev/zero" hung its event loop. So the checks live here, whatever Gradio's state:

- Host and Origin must name this server (loopback names, the bound address, YOUTHQA_PUBLIC_HOSTS):
  a page on another site that rebinds its DNS to 127.0.0.1 gets 403, not answers.
- With a login configured, every route but the login page and its assets needs it (401).
- Login attempts (Gradio's form and HTTP Basic) are rate-limited per client and per user, with back-off.
- An event payload may name only files this client uploaded through this server: regular files under
  Gradio's upload folder, within the size limit. Anything else is refused with 400 before Gradio reads it.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import stat
import time
from collections import OrderedDict
from urllib.parse import parse_qs, urlsplit

from .limits import LoginLimiter

SESSION_COOKIE = "youthqa-session"
MAX_EVENT_BODY = 2**20  # an event payload is a question (≤ 1,000 characters) and file references
UPLOADS_KEPT = 1000  # per client: enough for any real upload batch, bounded against abuse
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}

PUBLIC_PATHS = {"/", "/login", "/login/", "/logout", "/favicon.ico", "/theme.css", "/robots.txt",
                "/manifest.json", "/api/health", "/gradio_api/theme.css"}
PUBLIC_PREFIXES = ("/assets/", "/static/", "/svelte/", "/pwa_icon")
EVENT_ROUTE = re.compile(r"^/gradio_api/(queue/join|call/|run/|api/|stream/|process_recording)")
UPLOAD_ROUTE = "/gradio_api/upload"

MSG_HOST = "拒绝访问:主机名 {host} 不是本服务的地址。"
MSG_LOGIN = "需要登录"
MSG_FILE = "请求被拒绝:只能使用本会话上传的文件。"
MSG_TOO_BIG = "请求太大。"
MSG_SLOW = "登录尝试过多,请 {wait} 秒后再试。"


def allowed_hosts(bind_host: str, public_hosts: str) -> set[str]:
    """Loopback names, the address the server is bound to (unless a wildcard), and the configured names."""
    hosts = set(LOOPBACK_NAMES)
    if bind_host not in ("", "0.0.0.0", "::"):
        hosts.add(bind_host.strip("[]").lower())
    hosts.update(h.strip().lower() for h in (public_hosts or "").split(",") if h.strip())
    return hosts


def hostname(value: str) -> str:
    """'Example.org:7860' -> 'example.org'; '[::1]:7860' -> '::1'; '' for a malformed value."""
    try:
        return (urlsplit(f"//{value}").hostname or "").lower()
    except ValueError:
        return ""


class Guard:
    def __init__(self, app, hosts: set[str], users: dict[str, str], gradio_app, max_file_bytes: int,
                 limiter: LoginLimiter | None = None, upload_folder: str | None = None):
        self.app, self.hosts, self.users, self.gradio = app, hosts, users, gradio_app
        self.max_file_bytes = max_file_bytes
        self.limiter = limiter or LoginLimiter()
        self.upload_folder = os.path.realpath(upload_folder or _gradio_upload_folder())
        self.uploads: dict[str, OrderedDict] = {}  # client -> paths Gradio's upload route gave it

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = hostname(headers.get("host", ""))
        origin = headers.get("origin", "")
        if host not in self.hosts or (origin and origin != "null" and hostname(urlsplit(origin).netloc) not in self.hosts):
            return await _reply(send, 403, MSG_HOST.format(host=host or "(无)"))
        path, method = scope.get("path", ""), scope.get("method", "GET")
        client = scope["client"][0] if scope.get("client") else "?"
        send, receive, wait = await self._login_attempt(scope, receive, send, headers, client)
        if wait:
            return await _reply(send, 429, MSG_SLOW.format(wait=wait), {"retry-after": str(wait)})
        if self.users and path not in PUBLIC_PATHS and not path.startswith(PUBLIC_PREFIXES) \
                and not self._authenticated(headers):
            return await _reply(send, 401, MSG_LOGIN, {"www-authenticate": "Basic"})
        if scope["type"] == "websocket":
            return await self.app(scope, receive, send)
        if path.startswith("/gradio_api/file=http") or path.startswith("/gradio_api/proxy="):
            return await _reply(send, 403, MSG_FILE)  # the server fetches no address a client names
        session = self._session(headers, client)
        if method == "POST" and EVENT_ROUTE.match(path):
            return await self._event(scope, receive, send, session)
        if method == "POST" and path.rstrip("/") == UPLOAD_ROUTE:
            return await self.app(scope, receive, self._recording_uploads(send, session))
        return await self.app(scope, receive, _with_session_cookie(send, headers))

    # -- who is asking ------------------------------------------------------------------------
    def _authenticated(self, headers: dict) -> bool:
        tokens = getattr(self.gradio, "tokens", {})
        if any(token in tokens for token in self._login_tokens(headers)):
            return True
        return self._basic_ok(headers.get("authorization", ""))

    def _basic_ok(self, header: str) -> bool:
        user, password = _basic(header)
        expected = self.users.get(user or "")
        return expected is not None and secrets.compare_digest(password.encode(), expected.encode())

    def _login_tokens(self, headers: dict) -> list[str]:
        """The values of Gradio's two login cookies (secure, then plain), those present."""
        cookies, cookie_id = _cookies(headers.get("cookie", "")), getattr(self.gradio, "cookie_id", "")
        names = (f"access-token-{cookie_id}", f"access-token-unsecure-{cookie_id}")
        return [cookies[name] for name in names if cookies.get(name)]

    def _session(self, headers: dict, client: str) -> str:
        """The key uploads are recorded under: the login token, else this server's session cookie, else the
        client address (a script without cookies)."""
        return (next(iter(self._login_tokens(headers)), "") or _cookies(headers.get("cookie", "")).get(SESSION_COOKIE)
                or f"client:{client}")

    # -- login attempts -----------------------------------------------------------------------
    async def _login_attempt(self, scope, receive, send, headers: dict, client: str):
        """-> (send, receive, seconds to wait or 0). HTTP Basic credentials are judged here; Gradio's login
        form by its answer (200 or 400), which the returned send watches."""
        basic_user = _basic(headers.get("authorization", ""))[0]
        if basic_user is not None and self.users:
            wait = self.limiter.blocked(client, basic_user)
            if not wait:
                ok = self._basic_ok(headers.get("authorization", ""))
                (self.limiter.succeeded if ok else self.limiter.failed)(client, basic_user)
            return send, receive, wait
        if scope.get("method") != "POST" or scope.get("path", "").rstrip("/") != "/login":
            return send, receive, 0
        body, receive = await _read_body(receive, 64 * 1024)
        user = _form_user(body)
        wait = self.limiter.blocked(client, user)

        async def watch(message):
            if message["type"] == "http.response.start":
                code = message["status"]
                if code < 300:
                    self.limiter.succeeded(client, user)
                elif code in (400, 401):
                    self.limiter.failed(client, user)
            await send(message)

        return watch, receive, wait

    # -- event payloads and uploads -----------------------------------------------------------
    async def _event(self, scope, receive, send, session: str):
        body, receive = await _read_body(receive, MAX_EVENT_BODY)
        if body is None:
            return await _reply(send, 413, MSG_TOO_BIG)
        try:
            payload = json.loads(body or b"null")
        except ValueError:
            payload = None  # not JSON: Gradio refuses it itself
        if not all(self._file_allowed(p, session) for p in _paths(payload)):
            return await _reply(send, 400, MSG_FILE)
        return await self.app(scope, receive, send)

    def _file_allowed(self, path, session: str) -> bool:
        """Only a file this client uploaded, still a regular file (no link, device or fifo) of bounded size."""
        if not isinstance(path, str) or path not in self.uploads.get(session, ()):
            return False
        try:
            info = os.lstat(path)
        except OSError:
            return False
        real = os.path.realpath(path)
        return (stat.S_ISREG(info.st_mode) and info.st_size <= self.max_file_bytes
                and os.path.commonpath([real, self.upload_folder]) == self.upload_folder)

    def _recording_uploads(self, send, session: str):
        """Wrap send: remember the paths Gradio's upload route answers with, for this client only."""
        state = {"ok": False, "body": b""}

        async def record(message):
            if message["type"] == "http.response.start":
                state["ok"] = message["status"] == 200
            elif message["type"] == "http.response.body" and state["ok"]:
                state["body"] += message.get("body", b"")
                if not message.get("more_body"):
                    self._remember(session, state["body"])
            await send(message)

        return record

    def _remember(self, session: str, body: bytes) -> None:
        try:
            paths = json.loads(body)
        except ValueError:
            return
        kept = self.uploads.setdefault(session, OrderedDict())
        for path in paths if isinstance(paths, list) else []:
            if isinstance(path, str):
                kept[path] = time.time()
        while len(kept) > UPLOADS_KEPT:
            kept.popitem(last=False)


def _gradio_upload_folder() -> str:
    from gradio.utils import get_upload_folder

    return get_upload_folder()


def _paths(payload):
    """Every "path" value anywhere in a JSON payload: any dict with one is a file reference to Gradio."""
    stack = [payload]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "path" in item:
                yield item["path"]
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


async def _read_body(receive, limit: int):
    """-> (body or None when over limit, a receive that replays it)."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
        if size > limit:
            return None, receive
        if not message.get("more_body"):
            break
    body, sent = b"".join(chunks), False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay


async def _reply(send, status: int, message: str, headers: dict | None = None):
    body = json.dumps({"error": message}, ensure_ascii=False).encode()
    raw = [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    raw += [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def _with_session_cookie(send, headers: dict):
    """Give a client without one this server's session cookie (uploads are bound to it)."""
    if SESSION_COOKIE in _cookies(headers.get("cookie", "")):
        return send
    cookie = f"{SESSION_COOKIE}={secrets.token_urlsafe(24)}; Path=/; HttpOnly; SameSite=Strict".encode()

    async def add(message):
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), (b"set-cookie", cookie)]}
        await send(message)

    return add


def _cookies(header: str) -> dict[str, str]:
    pairs = (part.strip().partition("=") for part in header.split(";"))
    return {k: v for k, _, v in pairs if k}


def _basic(header: str) -> tuple[str | None, str]:
    import base64
    import binascii

    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic":
        return None, ""
    try:
        user, _, password = base64.b64decode(value.strip()).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return "", ""
    return user, password


def _form_user(body: bytes | None) -> str:
    try:
        return parse_qs((body or b"").decode("utf-8")).get("username", [""])[0].strip()
    except UnicodeDecodeError:
        return ""
