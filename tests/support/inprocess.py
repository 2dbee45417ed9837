"""A requests-like session that sends the client's HTTP calls to the real FastAPI app in-process
(TestClient), so tests and the simulation go through the real handlers without sockets.

Faults are injected around the real call: `drop_request` loses the request before the server
sees it, `drop_reply` lets the server commit and then loses the answer (a crash after commit
before the reply). Both look to the client exactly like a broken connection.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests
from fastapi.testclient import TestClient

Fault = Callable[[str, bytes | None], bool]  # (path, body) -> inject?


def _never(_path: str, _body: bytes | None) -> bool:
    return False


@dataclass
class InProcessSession:
    client: TestClient
    drop_request: Fault = field(default=_never)
    drop_reply: Fault = field(default=_never)
    sent: list[tuple[str, bytes]] = field(default_factory=list)  # (path, body) of every call that reached the server

    def request(self, method: str, url: str, data: bytes | None = None, headers: dict[str, str] | None = None, timeout: Any = None) -> Any:
        path = "/" + url.split("://", 1)[-1].split("/", 1)[-1]
        if self.drop_request(path, data):
            raise requests.ConnectionError("connection dropped before the request reached the server")
        response = self.client.request(method, path, content=data, headers=headers)
        self.sent.append((path, data or b""))
        if self.drop_reply(path, data):
            raise requests.ConnectionError("connection dropped after the server answered")
        return response
