"""Item data roles our models answer beyond Qt's own."""

from PySide6.QtCore import Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts right (timestamps, not their text)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # lower-case text a search box matches, pinyin initials included
ID_ROLE = Qt.ItemDataRole.UserRole + 3  # the row's identity, to keep a selection across reloads
CLEARANCE_ROLE = Qt.ItemDataRole.UserRole + 4  # a person's 密级 clearance, where a list shows people
