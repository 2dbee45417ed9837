"""通讯录 from the local cache: the lazy tree, the three ways of searching, the person's card."""

import pytest

from ui.views.directory_view import DirectoryView


@pytest.fixture
def directory(qtbot, session):
    view = DirectoryView(session.directory)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    return view


def test_tree_expands_unit_then_department_then_people(directory):
    model, tree = directory.tree_model, directory.tree
    units = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert units == ["市人民政府办公室", "如皋市人民政府"]
    office = model.index(0, 0)
    assert model.rowCount(office) == 0 and model.hasChildren(office)  # nothing read until opened
    tree.expand(office)
    assert [model.index(r, 0, office).data() for r in range(model.rowCount(office))] == ["办公室"]
    department = model.index(0, 0, office)
    tree.expand(department)
    people = [model.index(r, 0, department).data() for r in range(model.rowCount(department))]
    assert people == ["王晓燕", "陈建国"]
    assert model.index(0, 2, department).data() == "0513-85000000"
    tree.setCurrentIndex(model.index(0, 0, department))
    assert directory.person.name.text() == "王晓燕"
    assert directory.person.fields["unit"].text() == "市人民政府办公室"
    assert directory.person.fields["roles"].text() == "收发员"


def test_refresh_keeps_the_opened_branches(directory):
    model, tree = directory.tree_model, directory.tree
    tree.expand(model.index(0, 0))
    tree.expand(model.index(0, 0, model.index(0, 0)))
    directory.refresh()
    department = model.index(0, 0, model.index(0, 0))
    assert tree.isExpanded(model.index(0, 0)) and tree.isExpanded(department)
    assert model.rowCount(department) == 2


@pytest.mark.parametrize(
    ("query", "found"),
    [("王晓燕", ["王晓燕"]), ("wxy", ["王晓燕"]), ("如皋市人民政府", ["周强"]), ("  WXY ", ["王晓燕"])],
)
def test_search_by_name_pinyin_initials_or_unit(qtbot, directory, query, found):
    directory.focus_search()
    directory.search.setText(query)  # QTest types ASCII only; an input method delivers Chinese as text
    qtbot.waitUntil(lambda: directory.results_model.rowCount() == len(found))
    assert [directory.results_model.index(r, 0).data() for r in range(directory.results_model.rowCount())] == found
    assert directory.results_note.text() == f"找到 {len(found)} 人"
    directory.results.selectRow(0)
    assert directory.person.name.text() == found[0]


def test_search_without_match_says_so_and_clearing_returns_to_the_tree(qtbot, directory):
    directory.search.setText("不存在的人")
    qtbot.waitUntil(lambda: directory.results_note.text().startswith("没有找到"))
    assert "不存在的人" in directory.results_note.text()
    directory.search.clear()
    qtbot.waitUntil(lambda: directory.tree.isVisible())
