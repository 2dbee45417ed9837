"""Client settings, resolved in order: command line, user settings, machine policy, default.

Machine policy is what IT deploys: HKLM\\Software\\Xietong on Windows (written by the MSI), the
file /etc/xietong/policy.ini on Linux (written by the .deb or by hand).
"""

import configparser
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app import paths

DEFAULTS = {
    "server_url": "https://127.0.0.1:8765",
    "token_dir": "",
    "language": "zh_CN",
    "pkcs11_module": "",  # the USB key (UKey) vendor's PKCS#11 library; empty: none configured
    "trust_anchors": "",  # CA bundle (PEM) the server's and users' certificates chain to; empty: none
    # 交换包 (docs/bundles.md), for isolated units: the exchange point's certificate (PEM or DER;
    # empty: no 交换包 menu), "standard" or "national" (SM2/SM4 only), the unit's 密级 ceiling.
    "exchange_certificate": "",
    "bundle_algorithms": "standard",
    "classification_ceiling": "",
}
POLICY_FILE = Path("/etc/xietong/policy.ini")
REGISTRY_KEY = r"Software\Xietong"
# Registry value names as the MSI writes them (its public properties).
REGISTRY_NAMES = {
    "server_url": "SERVER_URL",
    "token_dir": "TOKEN_DIR",
    "language": "LANGUAGE",
    "pkcs11_module": "PKCS11_MODULE",
    "trust_anchors": "TRUST_ANCHORS",
    "exchange_certificate": "EXCHANGE_CERTIFICATE",
    "bundle_algorithms": "BUNDLE_ALGORITHMS",
    "classification_ceiling": "CLASSIFICATION_CEILING",
}


@dataclass(frozen=True)
class ClientConfig:
    server_url: str
    token_dir: str
    language: str
    sources: Mapping[str, str]  # setting -> where its value came from, for the About box and logs
    pkcs11_module: str = ""
    trust_anchors: str = ""
    exchange_certificate: str = ""
    bundle_algorithms: str = "standard"
    classification_ceiling: str = ""


def user_settings_file() -> Path:
    return paths.config_dir() / "settings.ini"


def load(cli: Mapping[str, str | None], policy_file: Path = POLICY_FILE) -> ClientConfig:
    layers = [
        ("command line", {k: v for k, v in cli.items() if v}),
        ("user settings", _read_ini(user_settings_file(), "client")),
        ("machine policy", _machine_policy(policy_file)),
        ("default", DEFAULTS),
    ]
    values: dict[str, str] = {}
    sources: dict[str, str] = {}
    for key in DEFAULTS:
        for name, layer in layers:
            if layer.get(key):
                values[key], sources[key] = layer[key], name
                break
        else:
            values[key], sources[key] = DEFAULTS[key], "default"
    return ClientConfig(
        server_url=values["server_url"].rstrip("/"),
        token_dir=values["token_dir"],
        language=values["language"],
        sources=sources,
        pkcs11_module=values["pkcs11_module"],
        trust_anchors=values["trust_anchors"],
        exchange_certificate=values["exchange_certificate"],
        bundle_algorithms=values["bundle_algorithms"],
        classification_ceiling=values["classification_ceiling"],
    )


def save_user_setting(key: str, value: str) -> None:
    path = user_settings_file()
    parser = configparser.ConfigParser()
    parser.read(path, encoding="utf-8")
    if not parser.has_section("client"):
        parser.add_section("client")
    parser.set("client", key, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        parser.write(f)


def _read_ini(path: Path, section: str) -> dict[str, str]:
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return {}
    return dict(parser[section]) if parser.has_section(section) else {}


def _machine_policy(policy_file: Path) -> dict[str, str]:
    if sys.platform == "win32":
        return _registry_policy()
    return _read_ini(policy_file, "policy")


def _registry_policy() -> dict[str, str]:
    import winreg  # Windows only

    found: dict[str, str] = {}
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, REGISTRY_KEY) as key:
            for setting, value_name in REGISTRY_NAMES.items():
                try:
                    found[setting] = str(winreg.QueryValueEx(key, value_name)[0])
                except FileNotFoundError:
                    continue
    except OSError:
        return {}
    return found
