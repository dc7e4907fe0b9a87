"""`youthqa serve`: check the address and login, warm up, then run the web app (app.web.server) with uvicorn;
`start_in_thread` runs it in the background (tests, notebooks).

The first question used to wait 6-9 s for the encoder, jieba's dictionary and the lexical index: they are
loaded by answering one question before the address is announced, while another thread builds the page.
"""
from __future__ import annotations

import sys
import threading

from ingest import messages as msg
from ingest.settings import Settings

from .server import create_app, is_loopback, parse_auth
from .service import Service, Unavailable, UserError

WARM_UP_QUESTION = "共青团组织注册志愿者有多少人?"  # any question runs the whole path once


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
    built: dict = {}
    builder = threading.Thread(target=_build, args=(built, settings, service, host), name="youthqa-build")
    builder.start()  # importing Gradio and laying out the page take seconds of their own: meanwhile, warm up
    docs = _warm_up(service)
    builder.join()
    if docs is None:
        return 1  # an embedded index locked by another process, or one that cannot be opened
    if "error" in built:
        raise built["error"]
    what = {-1: msg.SERVING_DOWN, 0: msg.SERVING_EMPTY}.get(docs, msg.SERVING_DOCS.format(n=docs))
    where = (msg.WHERE_SERVER.format(host=settings.chroma_host, port=settings.chroma_port,
                                     collection=settings.collection) if settings.server_mode
             else msg.WHERE_EMBEDDED.format(path=settings.index.resolve()))
    server = _server(built["app"], host, port)
    _announce_when_up(server, msg.SERVING.format(host=host, port=port, what=what, where=where))
    try:
        server.run()
    except SystemExit as stop:  # uvicorn exits when it cannot bind the port
        return int(stop.code or 1)
    return 0 if server.started else 1


def _refuse(message: str, code: int) -> int:
    print(f"youthqa serve: {message}", file=sys.stderr)
    return code


def _build(built: dict, settings: Settings, service: Service, host: str) -> None:
    try:
        built["app"] = create_app(settings, service, host)
    except Exception as err:  # raised again in the main thread
        built["error"] = err


def _warm_up(service: Service) -> int | None:
    """Open the knowledge base and answer one question -> documents; -1 when the Chroma server is not
    answering yet; None when serving is pointless (an embedded index that is busy or cannot be opened)."""
    try:
        docs = service.documents()
        service.warm_up(WARM_UP_QUESTION)
    except UserError as err:
        print(f"youthqa serve: {err}", file=sys.stderr)
        return -1 if service.settings.server_mode and isinstance(err, Unavailable) else None
    return len(docs)


def _announce_when_up(server, line: str) -> None:
    """Print the address once the socket listens, not before: a browser opened on it must find the page."""
    startup = server.startup

    async def started(*args, **kwargs):
        await startup(*args, **kwargs)
        if server.started:
            print(line, flush=True)

    server.startup = started
