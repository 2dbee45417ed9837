"""A USB key's module must not break the client's HTTPS: SoftHSM2 (like other OpenSSL-based
modules) leaves an error on OpenSSL's queue when it starts, and Python's ssl used to report it on
the next read of a kept-alive connection ("[ENGINE: NO_SUCH_ENGINE]"), failing a sync after the
user's key was found. A fresh interpreter, so the module really starts inside it."""

import datetime as dt
import http.server
import ipaddress
import ssl
import subprocess
import sys
import threading
import time

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.support.softhsm import MODULE

CLIENT = """
import sys, requests
from app.identity import pkcs11_key
url, ca, module = sys.argv[1:]
with requests.Session() as http:
    http.get(url, verify=ca, timeout=10).raise_for_status()
    pkcs11_key.find_pkcs11_keys(module)  # the module starts in this thread
    print(http.get(url, verify=ca, timeout=10).text)  # same connection, kept alive
"""


class SlowAnswer(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the sync server's

    def do_GET(self):
        time.sleep(0.1)  # the client's read has to wait, which is when ssl looks at the queue
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def self_signed(folder):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key()).serial_number(1)
            .not_valid_before(now - dt.timedelta(minutes=1)).not_valid_after(now + dt.timedelta(hours=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return folder / "cert.pem", folder / "key.pem"


@pytest.fixture
def tls_server(tmp_path):
    cert, key = self_signed(tmp_path)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SlowAnswer)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{server.server_port}/", cert
    server.shutdown()


def test_https_keeps_working_after_the_usb_key_module_starts(softhsm, tls_server):
    softhsm.provision("证书Key", "王晓燕", "123456")
    url, cert = tls_server
    done = subprocess.run([sys.executable, "-c", CLIENT, url, str(cert), MODULE], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-800:]
    assert done.stdout.strip() == "ok"
