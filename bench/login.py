"""Login figures with SoftHSM2 as the USB key: certificate login end to end over HTTPS on
loopback, unlocking a locked session after the key is put back, and how many of our access
tokens a relying party (another intranet system, with joserfc) validates per second."""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from joserfc import jwt
from joserfc.jwk import KeySet

from app.identity.pkcs11_key import Pkcs11Key, find_pkcs11_keys
from app.services.session_lock import SessionLock
from sync.client.login import login_online
from sync.client.transport import Transport
from tests.support import softhsm
from tests.support.server_process import ServerProcess, start_server

LOGINS = 40
UNLOCKS = 20
VALIDATIONS = 3000
PIN = "123456"
LABEL = "王晓燕的Key"


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        hsm = softhsm.start(work / "softhsm")
        server = start_server(work / "server", f"sqlite:///{work}/server.db", people=200, tokens_dir=work / "tokens")
        try:
            key = _usb_key(hsm, server, work)
            login_ms, token = _logins(server, key)
            unlock_ms = _unlocks(hsm, key)
            per_s = _validations(server, token)
        finally:
            server.stop()
    return [
        ("login.e2e_ms", round(statistics.median(login_ms), 1), "ms"),
        ("unlock.ms", round(statistics.median(unlock_ms), 1), "ms"),
        ("sso.validations_per_s", round(per_s), "/s"),
    ]


def _usb_key(hsm: softhsm.SoftHsm, server: ServerProcess, work: Path) -> Pkcs11Key:
    hsm.new_token(LABEL, PIN)
    (work / "pin").write_text(PIN)
    subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "admin", "issue", "--ca", str(server.pki_dir / "user-ca"), "--login", "wangxy",
         "--pkcs11-module", softhsm.MODULE, "--token-label", LABEL, "--pin-file", str(work / "pin"), "--database-url", server.database_url],
        check=True, capture_output=True,
    )  # fmt: skip
    softhsm.restart_module()
    return next(k for k in find_pkcs11_keys(softhsm.MODULE) if k.token_label == LABEL)


def _logins(server: ServerProcess, key: Pkcs11Key) -> tuple[list[float], str]:
    """Each a new client: TLS handshake, challenge, signature on the token, login."""
    signer = key.unlock(PIN)
    times, token = [], ""
    for i in range(LOGINS):
        start = time.perf_counter()
        token = login_online(Transport(server.url, server.ca_file), signer, f"dev-bench-{i}", "bench").access_token
        times.append((time.perf_counter() - start) * 1000)
    signer.close()
    return times, token


def _unlocks(hsm: softhsm.SoftHsm, key: Pkcs11Key) -> list[float]:
    """Key put back (the module told), PIN given, a fresh challenge signed and checked."""
    lock = SessionLock(key, key.certificate)
    times = []
    for _ in range(UNLOCKS):
        hsm.pull_out(LABEL)
        assert lock.poll()
        start = time.perf_counter()
        hsm.insert(LABEL)
        signer = lock.unlock(key, PIN)
        times.append((time.perf_counter() - start) * 1000)
        signer.close()
    return times


def _validations(server: ServerProcess, token: str) -> float:
    http = requests.Session()
    http.verify, http.trust_env = server.ca_file, False
    discovery = http.get(server.url + "/.well-known/openid-configuration", timeout=10).json()
    keys = KeySet.import_key_set(http.get(discovery["jwks_uri"], timeout=10).json())
    registry = jwt.JWTClaimsRegistry(iss={"essential": True, "value": discovery["issuer"]}, aud={"essential": True, "value": "xietong"})
    start = time.perf_counter()
    for _ in range(VALIDATIONS):
        registry.validate(jwt.decode(token, keys, algorithms=["ES256"]).claims)
    return VALIDATIONS / (time.perf_counter() - start)
