"""Login figures: certificate login end to end over HTTPS on loopback, and how many of our access
tokens a relying party (another intranet system, with joserfc) validates per second."""

import statistics
import tempfile
import time
from pathlib import Path

import requests
from joserfc import jwt
from joserfc.jwk import KeySet

from sync.client.login import login_online
from sync.client.transport import Transport
from tests.support.p12_signer import demo_signer
from tests.support.server_process import start_server

LOGINS = 40
VALIDATIONS = 3000


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        server = start_server(work / "server", f"sqlite:///{work}/server.db", people=200, tokens_dir=work / "tokens")
        try:
            signer = demo_signer(work / "tokens", "wangxy")
            login_ms, token = _logins(server.url, server.ca_file, signer)
            per_s = _validations(server.url, server.ca_file, token)
        finally:
            server.stop()
    return [("login.e2e_ms", round(statistics.median(login_ms), 1), "ms"), ("sso.validations_per_s", round(per_s), "/s")]


def _logins(url: str, ca_file: str, signer) -> tuple[list[float], str]:  # noqa: ANN001
    """Each a new client: TLS handshake, challenge, signature, login."""
    times, token = [], ""
    for i in range(LOGINS):
        start = time.perf_counter()
        transport = Transport(url, ca_file)
        token = login_online(transport, signer, f"dev-bench-{i}", "bench").access_token
        times.append((time.perf_counter() - start) * 1000)
    return times, token


def _validations(url: str, ca_file: str, token: str) -> float:
    http = requests.Session()
    http.verify, http.trust_env = ca_file, False
    discovery = http.get(url + "/.well-known/openid-configuration", timeout=10).json()
    keys = KeySet.import_key_set(http.get(discovery["jwks_uri"], timeout=10).json())
    registry = jwt.JWTClaimsRegistry(iss={"essential": True, "value": discovery["issuer"]}, aud={"essential": True, "value": "xietong"})
    start = time.perf_counter()
    for _ in range(VALIDATIONS):
        registry.validate(jwt.decode(token, keys, algorithms=["ES256"]).claims)
    return VALIDATIONS / (time.perf_counter() - start)
