"""The .deb for 统信UOS / 麒麟 / Debian: its control data and files, then a real install on this
machine, the installed program's smoke check, its machine policy, and a clean purge."""

import configparser
import os
import re
import subprocess
from pathlib import Path

import pytest

from app import config
from tests.packaging.helpers import run_smoke, versions

APT_ENV = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
DPKG_OPTS = ["-o", "Dpkg::Options::=--force-confold", "-o", "Dpkg::Options::=--force-confdef"]
MSI_PROPERTIES = {"server_url": "SERVER_URL", "pkcs11_module": "PKCS11_MODULE", "trust_anchors": "TRUST_ANCHORS"}


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture(scope="module")
def tree(dist, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("deb-tree")
    subprocess.run(["dpkg-deb", "--raw-extract", str(dist.deb), str(root)], check=True)
    return root


def test_control_names_version_and_dependencies(dist, version):
    assert field(dist.deb, "Package") == "xietong"
    assert field(dist.deb, "Version") == versions.deb_version(version)
    depends = [d.strip() for d in field(dist.deb, "Depends").split(",")]
    assert any("fonts-noto-cjk" in d and "fonts-wqy-microhei" in d for d in depends), depends  # a CJK font, either one
    for qt_needs in ("libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0", "libegl1", "libfontconfig1"):
        assert qt_needs in depends
    assert any(re.fullmatch(r"libc6 \(>= 2\.\d+\)", d) for d in depends)


def test_files_go_where_it_expects(tree):
    assert os.access(tree / "opt" / "xietong" / "xietong", os.X_OK)
    launcher = tree / "usr" / "bin" / "xietong"
    assert os.access(launcher, os.X_OK) and "/opt/xietong/xietong" in launcher.read_text()
    for icon in ("scalable/apps/xietong.svg", "48x48/apps/xietong.png", "256x256/apps/xietong.png"):
        assert (tree / "usr" / "share" / "icons" / "hicolor" / icon).is_file()
    assert (tree / "DEBIAN" / "conffiles").read_text().split() == ["/etc/xietong/policy.ini"]
    assert not [p for p in tree.rglob("*") if not p.is_symlink() and p.stat().st_mode & 0o022], "nothing group/world-writable"


def test_the_menu_entry_has_a_chinese_name_and_is_valid(tree):
    desktop = tree / "usr" / "share" / "applications" / "xietong.desktop"
    entry = configparser.ConfigParser(interpolation=None, strict=False)
    entry.optionxform = str
    entry.read(desktop, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Name[zh_CN]"] == "协同办公"
    assert section["Exec"].split()[0] == "xietong" and section["Icon"] == "xietong"
    done = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_policy_file_offers_the_msi_settings(tree):
    text = (tree / "etc" / "xietong" / "policy.ini").read_text(encoding="utf-8")
    parser = configparser.ConfigParser()
    parser.read_string(text)
    assert parser.has_section("policy") and not dict(parser["policy"]), "every setting commented out by default"
    for setting, msi_property in MSI_PROPERTIES.items():
        assert re.search(rf"^#\s*{setting}\s*=", text, re.MULTILINE), f"{setting} is not offered"
        assert setting in config.DEFAULTS  # the client reads it (app/config.py) ...
        assert config.REGISTRY_NAMES[setting] == msi_property  # ... under the MSI's name on Windows


def test_install_run_and_purge(dist, tmp_path):
    installed = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "xietong"], capture_output=True, text=True).stdout
    assert "installed" not in installed, "a xietong package is installed on this machine; this test would replace it"
    policy = Path("/etc/xietong/policy.ini")
    assert not policy.exists(), f"{policy} exists and is not the package's; this test would replace it"

    apt = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *DPKG_OPTS]
    subprocess.run([*apt, str(dist.deb)], env=APT_ENV, check=True, capture_output=True)
    try:
        done = run_smoke("/usr/bin/xietong", tmp_path / "home1", "--version")
        assert done.returncode == 0 and done.stdout.strip() == f"xietong {versions.app_version()}", done.stderr
        done = run_smoke("/usr/bin/xietong", tmp_path / "home1", "--smoke")
        assert done.returncode == 0, done.stdout + done.stderr

        # IT's setting in the conffile reaches the installed client, and survives a reinstall.
        policy.write_text(policy.read_text(encoding="utf-8") + "server_url = https://oa.policy.invalid\n", encoding="utf-8")
        done = run_smoke("/usr/bin/xietong", tmp_path / "home2", "--smoke")
        assert done.returncode == 0, done.stdout + done.stderr
        log = (tmp_path / "home2" / "logs" / "xietong.log").read_text(encoding="utf-8")
        assert "https://oa.policy.invalid" in log and "machine policy" in log
        subprocess.run([*apt, "--reinstall", str(dist.deb)], env=APT_ENV, check=True, capture_output=True)
        assert "https://oa.policy.invalid" in policy.read_text(encoding="utf-8")
    finally:
        subprocess.run(["apt-get", "purge", "-y", "-q", "xietong"], env=APT_ENV, check=True, capture_output=True)

    assert not Path("/opt/xietong").exists()
    assert not Path("/usr/bin/xietong").exists()
    assert not policy.exists()
    assert not Path("/usr/share/applications/xietong.desktop").exists()
