"""文件共享 (shared files): cabinets, folders, files and their versions, shares and 密级.

A container is a folder id or a cabinet id: "unit:<unit id>" (单位文件柜, every member of the
unit may read and write) or "person:<person id>" (个人文件柜, only its owner). A folder shared
with a person, a department or a unit gives them read or write on it and on everything below.
A file carries a 密级 (公开 < 内部 < 秘密 < 机密, as 公文); nobody sees a file above their own
ceiling (clearance), and nobody may mark a file above it.
"""

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from app.domain.documents.metadata import CLASSIFICATIONS, classification_rank
from app.domain.errors import RuleViolation

NAME_MAX_CHARS = 120
MAX_FILE_BYTES = 2 * 1024**3  # the sync protocol's blob limit (MAX_BLOB_BYTES)
READ, WRITE = "read", "write"
RIGHTS = (READ, WRITE)
GRANTEE_KINDS = ("person", "department", "unit")
CABINET_KINDS = ("unit", "person")
DEFAULT_LEVEL = "内部"
RESERVED_CHARS = frozenset('/\\:*?"<>|')
# Windows device names: a file called CON or nul.txt cannot be saved on the clerk's computer.
RESERVED_NAMES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))})
_SHANGHAI = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Grantee:
    """Who a right is given to: ("person", id), ("department", id) or ("unit", id)."""

    kind: str
    id: str


@dataclass(frozen=True)
class Member:
    """What the rules need to know of a person: who they are, where, and their 密级 ceiling."""

    person_id: str
    department_id: str
    unit_id: str
    clearance: str

    def grantees(self) -> tuple[Grantee, ...]:
        return (Grantee("person", self.person_id), Grantee("department", self.department_id), Grantee("unit", self.unit_id))


def cabinet_id(kind: str, owner_id: str) -> str:
    return f"{kind}:{owner_id}"


def cabinet_owner(container: str) -> Grantee | None:
    """The owner of a cabinet id ("unit:u01" -> unit u01), or None when it is a folder id."""
    kind, sep, owner = container.partition(":")
    return Grantee(kind, owner) if sep and kind in CABINET_KINDS and owner else None


def check_name(name: str) -> str:
    """The name trimmed, or RuleViolation saying what is wrong with it."""
    name = unicodedata.normalize("NFC", name).strip()
    if not name:
        raise RuleViolation("files.name_empty", "名称不能为空。")
    if len(name) > NAME_MAX_CHARS:
        raise RuleViolation("files.name_too_long", f"名称不能超过 {NAME_MAX_CHARS} 个字符。")
    if name in (".", "..") or name.startswith("../") or "/.." in name or "\\.." in name:
        raise RuleViolation("files.name_traversal", "名称不能指向上级目录（如“..”）。")
    bad = sorted({c for c in name if c in RESERVED_CHARS})
    if bad:
        raise RuleViolation("files.name_reserved_char", "名称不能包含以下字符：" + " ".join(bad))
    if any(unicodedata.category(c) == "Cc" for c in name):
        raise RuleViolation("files.name_control_char", "名称不能包含控制字符（如换行、制表符）。")
    if name.split(".")[0].rstrip().upper() in RESERVED_NAMES:
        raise RuleViolation("files.name_reserved", f"“{name}”是系统保留的名称，请换一个名称。")
    if name.endswith("."):
        raise RuleViolation("files.name_trailing_dot", "名称不能以“.”结尾。")
    return name


def check_size(size: int) -> None:
    if size < 0:
        raise RuleViolation("files.size_invalid", "文件大小无效。")
    if size > MAX_FILE_BYTES:
        raise RuleViolation("files.too_large", f"单个文件不能超过 {MAX_FILE_BYTES // 1024**3} GB，请压缩或拆分后再上传。")


def check_level(level: str, clearance: str) -> None:
    """A 密级 must be one of the four, and not above the marker's own ceiling."""
    if level not in CLASSIFICATIONS:
        raise RuleViolation("files.bad_level", "密级只能是公开、内部、秘密或机密。")
    if classification_rank(level) > classification_rank(clearance):
        raise RuleViolation("files.level_above_clearance", f"您的密级权限为“{clearance}”，不能上传或标注“{level}”文件。")


def within_clearance(level: str, clearance: str) -> bool:
    return classification_rank(level) <= classification_rank(clearance)


def levels_within(clearance: str) -> tuple[str, ...]:
    return CLASSIFICATIONS[: classification_rank(clearance) + 1]


def right_of(member: Member, grants: Iterable[tuple[Grantee, str]]) -> str | None:
    """The best right among grants (cabinet ownership and shares up the folder chain) that name
    the member: WRITE, READ or None."""
    mine = set(member.grantees())
    rights = {right for grantee, right in grants if grantee in mine}
    return WRITE if WRITE in rights else READ if READ in rights else None


def check_right(have: str | None, need: str) -> None:
    """Refuse without saying whether the item exists when the member may not even read it."""
    if have is None:
        raise RuleViolation("files.not_found", "该文件或文件夹不存在，或您无权访问。")
    if need == WRITE and have != WRITE:
        raise RuleViolation("files.read_only", "您对该文件夹只有只读权限，不能修改其中的文件。")


def check_share(kind: str, right: str) -> None:
    if kind not in GRANTEE_KINDS:
        raise RuleViolation("files.bad_grantee", "只能共享给人员、处室或单位。")
    if right not in (*RIGHTS, "none"):
        raise RuleViolation("files.bad_right", "权限只能是只读或可编辑。")


def check_folder_move(folder_id: str, cabinet: str, target_cabinet: str, target_chain: Iterable[str]) -> None:
    """A folder moves within its cabinet (another cabinet fills another unit's quota: its files
    are moved one by one), and never into itself or a folder below it. `target_chain` is the
    target and the folders above it."""
    if target_cabinet != cabinet:
        raise RuleViolation("files.move_other_cabinet", "文件夹只能在同一文件柜内移动；要放到另一个文件柜，请在那里新建文件夹后移动文件。")
    if folder_id in target_chain:
        raise RuleViolation("files.move_into_itself", "不能把文件夹移到它自己或它的子文件夹中。")


def conflict_copy_name(name: str, editor_name: str, at: float) -> str:
    """"报告.docx" edited by 张三 on 26 Nov 2026 -> "报告（冲突副本 张三 2026-11-26）.docx"."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    day = dt.datetime.fromtimestamp(at, _SHANGHAI).date().isoformat()
    copy = f"{stem}（冲突副本 {editor_name} {day}）" + (f".{ext}" if ext else "")
    return copy if len(copy) <= NAME_MAX_CHARS else copy[-NAME_MAX_CHARS:]


def quota_message(used: int, limit: int, adding: int) -> str:
    return f"本单位文件柜空间已满：已用 {_gb(used)}，上限 {_gb(limit)}，本次需要 {_gb(adding)}。请删除不用的文件或联系管理员扩容。"


def check_quota(used: int, limit: int, adding: int) -> None:
    if used + adding > limit:
        raise RuleViolation("files.quota_full", quota_message(used, limit, adding))


def _gb(size: int) -> str:
    return f"{size / 1024**3:.2f} GB" if size >= 1024**3 else f"{size / 1024**2:.1f} MB"


def same_name(a: str, b: str) -> bool:
    """Names compare as Windows does: without regard to case."""
    return a.casefold() == b.casefold()


_SPACES = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Extracted content as the search index keeps it: one space between words."""
    return _SPACES.sub(" ", text).strip()
