"""Load the look and the language: Fusion style, the CJK UI font, style.qss and translations.

Every loader returns what it could not load, in words, so `--smoke` can fail on it and a normal
start can log it and carry on (in English, or with the platform's look).
"""

import logging
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ui.resources_path import resource

log = logging.getLogger(__name__)

UI_FONT_POINTS = 10
# The system's CJK UI font first; the rest are fallbacks Qt tries in order.
UI_FONTS = {
    "win32": ["Microsoft YaHei UI", "Microsoft YaHei", "SimSun"],
    "linux": ["Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", "Droid Sans Fallback"],
}
_installed: list[QTranslator] = []  # QCoreApplication does not own translators; keep them alive


def apply(app: QApplication, language: str) -> list[str]:
    """Set style, font, stylesheet and translations on `app`; return the problems found."""
    app.setStyle("Fusion")
    problems = apply_font(app) + apply_stylesheet(app) + install_translations(language)
    for problem in problems:
        log.warning("resource problem: %s", problem)
    return problems


def apply_font(app: QApplication) -> list[str]:
    families = UI_FONTS.get(sys.platform, UI_FONTS["linux"])
    font = QFont(families[0], UI_FONT_POINTS)
    font.setFamilies(families)
    app.setFont(font)
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return ["no font with Chinese characters is installed (e.g. fonts-noto-cjk); text would show as boxes"]
    return []


def apply_stylesheet(app: QApplication) -> list[str]:
    path = resource("style.qss")
    try:
        app.setStyleSheet(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return [f"stylesheet {path} cannot be read: {exc}"]
    return []


def install_translations(language: str) -> list[str]:
    """Our strings from resources/translations, Qt's own (dialog buttons, menus) from Qt."""
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    ours = QTranslator()  # for English (the source language) it holds only the plural forms
    path = resource("translations", f"xietong_{language}.qm")
    if not ours.load(str(path)):
        return [f"translation {path} is missing (run scripts/compile_translations.py)"]
    _install(ours)
    qt_own = QTranslator()
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _install(qt_own)
    else:
        log.info("Qt's own translation qtbase_%s not found; Qt's standard buttons stay in English", language)
    return []


def _install(translator: QTranslator) -> None:
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
