"""The translations are complete: zh_CN holds every string lupdate finds in ui/, translated; en
(the source language) holds the plural forms. The compiled .qm files change what users read."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from ui import appearance
from ui.main_window.navigation import NavigationList, entries

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name"), msg.findtext("source")): msg.find("translation") for ctx in root.iter("context") for msg in ctx.iter("message")}


def extracted(tmp_path: Path, *options: str) -> set[tuple[str, str]]:
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-silent", "-extensions", "py", "-locations", "none", *options, "ui", "-ts", str(fresh)], cwd=ROOT, check=True)
    return set(messages(fresh))


@pytest.mark.parametrize("ts", sorted(TRANSLATIONS.glob("*.ts")), ids=lambda p: p.name)
def test_every_entry_is_translated(ts):
    found = messages(ts)
    assert found
    unfinished = [key for key, translation in found.items() if translation.get("type") in ("unfinished", "vanished", "obsolete")]
    assert unfinished == []
    empty = [key for key, translation in found.items() if not "".join(translation.itertext()).strip()]
    assert empty == []


def test_the_ts_files_hold_every_string_of_the_sources(tmp_path):
    assert extracted(tmp_path) <= set(messages(TRANSLATIONS / "xietong_zh_CN.ts"))
    assert extracted(tmp_path, "-pluralonly") <= set(messages(TRANSLATIONS / "xietong_en.ts"))


def test_compiled_translations_change_the_words(qtbot):
    assert appearance.install_translations("en") == []
    try:
        assert NavigationList(entries()).labels()[:2] == ["Portal", "To do"]
        assert QCoreApplication.translate("TodoView", "%n item(s) waiting", "", 1) == "1 item waiting"
        assert QCoreApplication.translate("TodoView", "%n item(s) waiting", "", 3) == "3 items waiting"
    finally:
        assert appearance.install_translations("zh_CN") == []
    nav = NavigationList(entries())
    qtbot.addWidget(nav)
    assert nav.labels() == ["门户", "待办", "收文", "发文", "会签", "会议室", "用车", "通知公告", "文件共享", "通讯录"]
    assert QCoreApplication.translate("TodoView", "%n item(s) waiting", "", 3) == "共 3 项待办"
