"""The client's icons: simple SVG shapes in resources/icons (no text in images)."""

from PySide6.QtGui import QIcon
from PySide6.QtSvg import QSvgRenderer

from ui.resources_path import resource

NAMES = ("app", "portal", "admin", "system", "todo", "incoming", "outgoing", "countersign", "rooms", "vehicles", "notices", "files", "directory", "sync")


def icon(name: str) -> QIcon:
    return QIcon(str(resource("icons", f"{name}.svg")))


def system_icon(name: str) -> QIcon:
    """A launcher tile's icon: the registered name where we ship it, else the generic one."""
    return icon(name if name in NAMES else "system")


def missing() -> list[str]:
    """Icon files that are absent or not valid SVG."""
    return [name for name in NAMES if not QSvgRenderer(str(resource("icons", f"{name}.svg"))).isValid()]
