"""One look and behaviour for every table: whole-row selection, uniform row height (so 100,000
rows scroll smoothly), one stretching column, the rest sized for their usual content."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView


def setup_table(table: QTableView, stretch: int, char_widths: dict[int, int]) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setMinimumSectionSize(48)
    _size_columns(header, stretch, char_widths, table.fontMetrics().horizontalAdvance("中"))


def setup_tree(tree: QTreeView, stretch: int, char_widths: dict[int, int]) -> None:
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    _size_columns(header, stretch, char_widths, tree.fontMetrics().horizontalAdvance("中"))


def sortable(table: QTableView) -> None:
    """Sort on header clicks, starting in the order the service gave (e.g. oldest deadline first)."""
    # Column -1 is the source order; with a descending indicator Qt would show it reversed.
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)


def _size_columns(header: QHeaderView, stretch: int, char_widths: dict[int, int], char: int) -> None:
    """Width for `chars` CJK characters, or for the column's title where that is wider (English)."""
    model = header.model()
    for column, chars in char_widths.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, max(chars * char, header.fontMetrics().horizontalAdvance(title)) + 24)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
