"""IT issues a certificate onto a USB key (SoftHSM2) with `xietong-server admin issue`, and its
holder logs in with it over HTTPS. The PIN appears in no log, the client's or the server's."""

import logging
import subprocess
import sys

import pytest

from app.identity.pkcs11_key import find_pkcs11_keys
from sync.client.transport import Transport
from tests.support.headless_client import sign_in_as
from tests.support.softhsm import MODULE, restart_module

PIN = "246813"


@pytest.mark.parametrize("exchange_server", ["sqlite"], indirect=True)
def test_a_certificate_issued_onto_a_usb_key_logs_in(exchange_server, softhsm, tmp_path, caplog):
    softhsm.new_token("周强的Key", PIN)
    (tmp_path / "pin").write_text(PIN)
    issued = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "admin", "issue", "--ca", str(exchange_server.pki_dir / "user-ca"), "--login", "zhouqiang",
         "--pkcs11-module", MODULE, "--token-label", "周强的Key", "--pin-file", str(tmp_path / "pin"), "--database-url", exchange_server.database_url],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert issued.returncode == 0, issued.stdout + issued.stderr
    restart_module()  # the objects were written by another process
    [key] = [k for k in find_pkcs11_keys(MODULE) if k.token_label == "周强的Key"]
    assert key.display_name == "周强"
    caplog.set_level(logging.DEBUG)
    client = sign_in_as(Transport(exchange_server.url, exchange_server.ca_file), key.unlock(PIN), tmp_path / "zhou.sqlite")
    assert client.user.login == "zhouqiang"
    client.sync()
    client.close()
    assert PIN not in caplog.text
    assert PIN not in exchange_server.log_path.read_text(encoding="utf-8")
    assert PIN not in issued.stdout + issued.stderr
