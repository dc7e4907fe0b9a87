"""The errors the page and the HTTP API show as they are: one line of Chinese, and the HTTP status."""
from __future__ import annotations

import logging

from ingest import messages as msg
from ingest.lock import IndexBusy
from ingest.settings import Settings

log = logging.getLogger(__name__)


class UserError(Exception):
    """A problem the user can fix; its message is shown as is."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


class Unavailable(UserError):
    """The knowledge base is busy (IndexBusy) or its server unreachable (StoreUnavailable): worth a retry.
    Nothing is cached on failure, so the next request tries again and recovers by itself."""

    def __init__(self, err: Exception, settings: Settings):
        if isinstance(err, IndexBusy):
            text = msg.BUSY.format(doing=msg.BUSY_WRITING if err.writing else msg.BUSY_OPEN,
                                   holder=err.holder or msg.HOLDER_UNKNOWN)
        else:  # the driver's English stays in the server log
            log.warning("knowledge base unreachable: %s", " ".join(str(err).split()))
            where = f"{settings.chroma_host}:{settings.chroma_port}" if settings.server_mode else settings.location()
            text = msg.UNREACHABLE.format(where=where)
        super().__init__(text, 503)
