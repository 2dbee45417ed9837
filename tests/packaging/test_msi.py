"""The MSI, read back with msitools: what IT relies on is in its tables.

Built on Linux by wixl from installer/windows/xietong.wxs with the Linux bundle as payload, so
these tests check the package's logic (properties, upgrade rules, registry, shortcut, file list),
not that Windows installs it: that is checked on the Windows build box (installer/README.md).
"""

import re
import subprocess
import tempfile

import pytest

from app import config
from tests.packaging.helpers import versions

UPGRADE_CODE = "{6F2B1C7E-4A3D-4E8B-9C55-2D7A1E0B8F34}"  # fixed for the product's life
PUBLIC = ("SERVER_URL", "PKCS11_MODULE", "TRUST_ANCHORS")
HKLM = "2"
COMPONENT_64BIT = 256
LOCATOR_64BIT = 0x10
SET_PROPERTY = 51


def msiinfo(*args: str) -> str:
    # In a scratch folder: exporting a table with binary columns (Icon) writes their streams as files.
    with tempfile.TemporaryDirectory() as scratch:
        return subprocess.run(["msiinfo", *args], capture_output=True, text=True, check=True, cwd=scratch).stdout


def table(msi, name: str) -> list[dict[str, str]]:
    """Rows of one table as dicts (msiinfo export: column names, types, key line, then rows)."""
    lines = msiinfo("export", str(msi), name).replace("\r\n", "\n").split("\n")
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"))) for line in lines[3:] if line.strip()]


@pytest.fixture(scope="module")
def msi(dist):
    return dist.msi


@pytest.fixture(scope="module")
def properties(msi) -> dict[str, str]:
    return {row["Property"]: row["Value"] for row in table(msi, "Property")}


def test_product_version_is_the_app_version(properties, version):
    assert properties["ProductVersion"] == versions.msi_version(version)
    if re.fullmatch(r"\d+\.\d+\.\d+", version):
        assert properties["ProductVersion"] == version


def test_product_identity_and_add_remove_programs_entry(msi, properties):
    assert properties["UpgradeCode"] == UPGRADE_CODE
    assert "协同办公" in properties["ProductName"]  # the string pool is code page 936, not lost
    assert properties["Manufacturer"]
    assert properties["ALLUSERS"] == "1"  # per machine
    assert properties["ARPPRODUCTICON"] in {row["Name"] for row in table(msi, "Icon")}
    assert properties["ARPNOMODIFY"] == "1"
    assert properties["REBOOT"] == "ReallySuppress"
    summary = msiinfo("suminfo", str(msi))
    assert re.search(r"^Template: x64;2052$", summary, re.MULTILINE)
    assert re.search(r"^936\t_ForceCodepage", msiinfo("export", str(msi), "_ForceCodepage"), re.MULTILINE)


def test_public_properties_are_secure_and_remembered_from_the_registry(msi, properties):
    secure = properties["SecureCustomProperties"].split(";")
    assert set(PUBLIC) <= set(secure)
    locators = {row["Signature_"]: row for row in table(msi, "RegLocator")}
    searches = {row["Property"]: locators[row["Signature_"]] for row in table(msi, "AppSearch")}
    actions = {row["Action"]: row for row in table(msi, "CustomAction")}
    for name in PUBLIC:
        found = searches[f"REG_{name}"]
        assert (found["Root"], found["Key"], found["Name"]) == (HKLM, r"Software\Xietong", name)
        assert int(found["Type"]) & LOCATOR_64BIT, "the 64-bit registry view, where the client reads"
        keep = [a for a in actions.values() if a["Source"] == name]
        assert len(keep) == 1 and int(keep[0]["Type"]) & 0x3F == SET_PROPERTY and keep[0]["Target"] == f"[REG_{name}]"
        for sequence in ("InstallExecuteSequence", "InstallUISequence"):
            rows = {row["Action"]: row for row in table(msi, sequence)}
            step = rows[keep[0]["Action"]]
            assert int(step["Sequence"]) > int(rows["AppSearch"]["Sequence"]), f"{sequence}: after AppSearch"
            assert f"NOT {name}" in step["Condition"], "only when not given on the command line"


def test_machine_policy_registry_values(msi):
    components = {row["Component"]: row for row in table(msi, "Component")}
    values = {row["Name"]: row for row in table(msi, "Registry") if row["Key"] == r"Software\Xietong"}
    for setting, name in config.REGISTRY_NAMES.items():
        if name not in PUBLIC:
            continue
        row = values[name]  # the value app/config.py reads for `setting`
        assert row["Root"] == HKLM and row["Value"] == f"[{name}]", (setting, row)
        assert int(components[row["Component_"]]["Attributes"]) & COMPONENT_64BIT


def test_major_upgrade_replaces_older_and_refuses_downgrade(msi, properties):
    version = properties["ProductVersion"]
    rows = {row["ActionProperty"]: row for row in table(msi, "Upgrade")}
    upgrade, downgrade = rows["WIX_UPGRADE_DETECTED"], rows["WIX_DOWNGRADE_DETECTED"]
    assert upgrade["UpgradeCode"] == downgrade["UpgradeCode"] == UPGRADE_CODE
    assert upgrade["VersionMax"] == version and not int(upgrade["Attributes"]) & 2  # removes older
    assert downgrade["VersionMin"] == version and int(downgrade["Attributes"]) & 2  # only detects newer
    conditions = {row["Condition"] for row in table(msi, "LaunchCondition")}
    assert "NOT WIX_DOWNGRADE_DETECTED" in conditions
    assert "RemoveExistingProducts" in {row["Action"] for row in table(msi, "InstallExecuteSequence")}


def test_start_menu_shortcut_to_the_program(msi):
    shortcuts = table(msi, "Shortcut")
    assert len(shortcuts) == 1
    shortcut = shortcuts[0]
    assert shortcut["Directory_"] == "ProgramMenuFolder"
    assert shortcut["Name"].split("|")[-1] == "协同办公"
    assert shortcut["Target"] == "[#XietongExe]"
    assert "XietongExe" in {row["File"] for row in table(msi, "File")}


def test_files_are_the_bundle_under_program_files(dist, msi):
    files = table(msi, "File")
    bundle_files = [p for p in dist.bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    assert files and len(files) == len(bundle_files)
    directories = {row["Directory"]: row for row in table(msi, "Directory")}
    assert directories["INSTALLDIR"]["Directory_Parent"] == "ProgramFiles64Folder"
    assert directories["INSTALLDIR"]["DefaultDir"].split("|")[-1] == "Xietong"
    components = table(msi, "Component")
    assert all(int(c["Attributes"]) & COMPONENT_64BIT for c in components)
    assert {c["Component"] for c in components} == {row["Component_"] for row in table(msi, "FeatureComponents")}
    assert "xietong.cab" in msiinfo("streams", str(msi))
