"""`youthqa serve`: check the address and login, warm up, then run the web app (app.web.server) with uvicorn;
`start_in_thread` runs it in the background (tests, notebooks).

The first question used to wait 6-9 s for the encoder, jieba's dictionary and the lexical index: they are
loaded by answering one question before anything listens. Then the JSON API answers at once while another
thread imports Gradio and lays out the page (seconds of CPU of their own, which the first answer does not
need); the address is announced once the page is there too, so whoever opens it finds everything warm.
"""
from __future__ import annotations

import asyncio
import logging
import sys
import threading

from ingest import messages as msg
from ingest.lexsync import trim_heap
from ingest.settings import Settings

from .server import create_api_app, create_app, is_loopback, parse_auth
from .service import Service, Unavailable, UserError

WARM_UP_QUESTION = "共青团组织注册志愿者有多少人?"  # any question runs the whole path once
FIRST_ANSWER_WAIT = 1.0  # seconds the page build waits for a first request, which it would slow


def _server(app, host: str, port: int):
    import uvicorn

    # Browsers and gradio_client hold event streams open; do not wait for them forever on shutdown.
    return uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=2))


def start_in_thread(settings: Settings, host: str, port: int, service: Service | None = None):
    """Run the app in a background thread -> (server, thread). Stop it with `server.should_exit = True;
    thread.join()`."""
    server = _server(create_app(settings, service, host), host, port)
    thread = threading.Thread(target=server.run, name="youthqa-server", daemon=True)
    thread.start()
    return server, thread


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 7860) -> int:
    """Refuse a non-loopback host without a login, or a directory that is not an index; warm up; run uvicorn
    until stopped. A Chroma server that cannot be reached yet is only a warning: the page says so until it
    answers."""
    from ..cli import is_index

    try:
        users = parse_auth(settings.auth)
    except ValueError as err:
        return _refuse(str(err), 2)
    if not users and not is_loopback(host):
        return _refuse(msg.NEEDS_LOGIN.format(host=host), 2)
    if not is_loopback(host) and not settings.public_hosts:
        return _refuse(msg.NEEDS_PUBLIC_HOSTS.format(host=host), 2)
    if not is_index(settings):  # only `ingest` creates a knowledge base: a typo in --index is not a new one
        return _refuse(msg.NOT_AN_INDEX.format(path=settings.index), 1)
    print(msg.WARMING_UP, flush=True)
    service = Service(settings)
    docs = _warm_up(service)
    if docs is None:
        return 1  # an embedded index locked by another process, or one that cannot be opened
    what = {-1: msg.SERVING_DOWN, 0: msg.SERVING_EMPTY}.get(docs, msg.SERVING_DOCS.format(n=docs))
    where = (msg.WHERE_SERVER.format(host=settings.chroma_host, port=settings.chroma_port,
                                     collection=settings.collection) if settings.server_mode
             else msg.WHERE_EMBEDDED.format(path=settings.index.resolve()))
    from .limits import LoginLimiter

    limiter = LoginLimiter()  # one for both apps: the early one's failed logins count against the full one's
    staged = _Staged(create_api_app(settings, service, host, limiter))
    server = _server(staged, host, port)
    built: dict = {}
    builder = threading.Thread(target=_build_page, name="youthqa-build", daemon=True,
                               args=(built, staged, server, settings, service, host, limiter,
                                     msg.SERVING.format(host=host, port=port, what=what, where=where)))
    builder.start()
    try:
        server.run()
    except SystemExit as stop:  # uvicorn exits when it cannot bind the port
        return int(stop.code or 1)
    if "error" in built:
        raise built["error"]
    return 0 if server.started else 1


class _Staged:
    """The ASGI app uvicorn runs: the API-only app until the full one (the page too) is built and its lifespan
    started on the server's loop, then the full one. Its lifespan is run by hand, as uvicorn would run it."""

    def __init__(self, early):
        self.early, self.full = early, None
        self.loop: asyncio.AbstractEventLoop | None = None
        self._lifespan = None  # (to the full app, from it, its task)
        self.answered = threading.Event()  # a first request has been served (by the early app)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            return await self._outer_lifespan(receive, send)
        if self.full is not None:
            return await self.full(scope, receive, send)
        try:
            return await self.early(scope, receive, send)
        finally:
            self.answered.set()

    async def _outer_lifespan(self, receive, send):
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self.loop = asyncio.get_running_loop()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self._lifespan is not None:
                    to_app, from_app, _ = self._lifespan
                    await to_app.put({"type": "lifespan.shutdown"})
                    try:
                        await asyncio.wait_for(from_app.get(), 10)
                    except asyncio.TimeoutError:
                        pass
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def start(self, app) -> None:
        """Run the full app's lifespan startup, then route every request to it."""
        to_app, from_app = asyncio.Queue(), asyncio.Queue()
        task = asyncio.ensure_future(app({"type": "lifespan", "asgi": {"version": "3.0", "spec_version": "2.0"},
                                          "state": {}}, to_app.get, from_app.put))
        await to_app.put({"type": "lifespan.startup"})
        reply = await from_app.get()
        if reply["type"] != "lifespan.startup.complete":
            raise RuntimeError(f"the web page did not start: {reply.get('message', reply['type'])}")
        self._lifespan = (to_app, from_app, task)
        self.full = app


def _refuse(message: str, code: int) -> int:
    print(f"youthqa serve: {message}", file=sys.stderr)
    return code


def _build_page(built: dict, staged: _Staged, server, settings: Settings, service: Service, host: str, limiter,
                line: str) -> None:
    """Build the full app while the API answers, start it once the server listens, then announce the address;
    on a failure, stop the server (serve raises the error)."""
    try:
        # Only once the API listens and has answered (or a moment has passed): importing Gradio holds the GIL
        # for seconds, which made the server's start and a worker's first answer 0.3 s slower.
        while not server.started or staged.loop is None:
            if server.should_exit:
                return
            threading.Event().wait(0.02)
        staged.answered.wait(FIRST_ANSWER_WAIT)
        app = create_app(settings, service, host, limiter)
        asyncio.run_coroutine_threadsafe(staged.start(app), staged.loop).result(timeout=120)
        trim_heap()  # what the warm-up and Gradio's start freed
    except Exception as err:  # raised again in the main thread
        logging.getLogger(__name__).debug("building the page failed", exc_info=True)
        built["error"] = err
        server.should_exit = True
        return
    print(line, flush=True)


def _warm_up(service: Service) -> int | None:
    """Open the knowledge base and answer one question -> documents; -1 when the Chroma server is not
    answering yet; None when serving is pointless (an embedded index that is busy or cannot be opened)."""
    try:
        docs = service.count_documents()  # not their records: 0.3 s at 11,700 reports
        service.warm_up(WARM_UP_QUESTION)
    except UserError as err:
        print(f"youthqa serve: {err}", file=sys.stderr)
        return -1 if service.settings.server_mode and isinstance(err, Unavailable) else None
    return docs
