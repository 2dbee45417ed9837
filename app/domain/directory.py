"""通讯录 (directory): units, departments, people and roles, and how people are found."""

from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class Unit:
    """单位: a city department, a county or district government, or the development zone."""

    id: str
    name: str
    level: str
    parent: str
    sort_order: int


@dataclass(frozen=True)
class Department:
    """处室: a department inside a unit."""

    id: str
    unit_id: str
    name: str
    sort_order: int


@dataclass(frozen=True)
class Person:
    """A civil servant in the directory, with the roles (收发员, 处长, …) they hold in their unit."""

    id: str
    login: str
    name: str
    unit_id: str
    department_id: str
    title: str
    phone: str
    roles: tuple[str, ...] = field(default=())
    clearance: str = "秘密"  # the highest 密级 they may see (知悉范围)


@lru_cache(maxsize=65536)
def pinyin_initials(text: str) -> str:
    """Lower-case pinyin initials of Chinese text, e.g. 张伟 -> "zw"; other characters kept as is."""
    from pypinyin import Style, lazy_pinyin  # its dictionaries take a third of a second to load

    return "".join(syllable[0] for syllable in lazy_pinyin(text, style=Style.FIRST_LETTER) if syllable).lower()


def initials_per_character(text: str) -> str:
    """通知 GB → "tz gb": one letter for each character, so a match is also a span of the text."""
    return "".join((pinyin_initials(c) or c)[:1] for c in text)


def search_keys(name: str, unit_name: str, department_name: str) -> str:
    """The text a directory search looks in: name, its pinyin initials, unit and department."""
    return " ".join((name, pinyin_initials(name), unit_name, department_name)).lower()


def normalise_query(query: str) -> str:
    """What a search box holds, made comparable with `search_keys` (trimmed, lower-case, no inner spaces)."""
    return "".join(query.split()).lower()
