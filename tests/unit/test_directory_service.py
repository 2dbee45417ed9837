import pytest

from app.services.directory import DirectoryService
from app.store.cache import open_cache
from tests.support.cache_data import fill_directory
from tests.support.memory_keyring import kept_key


@pytest.fixture
def directory(tmp_path):
    cache = open_cache(tmp_path / "c.sqlite", kept_key(tmp_path / "c.sqlite"))
    fill_directory(cache)
    yield DirectoryService(cache)
    cache.close()


@pytest.mark.parametrize(
    ("query", "names"),
    [("王晓燕", ["王晓燕"]), ("晓燕", ["王晓燕"]), ("wxy", ["王晓燕"]), ("W X Y", ["王晓燕"]), ("如皋", ["周强"]), ("cjg", ["陈建国"])],
)
def test_find_people_by_name_initials_or_unit(directory, query, names):
    assert [p.name for p in directory.search(query)] == names


def test_wildcards_in_queries_are_literal(directory):
    assert directory.search("%") == [] and directory.search("_") == []


def test_tree_of_units_departments_people(directory):
    assert [u.name for u in directory.units()] == ["市人民政府办公室", "如皋市人民政府"]
    [dept] = directory.departments("u01")
    people = directory.people(dept.id)
    assert {p.name for p in people} == {"王晓燕", "陈建国"}
    assert people[0].unit_name == "市人民政府办公室" and people[0].department_name == "办公室"
