"""The Chroma client: embedded (a PersistentClient on the index folder) or, in server mode, an HttpClient whose
every request is bounded in time and fails with one clear error when the server cannot be reached.
"""
from __future__ import annotations

import logging

from .settings import Settings

# Server mode: chromadb 1.5.9 builds its httpx session with timeout=None and offers no setting for it,
# so a server that accepts but never answers would hang every caller. Bound each request.
SERVER_TIMEOUT_SECONDS = 30.0
SERVER_CONNECT_SECONDS = 5.0


class StoreUnavailable(RuntimeError):
    pass


def make_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    logging.getLogger("chromadb").setLevel(logging.ERROR)
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.server_mode:
        _heartbeat(settings.chroma_host, settings.chroma_port)
        try:
            client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        except Exception as err:
            raise StoreUnavailable(f"cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port}: {err}") from None
        _bound_requests(client, f"{settings.chroma_host}:{settings.chroma_port}")
        return client
    settings.index.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.index), settings=chroma_settings)


def _heartbeat(host: str, port: int) -> None:
    """HttpClient() makes its first requests before _bound_requests can bound them: check the server first."""
    import httpx

    try:
        httpx.get(f"http://{host}:{port}/api/v2/heartbeat",
                  timeout=httpx.Timeout(SERVER_TIMEOUT_SECONDS, connect=SERVER_CONNECT_SECONDS)).raise_for_status()
    except httpx.HTTPError as err:
        raise StoreUnavailable(f"cannot reach the Chroma server at {host}:{port} "
                               f"({type(err).__name__}: {err or 'no reply'}); is `chroma run` up?") from None


def _bound_requests(client, where: str) -> None:
    """A timeout on the client's httpx session, and one clear error when the server cannot be reached.
    Clients of one host:port share one session (chromadb caches them), so this is done once per session."""
    import httpx

    server = client._server
    if getattr(server, "_youthqa_bounded", False):
        return
    server._session.timeout = httpx.Timeout(SERVER_TIMEOUT_SECONDS, connect=SERVER_CONNECT_SECONDS)
    request = server._make_request

    def make_request(*args, **kwargs):
        try:
            return request(*args, **kwargs)
        except httpx.TransportError as err:  # refused, reset, timed out: not a Chroma error reply
            raise StoreUnavailable(f"the Chroma server at {where} is not answering "
                                   f"({type(err).__name__}: {err or 'no reply'})") from None

    server._make_request = make_request
    server._youthqa_bounded = True
