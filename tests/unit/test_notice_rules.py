import pytest

from app.domain.errors import RuleViolation
from app.domain.notices import AUDIENCE_ALL, BODY_MAX_CHARS, TITLE_MAX_CHARS, NoticeDraft, check_may_publish, is_addressed_to, validate_draft


def draft(title="关于召开电子政务工作会议的通知", body="请各单位按时参加。", audience="u01"):
    return NoticeDraft(title=title, body=body, audience=audience)


def test_title_is_trimmed():
    assert validate_draft(draft(title="  会议通知 ")).title == "会议通知"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"title": "   "}, "notice.title_empty"),
        ({"title": "长" * (TITLE_MAX_CHARS + 1)}, "notice.title_too_long"),
        ({"body": " \n "}, "notice.body_empty"),
        ({"body": "字" * (BODY_MAX_CHARS + 1)}, "notice.body_too_long"),
        ({"audience": ""}, "notice.audience_missing"),
    ],
)
def test_bad_drafts_are_refused_with_a_reason(kwargs, code):
    with pytest.raises(RuleViolation) as err:
        validate_draft(draft(**kwargs))
    assert err.value.code == code
    assert err.value.message  # words for the user


def test_anyone_publishes_to_own_unit():
    check_may_publish("u01", {"科员"}, "u01")


@pytest.mark.parametrize("audience", [AUDIENCE_ALL, "u02"])
def test_staff_cannot_publish_beyond_own_unit(audience):
    with pytest.raises(RuleViolation) as err:
        check_may_publish("u01", {"科员", "收发员"}, audience)
    assert err.value.code == "notice.audience_forbidden"


@pytest.mark.parametrize("role", ["办公室主任", "主要领导"])
def test_office_head_and_leader_publish_to_everyone(role):
    check_may_publish("u01", {role}, AUDIENCE_ALL)
    check_may_publish("u01", {role}, "u05")


def test_addressing():
    assert is_addressed_to(AUDIENCE_ALL, "u09")
    assert is_addressed_to("u09", "u09")
    assert not is_addressed_to("u08", "u09")
