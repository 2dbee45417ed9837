"""`xietong-server admin`: the PKI administrator's commands, run as IT runs them."""

from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12

from sync.server.cli import run


def admin(url: str, *args: str) -> int:
    return run(["admin", *args, "--database-url", url])


def deployment(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    assert run(["init-demo", "--people", "20", "--tokens", str(tmp_path / "tokens"), "--pki", str(tmp_path / "pki"), "--database-url", url]) == 0
    return url


def test_a_ca_of_our_own_issues_revokes_and_publishes(tmp_path, capsys):
    url = deployment(tmp_path)
    root, unit_ca = tmp_path / "ca" / "root", tmp_path / "ca" / "unit"
    assert admin(url, "ca-create", str(root), "--name", "如皋市根CA", "--org", "如皋市人民政府") == 0
    assert admin(url, "ca-create", str(unit_ca), "--name", "如皋市用户CA", "--org", "如皋市人民政府", "--parent", str(root)) == 0
    (tmp_path / "pin").write_text("246810\n")
    assert admin(url, "issue", "--ca", str(unit_ca), "--login", "zhouqiang", "--p12-dir", str(tmp_path / "out"), "--pin-file", str(tmp_path / "pin")) == 0
    bundle = pkcs12.load_pkcs12((tmp_path / "out" / "zhouqiang.p12").read_bytes(), b"246810")
    cert = bundle.cert.certificate
    assert cert.issuer == x509.load_pem_x509_certificate((unit_ca / "ca.pem").read_bytes()).subject
    capsys.readouterr()
    assert admin(url, "bindings") == 0
    assert f"{cert.serial_number:x}" in capsys.readouterr().out

    assert admin(url, "revoke", "--ca", str(unit_ca), "--serial", f"{cert.serial_number:x}", "--reason", "离职") == 0
    assert admin(url, "crl", "--ca", str(unit_ca), "--out", str(tmp_path / "unit.crl")) == 0
    crl = x509.load_der_x509_crl((tmp_path / "unit.crl").read_bytes())
    assert crl.get_revoked_certificate_by_serial_number(cert.serial_number) is not None
    assert crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number == 2  # revoke published number 1


def test_the_server_certificate_names_its_hosts_and_carries_the_chain(tmp_path):
    deployment(tmp_path)
    ca = tmp_path / "pki" / "user-ca"
    assert run(["admin", "server-cert", "--ca", str(ca), "--hostname", "oa.rugao.gov.cn", "--hostname", "10.1.2.3", "--cert", str(tmp_path / "tls.pem"), "--key", str(tmp_path / "tls.key")]) == 0
    leaf, issuer = x509.load_pem_x509_certificates((tmp_path / "tls.pem").read_bytes())
    names = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert names.get_values_for_type(x509.DNSName) == ["oa.rugao.gov.cn"]
    assert [str(ip) for ip in names.get_values_for_type(x509.IPAddress)] == ["10.1.2.3"]
    assert issuer.subject == leaf.issuer


def test_mistakes_are_refused_with_the_reason(tmp_path, capsys):
    url = deployment(tmp_path)
    ca = str(tmp_path / "pki" / "user-ca")
    (tmp_path / "pin").write_text("123456")
    assert admin(url, "issue", "--ca", ca, "--login", "nobody", "--p12-dir", str(tmp_path), "--pin-file", str(tmp_path / "pin")) == 1
    assert "nobody" in capsys.readouterr().out
    assert admin(url, "ca-create", ca, "--name", "x", "--org", "y") == 1
    assert "已有 CA" in capsys.readouterr().out
    assert admin(url, "ca-import", str(tmp_path / "tokens" / "wangxy.crt")) == 1  # a person's certificate is no CA
    assert "不是 CA" in capsys.readouterr().out
    assert admin(url, "revoke", "--ca", ca, "--serial", "not-hex") == 1
    assert "十六进制" in capsys.readouterr().out
    assert admin(url, "issue", "--ca", ca, "--login", "wangxy", "--pin-file", str(tmp_path / "pin")) == 1
    assert "--p12-dir" in capsys.readouterr().out


def test_a_crl_of_an_unknown_ca_is_refused(tmp_path, capsys):
    url = deployment(tmp_path)
    other = tmp_path / "other"
    assert run(["init-demo", "--people", "10", "--tokens", str(other / "tokens"), "--pki", str(other / "pki"), "--database-url", f"sqlite:///{other / 's.db'}"]) == 0
    assert admin(f"sqlite:///{other / 's.db'}", "crl", "--ca", str(other / "pki" / "user-ca"), "--out", str(other / "crl.der")) == 0
    capsys.readouterr()
    assert admin(url, "crl-import", str(other / "crl.der")) == 1
    assert "不是已导入的 CA" in capsys.readouterr().out


def test_logins_lists_the_audit_trail(tmp_path, capsys):
    url = deployment(tmp_path)
    capsys.readouterr()
    assert admin(url, "logins", "--limit", "5") == 0
    assert capsys.readouterr().out == ""  # nobody logged in yet
