"""HTTP to the exchange server (requests), turning failures into three kinds the caller handles:
the server cannot be reached, the login has expired, or the server refused with a reason."""

import hashlib
from typing import Any, TypeVar

import requests
from pydantic import BaseModel, ValidationError

from sync.protocol import (
    BlobStatus,
    ChallengeResponse,
    LoginRequest,
    LoginResponse,
    RefreshRequest,
    RefreshResponse,
    SessionEvent,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
)
from sync.protocol.bundle_relay import RelayAnswer, RelayRequest
from sync.protocol.sso import TicketRequest, TicketResponse

T = TypeVar("T", bound=BaseModel)
TIMEOUT = (3.05, 60)
RELAY_TIMEOUT_S = 3600
# A sign-in waits less: a server that accepts but never answers must not hold the login window.
LOGIN_TIMEOUT = (3.05, 15)


class ServerUnreachable(Exception):
    """No answer: network down, server stopped, or a timeout. The client works offline."""


class LoginExpired(Exception):
    """401 on a data call: the access token is missing, expired or revoked; log in again.
    (A 401 from the login itself is a ServerRefused: the key was not accepted.)"""


class ServerRefused(Exception):
    """A 4xx/5xx answer with the server's reason."""

    def __init__(self, status: int, code: str, message: str, detail: Any) -> None:
        super().__init__(f"HTTP {status} {code}: {message}")
        self.status, self.code, self.message, self.detail = status, code, message, detail


class Transport:
    """HTTPS to one server, verifying its certificate against `trust_anchors` (a PEM bundle of
    CA certificates) and nothing else: not the system's store, not the environment's bundle.
    Without https:// or anchors every call is refused (code client.insecure) and nothing is sent.
    `session` is for tests that hand in an in-process client; it is used as given."""

    def __init__(self, base_url: str, trust_anchors: str = "", session: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token: str | None = None
        self._insecure = "" if session is not None else _insecurity(self.base_url, trust_anchors)
        self._http = session or _verified_session(trust_anchors)

    def close_connections(self) -> None:
        """Drop kept-alive connections (they come back on the next call): a server shutting
        down waits for open ones."""
        self._http.close()

    def health(self) -> dict:
        return self._call("GET", "/health", None, None)

    def challenge(self) -> ChallengeResponse:
        return self._call("POST", "/auth/v1/challenge", None, ChallengeResponse, LOGIN_TIMEOUT)

    def login(self, req: LoginRequest) -> LoginResponse:
        resp = self._call("POST", "/auth/v1/login", req, LoginResponse, LOGIN_TIMEOUT)
        self.token = resp.access_token
        return resp

    def refresh(self, refresh_token: str) -> RefreshResponse:
        resp = self._call("POST", "/auth/v1/refresh", RefreshRequest(refresh_token=refresh_token), RefreshResponse, LOGIN_TIMEOUT)
        self.token = resp.access_token
        return resp

    def report(self, event: SessionEvent) -> None:
        self._call("POST", "/auth/v1/events", event, None, LOGIN_TIMEOUT, expect_body=False)

    def logout(self) -> None:
        self._call("POST", "/auth/v1/logout", None, None, LOGIN_TIMEOUT, expect_body=False)
        self.token = None

    def sso_ticket(self, next_url: str) -> TicketResponse:
        """A one-use login ticket for the system browser, opening `next_url` signed in (单点登录)."""
        return self._call("POST", "/oidc/ticket", TicketRequest(next=next_url), TicketResponse, LOGIN_TIMEOUT)

    def push(self, req: PushRequest) -> PushResponse:
        return self._call("POST", "/sync/v1/push", req, PushResponse)

    def pull(self, req: PullRequest) -> PullResponse:
        return self._call("POST", "/sync/v1/pull", req, PullResponse)

    def blob_status(self, sha: str) -> BlobStatus:
        return self._call("GET", f"/sync/v1/blobs/{sha}", None, BlobStatus)

    def blob_put(self, sha: str, offset: int, total: int, chunk: bytes) -> BlobStatus:
        headers = {"Content-Type": "application/octet-stream", "Chunk-Sha256": hashlib.sha256(chunk).hexdigest()}
        resp = self._send("PUT", f"/sync/v1/blobs/{sha}?offset={offset}&total={total}", chunk, headers)
        return _parse(resp, BlobStatus)

    def relay_bundle(self, req: RelayRequest) -> RelayAnswer:
        """The server imports a whole 交换包 before it answers: minutes for a big one."""
        return self._call("POST", "/sync/v1/bundles/relay", req, RelayAnswer, timeout=(TIMEOUT[0], RELAY_TIMEOUT_S))

    def blob_get(self, sha: str, offset: int, length: int) -> bytes:
        return self._send("GET", f"/sync/v1/blobs/{sha}/content?offset={offset}&length={length}", None, {}).content

    def _call(self, method: str, path: str, body: BaseModel | None, answer: type[T] | None, timeout: tuple[float, float] = TIMEOUT, expect_body: bool = True) -> Any:
        data = body.model_dump_json().encode() if body is not None else None
        headers = {"Content-Type": "application/json"} if data is not None else {}
        resp = self._send(method, path, data, headers, timeout)
        return _parse(resp, answer) if expect_body else None

    def _send(self, method: str, path: str, data: bytes | None, headers: dict[str, str], timeout: tuple[float, float] = TIMEOUT) -> Any:
        """One request; failures become ServerUnreachable, LoginExpired or ServerRefused."""
        if self._insecure:
            raise ServerRefused(0, "client.insecure", self._insecure, None)
        if self.token:
            headers = {**headers, "Authorization": f"Bearer {self.token}"}
        try:
            resp = self._http.request(method, self.base_url + path, data=data, headers=headers, timeout=timeout)
        except requests.RequestException as exc:
            raise ServerUnreachable(str(exc)) from exc
        if resp.status_code == 401 and not path.startswith("/auth/"):
            raise LoginExpired(resp.text[:500])
        if resp.status_code >= 400:
            raise _refusal(resp)
        return resp


def _insecurity(base_url: str, trust_anchors: str) -> str:
    if not base_url.lower().startswith("https://"):
        return f"服务器地址必须以 https:// 开头（现为 {base_url}），请联系信息中心修改配置。"
    if not trust_anchors:
        return "没有配置信任的根证书（trust_anchors），无法验证服务器，请联系信息中心。"
    return ""


def _verified_session(trust_anchors: str) -> requests.Session:
    session = requests.Session()
    session.verify = trust_anchors
    session.trust_env = False  # no proxy or CA bundle from the environment: only the configured anchors
    return session


def _parse(resp: Any, answer: type[T] | None) -> Any:
    try:
        return answer.model_validate_json(resp.content) if answer else resp.json()
    except (ValidationError, ValueError) as exc:
        raise ServerRefused(resp.status_code, "client.bad_answer", "服务器的应答无法识别。", str(exc)) from exc


def _refusal(resp: requests.Response) -> ServerRefused:
    try:
        detail = resp.json().get("detail")
    except ValueError:
        detail = resp.text[:500]
    if isinstance(detail, dict):
        return ServerRefused(resp.status_code, detail.get("code", ""), detail.get("message", ""), detail)
    return ServerRefused(resp.status_code, f"http.{resp.status_code}", str(detail)[:500], detail)
