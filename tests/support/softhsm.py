"""SoftHSM2 as a real PKCS#11 USB key for the tests: a token folder of its own (SOFTHSM2_CONF),
tokens made with softhsm2-util, keys generated on the token. Pulling a key out is moving its
folder away, which SoftHSM2 notices at once. It reads its folder only when the module starts, so
putting a key back restarts the module here: what a vendor's module does when the operating
system reports a USB key plugged in."""

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
SO_PIN = "87654321"


@dataclass
class SoftHsm:
    folder: Path
    _token_dirs: dict[str, Path] = field(default_factory=dict)

    @property
    def tokens(self) -> Path:
        return self.folder / "tokens"

    def new_token(self, label: str, pin: str) -> None:
        before = set(self.tokens.iterdir())
        subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", SO_PIN, "--pin", pin], check=True, capture_output=True)
        [made] = set(self.tokens.iterdir()) - before
        self._token_dirs[label] = made
        restart_module()

    def provision(self, label: str, name: str, pin: str, derive: bool = False) -> bytes:
        """A new token holding a key made on it and a certificate for `name` (a throwaway CA);
        `derive`: the key also does ECDH (a 交换包 receiver)."""
        from app.identity import pkcs11_key
        from sync.server.pki import ca as authority

        self.new_token(label, pin)
        key_id, public_key = pkcs11_key.generate_key(MODULE, label, pin, "login", derive)
        now = dt.datetime.now(dt.timezone.utc)
        root = authority.new_root_ca("测试根CA", "测试", now)
        der = authority.issue_user_certificate(root, public_key, name, "南通市人民政府", "市人民政府办公室", now).public_bytes(Encoding.DER)
        pkcs11_key.store_certificate(MODULE, label, pin, key_id, der, "login")
        return der

    def pull_out(self, label: str) -> None:
        shutil.move(self._token_dirs[label], self.folder / f"away-{label}")

    def insert(self, label: str) -> None:
        shutil.move(self.folder / f"away-{label}", self._token_dirs[label])
        restart_module()


def start(folder: Path) -> SoftHsm:
    """Point SoftHSM2 (this process and its children) at `folder`: call before the module loads."""
    (folder / "tokens").mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    restart_module()
    return SoftHsm(folder)


def restart_module() -> None:
    from app.identity.pkcs11_key import module, restart

    if module.cache_info().currsize:
        restart(MODULE)
