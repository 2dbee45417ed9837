"""Settings: command-line flags > XIETONG_SERVER_* variables > TOML file > defaults."""

import pytest

from sync.protocol.messages import MAX_PUSH_BYTES
from sync.server.config import CONFIG_ENV, DEFAULT_DATABASE_URL, ConfigError, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in ("XIETONG_SERVER_DATABASE_URL", "XIETONG_SERVER_PORT", "XIETONG_SERVER_HOST", CONFIG_ENV):
        monkeypatch.delenv(name, raising=False)


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults():
    s = load_settings()
    assert (s.database_url, s.host, s.port) == (DEFAULT_DATABASE_URL, "127.0.0.1", 8765)
    assert s.max_body_bytes > MAX_PUSH_BYTES
    assert (s.access_token_ttl_s, s.session_max_s, s.challenge_ttl_s) == (900, 12 * 3600, 60)
    assert s.issuer == "http://127.0.0.1:8765"  # no TLS configured: the server warns, clients refuse it


def test_the_issuer_follows_tls_and_the_public_url():
    assert load_settings({"tls_cert_file": "tls.pem", "port": 9443}).issuer == "https://127.0.0.1:9443"
    assert load_settings({"public_url": "https://oa.nantong.gov.cn/"}).issuer == "https://oa.nantong.gov.cn"


def test_each_layer_beats_the_one_below(tmp_path, monkeypatch):
    config = write(tmp_path / "server.toml", 'database_url = "sqlite:///from-file.db"\nport = 9001\nhost = "0.0.0.0"\nchallenge_ttl_s = 30\n')
    monkeypatch.setenv("XIETONG_SERVER_PORT", "9002")
    monkeypatch.setenv("XIETONG_SERVER_HOST", "10.0.0.1")
    s = load_settings({"host": "192.0.2.1", "port": None}, config)
    assert s.database_url == "sqlite:///from-file.db"  # file over default
    assert s.challenge_ttl_s == 30
    assert s.port == 9002  # environment over file
    assert s.host == "192.0.2.1"  # flag over environment


def test_config_file_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(CONFIG_ENV, str(write(tmp_path / "server.toml", "port = 9100\n")))
    assert load_settings().port == 9100


def test_unknown_key_and_bad_values_are_named(tmp_path, monkeypatch):
    with pytest.raises(ConfigError, match="databse_url"):
        load_settings(config_file=write(tmp_path / "typo.toml", 'databse_url = "x"\n'))
    with pytest.raises(ConfigError, match="port"):
        load_settings(config_file=write(tmp_path / "port.toml", "port = 70000\n"))
    monkeypatch.setenv("XIETONG_SERVER_PORT", "eighty")
    with pytest.raises(ConfigError, match="port"):
        load_settings()


def test_missing_or_broken_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="找不到配置文件"):
        load_settings(config_file=tmp_path / "absent.toml")
    with pytest.raises(ConfigError, match="无法读取"):
        load_settings(config_file=write(tmp_path / "broken.toml", "port = = 1\n"))
