"""Log in and push/pull against a server (a TestClient or any httpx/requests-like client)."""

import base64
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sync.protocol import LoginResponse, login_message
from app.identity.p12_key import P12Signer
from tests.support.pki import demo_signer

# The address the in-process server believes it has (Settings.public_url), so logins name it.
AUDIENCE = "http://testserver"


@dataclass
class LoggedIn:
    client: Any
    login: LoginResponse
    device_id: str
    next_seq: int = 1

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.login.access_token}"}

    @property
    def user_id(self) -> str:
        return self.login.user.id

    def push(self, *ops: tuple[str, dict[str, Any]], device_id: str | None = None) -> Any:
        """Push ops with the next client sequence numbers; returns the HTTP response."""
        body = {"device_id": device_id or self.device_id, "ops": [op(name, args, self.next_seq + i) for i, (name, args) in enumerate(ops)]}
        response = self.client.post("/sync/v1/push", json=body, headers=self.headers)
        if response.status_code == 200:
            self.next_seq += len(ops)
        return response

    def push_raw(self, ops: list[dict[str, Any]], device_id: str | None = None) -> Any:
        return self.client.post("/sync/v1/push", json={"device_id": device_id or self.device_id, "ops": ops}, headers=self.headers)

    def pull(self, cursors: dict[str, int], limit: int = 500, device_id: str | None = None) -> Any:
        return self.client.post("/sync/v1/pull", json={"device_id": device_id or self.device_id, "cursors": cursors, "limit": limit}, headers=self.headers)

    def pull_all(self, scope: str, limit: int = 500) -> list[dict[str, Any]]:
        """Every row of one scope, page by page."""
        rows, cursor, more = [], 0, True
        while more:
            answer = self.pull({scope: cursor}, limit).json()["scopes"][scope]
            rows += answer["rows"]
            cursor, more = answer["next_cursor"], answer["has_more"]
        return rows


def op(name: str, args: dict[str, Any], seq: int, op_id: str | None = None) -> dict[str, Any]:
    return {"op_id": op_id or uuid.uuid4().hex, "client_seq": seq, "name": name, "args": args}


def new_device() -> str:
    return f"dev-{uuid.uuid4().hex}"


@cache
def signer(tokens_dir: Path, login: str) -> P12Signer:
    return demo_signer(tokens_dir, login)


def login_body(key: P12Signer, nonce: str, device_id: str, audience: str = AUDIENCE) -> dict[str, Any]:
    """A login request; `audience` is the address of the server the client means to reach."""
    signature = key.sign(login_message(nonce, audience, key.certificate, device_id))
    return {
        "nonce": nonce,
        "audience": audience,
        "certificate": base64.b64encode(key.certificate).decode(),
        "device_id": device_id,
        "device_name": "测试机",
        "signature": base64.b64encode(signature).decode(),
    }


def challenge(client: Any) -> str:
    response = client.post("/auth/v1/challenge")
    assert response.status_code == 200, response.text
    return response.json()["nonce"]


def log_in(client: Any, tokens_dir: Path, login: str, device_id: str | None = None) -> LoggedIn:
    device_id = device_id or new_device()
    body = login_body(signer(tokens_dir, login), challenge(client), device_id, str(client.base_url))
    response = client.post("/auth/v1/login", json=body)
    assert response.status_code == 200, response.text
    return LoggedIn(client, LoginResponse.model_validate(response.json()), device_id)
