"""文件共享 rules: names, sizes, 密级 ceilings, rights through shares, conflict copy names, quota."""

import pytest

from app.domain.errors import RuleViolation
from app.domain.files import (
    MAX_FILE_BYTES,
    READ,
    WRITE,
    Grantee,
    Member,
    check_level,
    check_name,
    check_quota,
    check_size,
    conflict_copy_name,
    right_of,
)
from app.domain.scopes import file_scopes_for

CLERK = Member("p1", "u01-d1", "u01", "内部")


@pytest.mark.parametrize("name", ["报告.docx", "2026年工作要点（征求意见稿）.pdf", "a..b.txt", "CONFIG.txt", ".hidden"])
def test_ordinary_names_pass(name):
    assert check_name(f"  {name} ") == name


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("..", "files.name_traversal"),
        ("../x", "files.name_traversal"),
        ("a\\..\\b", "files.name_traversal"),
        ("a:b", "files.name_reserved_char"),
        ("a|b", "files.name_reserved_char"),
        ("tab\there", "files.name_control_char"),
        ("LPT1.txt", "files.name_reserved"),
        ("aux", "files.name_reserved"),
        ("ends.", "files.name_trailing_dot"),
        ("   ", "files.name_empty"),
        ("长" * 121, "files.name_too_long"),
    ],
)
def test_bad_names_say_why_in_chinese(name, code):
    with pytest.raises(RuleViolation) as refused:
        check_name(name)
    assert refused.value.code == code and refused.value.message


def test_size_limit_is_two_gigabytes_inclusive():
    check_size(0)
    check_size(MAX_FILE_BYTES)
    with pytest.raises(RuleViolation, match="2 GB"):
        check_size(MAX_FILE_BYTES + 1)


def test_nobody_marks_above_their_own_ceiling():
    check_level("内部", "内部")
    with pytest.raises(RuleViolation) as refused:
        check_level("秘密", "内部")
    assert refused.value.code == "files.level_above_clearance"
    with pytest.raises(RuleViolation):
        check_level("绝密", "机密")


def test_the_best_right_of_any_grant_naming_the_member_counts():
    grants = [(Grantee("unit", "u02"), WRITE), (Grantee("department", "u01-d1"), READ)]
    assert right_of(CLERK, grants) == READ
    assert right_of(CLERK, [*grants, (Grantee("person", "p1"), WRITE)]) == WRITE
    assert right_of(CLERK, grants[:1]) is None


def test_scopes_stop_at_the_ceiling():
    scopes = file_scopes_for("p1", "u01-d1", "u01", "内部")
    assert "files:unit:u01:内部" in scopes and not [s for s in scopes if s.endswith(("秘密", "机密"))]


def test_conflict_copy_keeps_the_extension_and_names_editor_and_day():
    at = 1795622400  # 2026-11-26 08:00 Shanghai
    assert conflict_copy_name("报告.docx", "张三", at) == "报告（冲突副本 张三 2026-11-26）.docx"
    assert conflict_copy_name("README", "张三", at) == "README（冲突副本 张三 2026-11-26）"


def test_quota_refusal_names_used_and_limit():
    check_quota(900, 1000, 100)
    with pytest.raises(RuleViolation, match="已满") as refused:
        check_quota(900, 1000, 101)
    assert refused.value.code == "files.quota_full"
