"""Log in and push/pull against a server (a TestClient or any httpx/requests-like client)."""

import base64
import json
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from sync.protocol import LoginResponse, login_message

PIN = b"123456"


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
def signing_key(token_file: Path) -> Ed25519PrivateKey:
    doc = json.loads(token_file.read_text(encoding="utf-8"))
    return load_pem_private_key(doc["key_pem"].encode(), password=PIN)


def sign(key: Ed25519PrivateKey, nonce: str, login: str, device_id: str) -> str:
    return base64.b64encode(key.sign(login_message(nonce, login, device_id))).decode()


def challenge(client: Any, login: str) -> str:
    response = client.post("/auth/v1/challenge", json={"login": login})
    assert response.status_code == 200, response.text
    return response.json()["nonce"]


def log_in(client: Any, tokens_dir: Path, login: str, device_id: str | None = None) -> LoggedIn:
    device_id = device_id or new_device()
    nonce = challenge(client, login)
    signature = sign(signing_key(tokens_dir / f"{login}.xtoken"), nonce, login, device_id)
    response = client.post("/auth/v1/login", json={"login": login, "nonce": nonce, "device_id": device_id, "device_name": "测试机", "signature": signature})
    assert response.status_code == 200, response.text
    return LoggedIn(client, LoginResponse.model_validate(response.json()), device_id)
