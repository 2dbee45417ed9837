"""The cache key comes back through an online login: here the USB key's PIN was changed, so the
PIN no longer unwraps the cache key (this test machine has no keyring); the server's escrow for
this device does, and afterwards the new PIN works offline too."""

import pytest
from cryptography import x509

from sync.client.sign_in import sign_in
from sync.client.transport import Transport
from tests.support.pki import demo_signer


@pytest.mark.parametrize("exchange_server", ["sqlite"], indirect=True)
def test_a_changed_pin_is_recovered_through_the_escrow_and_then_works_offline(exchange_server):
    signer = demo_signer(exchange_server.tokens_dir, "liming")
    anchors: list = []

    def signed_in(pin: str):
        return sign_in(signer, pin, Transport(exchange_server.url, exchange_server.ca_file), anchors, "test")

    first = signed_in("123456")
    device, path = first.device_id, first.cache.path
    first.cache.close()

    again = signed_in("654321")  # the PIN wrap fails: the escrow of this device's login opens it
    assert again.online and again.device_id == device and again.cache.path == path
    again.cache.close()

    exchange_server.stop()
    anchors.append(x509.load_pem_x509_certificate(open(exchange_server.ca_file, "rb").read()))
    offline = signed_in("654321")
    assert not offline.online and offline.user.login == "liming"
    offline.cache.close()
