"""The demo's 单位电子印章: SoftHSM2 stands in for the seal keeper's USB key. Each unit that issues
公文 in the demo gets a token of its own label in a SoftHSM2 store (softhsm2.conf in the folder;
the client reaches it with SOFTHSM2_CONF and --pkcs11-module, as scripts/run-demo.sh does), a key
made on it, a unit certificate from the demo user CA and a seal image drawn by code. The PIN is
the demo PIN, held by the unit's 办公室主任 (doc.seal)."""

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.documents.demo_seal import demo_seal_png
from app.identity import pkcs11_key
from sync.server.pki import admin as pki_admin
from sync.server.pki.service import PkiRefused

SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so"
SO_PIN = "87654321"  # the security officer's PIN of the demo tokens (re-initialising them)
CONF_FILE = "softhsm2.conf"


@dataclass(frozen=True)
class DemoSeal:
    unit_id: str
    name: str  # as the seal and the certificate read
    token_label: str


# Every 文号 kind of the sample organisation (通政办发, 通政发, 通政办函) is the city government office's.
DEMO_SEALS = (DemoSeal("u01", "南通市人民政府办公室", "seal-u01"),)


def make_seal_tokens(session: Session, folder: Path, user_ca: Path, pin: str, now: dt.datetime) -> list[DemoSeal]:
    """A fresh SoftHSM2 store in `folder` with one token per demo seal; points this process's
    SoftHSM2 at it (the module reads SOFTHSM2_CONF when it starts)."""
    if shutil.which("softhsm2-util") is None or not Path(SOFTHSM_MODULE).is_file():
        raise PkiRefused("演示的单位印章需要 SoftHSM2（softhsm2 软件包，见 scripts/system-deps.sh）。")
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "tokens").mkdir(parents=True)
    conf = folder / CONF_FILE
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    for seal in DEMO_SEALS:
        subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", seal.token_label, "--so-pin", SO_PIN, "--pin", pin],
                       check=True, capture_output=True)
    if pkcs11_key.module.cache_info().currsize:  # loaded before the tokens existed: read them anew
        pkcs11_key.restart(SOFTHSM_MODULE)
    for seal in DEMO_SEALS:
        pki_admin.issue_unit_to_token(session, user_ca, seal.unit_id, Path(SOFTHSM_MODULE), seal.token_label, pin, demo_seal_png(seal.name), now, seal.name)
    return list(DEMO_SEALS)
