"""The 文件共享 op handlers: every op re-checks names, rights, 密级 and quota, then publishes
each changed folder or file into the scopes of exactly those who may see it now (and withdraws
it from scopes that lost it), so a client only ever pulls what it may read."""

import time
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.domain.errors import RuleViolation
from app.domain.files import (
    WRITE,
    Grantee,
    Member,
    cabinet_owner,
    check_folder_move,
    check_level,
    check_name,
    check_quota,
    check_right,
    check_share,
    check_size,
    conflict_copy_name,
    right_of,
    same_name,
)
from app.domain.documents.metadata import CLASSIFICATIONS
from app.domain.scopes import file_scope, user_scope
from sync.server.auth.service import CurrentUser
from sync.server.changelog.service import record
from sync.server.directory.models import DepartmentModel, PersonModel
from sync.server.directory import service as directory
from sync.server.files.models import FileModel, FileVersionModel, FolderModel, FolderShareModel, PublishedModel, UnitQuotaModel
from sync.server.files.schemas import ClassifyArgs, FolderCreateArgs, IdArgs, MoveArgs, RenameArgs, RestoreArgs, SaveArgs, ShareArgs

DEFAULT_QUOTA_BYTES = 50 * 1024**3
FOLDER_LEVEL = CLASSIFICATIONS[0]  # folders travel in the 公开 scopes; only files carry a 密级
Grants = list[tuple[Grantee, str]]


def member(user: CurrentUser) -> Member:
    return Member(user.id, user.department_id, user.unit_id, user.clearance)


# --- rights -------------------------------------------------------------------------------


def grants_of(session: Session, container: str) -> Grants:
    """The cabinet owner's write and every share on the folder and the folders above it."""
    grants: Grants = []
    folder_id: str | None = container
    while folder_id is not None:
        owner = cabinet_owner(folder_id)
        if owner is not None:
            return [(owner, WRITE), *grants]
        folder = session.get(FolderModel, folder_id)
        if folder is None or folder.deleted:
            return []
        grants += [(Grantee(s.grantee_kind, s.grantee_id), s.right) for s in session.scalars(select(FolderShareModel).where(FolderShareModel.folder_id == folder_id))]
        folder_id = folder.parent_id if folder.parent_id is not None else folder.cabinet
    return grants


def _need(session: Session, user: CurrentUser, container: str, right: str) -> Grants:
    grants = grants_of(session, container)
    check_right(right_of(member(user), grants), right)
    return grants


def _live_file(session: Session, user: CurrentUser, file_id: str) -> FileModel:
    """A file the user may see; one refusal for missing, deleted, no right and above the ceiling."""
    found = session.get(FileModel, file_id)
    if found is None or found.deleted or not _visible(found, user):
        raise RuleViolation("files.not_found", "该文件或文件夹不存在，或您无权访问。")
    return found


def _visible(file: FileModel, user: CurrentUser) -> bool:
    return CLASSIFICATIONS.index(file.level) <= CLASSIFICATIONS.index(user.clearance)


def _live_folder(session: Session, folder_id: str) -> FolderModel:
    found = session.get(FolderModel, folder_id)
    if found is None or found.deleted:
        raise RuleViolation("files.not_found", "该文件或文件夹不存在，或您无权访问。")
    return found


def _cabinet_of(session: Session, container: str) -> str:
    return container if cabinet_owner(container) else _live_folder(session, container).cabinet


def _check_container(session: Session, container: str, user: CurrentUser) -> None:
    owner = cabinet_owner(container)
    if owner is None:
        _live_folder(session, container)
    elif owner not in member(user).grantees():
        raise RuleViolation("files.not_found", "该文件或文件夹不存在，或您无权访问。")


# --- publishing ---------------------------------------------------------------------------


def _publish(session: Session, entity: str, entity_id: str, version: int, data: dict[str, Any], scopes: set[str]) -> None:
    table = PublishedModel.__table__
    old = set(session.scalars(select(PublishedModel.scope).where(PublishedModel.entity == entity, PublishedModel.entity_id == entity_id)))
    for scope in sorted(scopes):
        record(session, scope, entity, entity_id, version, data)
    for scope in sorted(old - scopes):
        record(session, scope, entity, entity_id, version, {}, deleted=True)
    if old != scopes:
        session.execute(delete(table).where(table.c.entity == entity, table.c.entity_id == entity_id))
        if scopes:
            session.execute(table.insert(), [{"entity": entity, "entity_id": entity_id, "scope": s} for s in sorted(scopes)])


def _grant_list(grants: Grants) -> list[list[str]]:
    """Effective rights as the client reads them: [kind, id, right], each once."""
    return [list(t) for t in sorted({(g.kind, g.id, r) for g, r in grants})]


def publish_folder(session: Session, folder: FolderModel) -> None:
    grants = [] if folder.deleted else grants_of(session, folder.id)
    shares = session.scalars(select(FolderShareModel).where(FolderShareModel.folder_id == folder.id)).all()
    data = {
        "cabinet": folder.cabinet,
        "parent_id": folder.parent_id,
        "name": folder.name,
        "grants": _grant_list(grants),
        "shares": [[s.grantee_kind, s.grantee_id, s.right] for s in shares],
    }
    _publish(session, "file_folder", folder.id, folder.version, data, {file_scope(g.kind, g.id, FOLDER_LEVEL) for g, _ in grants})


def publish_file(session: Session, file: FileModel) -> None:
    grants = [] if file.deleted else grants_of(session, file.container)
    versions = session.scalars(select(FileVersionModel).where(FileVersionModel.file_id == file.id).order_by(FileVersionModel.number)).all()
    current = next(v for v in versions if v.number == file.version)
    data = {
        "container": file.container,
        "cabinet": file.cabinet,
        "name": file.name,
        "level": file.level,
        "sha256": current.sha256,
        "size": current.size,
        "saved_at": current.saved_at,
        "author_name": current.author_name,
        "grants": _grant_list(grants),
        "versions": [{"number": v.number, "sha256": v.sha256, "size": v.size, "author_name": v.author_name, "saved_at": v.saved_at} for v in versions],
        # the blob-access convention: readers of these scopes may fetch every version
        "attachments": [{"name": file.name, "sha256": sha, "size": size} for sha, size in dict((v.sha256, v.size) for v in versions).items()],
    }
    _publish(session, "file", file.id, file.version, data, {file_scope(g.kind, g.id, file.level) for g, _ in grants})


def _republish_below(session: Session, folder: FolderModel) -> None:
    """After a share or a move: the folder and everything under it, into their new scopes."""
    todo = [folder]
    while todo:
        current = todo.pop()
        publish_folder(session, current)
        for file in session.scalars(select(FileModel).where(FileModel.container == current.id, FileModel.deleted.is_(False))):
            publish_file(session, file)
        todo += session.scalars(select(FolderModel).where(FolderModel.parent_id == current.id, FolderModel.deleted.is_(False)))


# --- quota --------------------------------------------------------------------------------


def quota_unit(session: Session, cabinet: str) -> str:
    """Whose quota a cabinet fills: the unit's own, or the unit of the personal cabinet's owner."""
    owner = cabinet_owner(cabinet)
    if owner is None or owner.kind == "unit":
        return owner.id if owner else ""
    return session.scalar(select(PersonModel.unit_id).where(PersonModel.id == owner.id)) or ""


def usage(session: Session, unit_id: str) -> tuple[int, int]:
    """Bytes used by the unit's files (every kept version) and its limit."""
    used = session.scalar(
        select(func.coalesce(func.sum(FileVersionModel.size), 0)).join(FileModel, FileModel.id == FileVersionModel.file_id).where(FileVersionModel.unit_id == unit_id, FileModel.deleted.is_(False))
    )
    limit = session.scalar(select(UnitQuotaModel.limit_bytes).where(UnitQuotaModel.unit_id == unit_id))
    return int(used or 0), int(limit if limit is not None else DEFAULT_QUOTA_BYTES)


def set_quota(session: Session, unit_id: str, limit_bytes: int) -> None:
    session.merge(UnitQuotaModel(unit_id=unit_id, limit_bytes=limit_bytes))
    session.flush()
    publish_usage(session, unit_id)


def publish_usage(session: Session, unit_id: str) -> None:
    """The unit's members see how full their cabinets are, so a client refuses an upload that
    cannot fit before sending a byte (the server still decides)."""
    used, limit = usage(session, unit_id)
    record(session, file_scope("unit", unit_id, FOLDER_LEVEL), "file_quota", unit_id, 1, {"used": used, "limit": limit})


# --- folder ops ---------------------------------------------------------------------------


def create_folder(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = FolderCreateArgs.model_validate(args)
    name = check_name(a.name)
    _check_container(session, a.container, user)
    _need(session, user, a.container, WRITE)
    if session.get(FolderModel, a.id) is not None:
        raise RuleViolation("files.duplicate_id", "已有相同编号的文件夹，本次操作未执行。")
    _check_unique(session, a.container, name, exclude="")
    owner = cabinet_owner(a.container)
    folder = FolderModel(id=a.id, cabinet=_cabinet_of(session, a.container), parent_id=None if owner else a.container, name=name, created_by=user.id, version=1, deleted=False)
    session.add(folder)
    session.flush()
    publish_folder(session, folder)
    return {"folder_id": folder.id}


def rename_folder(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = RenameArgs.model_validate(args)
    folder = _live_folder(session, a.id)
    _need(session, user, folder.id, WRITE)
    name = check_name(a.name)
    _check_unique(session, folder.parent_id or folder.cabinet, name, exclude=folder.id)
    folder.name, folder.version = name, folder.version + 1
    publish_folder(session, folder)
    return {"folder_id": folder.id}


def move_folder(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """A folder and all below it to another folder of the cabinet (or its top); the rights it
    inherits change with the place, so everything below is published again."""
    a = MoveArgs.model_validate(args)
    folder = _live_folder(session, a.id)
    _need(session, user, folder.id, WRITE)
    _check_container(session, a.container, user)
    _need(session, user, a.container, WRITE)
    check_folder_move(folder.id, folder.cabinet, _cabinet_of(session, a.container), _chain(session, a.container))
    _check_unique(session, a.container, folder.name, exclude=folder.id)
    folder.parent_id, folder.version = None if cabinet_owner(a.container) else a.container, folder.version + 1
    _republish_below(session, folder)
    return {"folder_id": folder.id}


def _chain(session: Session, container: str) -> list[str]:
    """A folder and the folders above it, up to its cabinet."""
    chain: list[str] = []
    while container and not cabinet_owner(container) and container not in chain:
        chain.append(container)
        parent = session.get(FolderModel, container)
        container = parent.parent_id or parent.cabinet if parent else ""
    return chain


def delete_folder(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = IdArgs.model_validate(args)
    folder = _live_folder(session, a.id)
    _need(session, user, folder.id, WRITE)
    has_files = session.scalar(select(FileModel.id).where(FileModel.container == folder.id, FileModel.deleted.is_(False)).limit(1))
    has_folders = session.scalar(select(FolderModel.id).where(FolderModel.parent_id == folder.id, FolderModel.deleted.is_(False)).limit(1))
    if has_files or has_folders:
        raise RuleViolation("files.folder_not_empty", "文件夹不是空的，请先删除或移走其中的文件。")
    folder.deleted, folder.version = True, folder.version + 1
    publish_folder(session, folder)
    return {"folder_id": folder.id}


def share_folder(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """Give (or with right "none" withdraw) read or write on a folder and all below it."""
    a = ShareArgs.model_validate(args)
    check_share(a.grantee_kind, a.right)
    folder = _live_folder(session, a.folder_id)
    _need(session, user, folder.id, WRITE)
    if not _grantee_exists(session, a.grantee_kind, a.grantee_id):
        raise RuleViolation("files.grantee_unknown", "共享对象不存在，请从通讯录中选择。")
    key = (folder.id, a.grantee_kind, a.grantee_id)
    existing = session.get(FolderShareModel, key)
    if a.right == "none":
        if existing is not None:
            session.delete(existing)
    elif existing is None:
        session.add(FolderShareModel(folder_id=folder.id, grantee_kind=a.grantee_kind, grantee_id=a.grantee_id, right=a.right))
    else:
        existing.right = a.right
    session.flush()
    folder.version += 1
    _republish_below(session, folder)
    return {"folder_id": folder.id}


def _grantee_exists(session: Session, kind: str, grantee_id: str) -> bool:
    if kind == "unit":
        return directory.unit_exists(session, grantee_id)
    model = PersonModel if kind == "person" else DepartmentModel
    return session.get(model, grantee_id) is not None


def _check_unique(session: Session, container: str, name: str, exclude: str) -> None:
    folder_parent = FolderModel.parent_id == container if not cabinet_owner(container) else (FolderModel.cabinet == container) & FolderModel.parent_id.is_(None)
    names = session.execute(select(FolderModel.id, FolderModel.name).where(folder_parent, FolderModel.deleted.is_(False))).all()
    names += session.execute(select(FileModel.id, FileModel.name).where(FileModel.container == container, FileModel.deleted.is_(False))).all()
    if any(same_name(n, name) and i != exclude for i, n in names):
        raise RuleViolation("files.name_taken", f"该位置已有名为“{name}”的文件或文件夹。")


def _free_name(session: Session, container: str, name: str) -> str:
    """The name, or with " (2)", " (3)"… before the extension when taken (a second conflict
    copy of the same editor on the same day)."""
    stem, dot, ext = name.rpartition(".")
    stem, ext = (stem, dot + ext) if stem else (name, "")
    candidate, n = name, 1
    while not _name_free(session, container, candidate, exclude=""):
        n += 1
        candidate = f"{stem} ({n}){ext}"
    return candidate


def _name_free(session: Session, container: str, name: str, exclude: str) -> bool:
    try:
        _check_unique(session, container, name, exclude)
    except RuleViolation:
        return False
    return True


# --- file ops -----------------------------------------------------------------------------


def save_file(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """A new file, or a new version of one. A version saved against an older one than the
    server's (two offline edits) never overwrites: it becomes a conflict copy beside the file,
    named for its editor and day, and the editor is told."""
    a = SaveArgs.model_validate(args)
    blob = a.attachments[0]
    check_size(blob.size)
    check_level(a.level, user.clearance)
    name = check_name(a.name)
    existing = session.get(FileModel, a.id)
    if existing is None:
        return _create(session, user, a.id, a.container, name, a.level, blob.sha256, blob.size, conflict_of=None)
    if existing.deleted:  # deleted meanwhile by someone else: the edit survives as a copy beside it
        copy_name = conflict_copy_name(name, user.name, time.time())
        return _create(session, user, a.copy_id, existing.container, copy_name, a.level, blob.sha256, blob.size, conflict_of=existing)
    file = _live_file(session, user, a.id)
    _need(session, user, file.container, WRITE)
    if a.base_version != file.version:
        copy_name = conflict_copy_name(name, user.name, time.time())
        return _create(session, user, a.copy_id, file.container, copy_name, a.level, blob.sha256, blob.size, conflict_of=file)
    _check_quota(session, file.cabinet, blob.size)
    _add_version(session, user, file, blob.sha256, blob.size)
    if name != file.name:
        _check_unique(session, file.container, name, exclude=file.id)
        file.name = name
    file.level = a.level
    publish_file(session, file)
    return {"file_id": file.id, "version": file.version}


def _create(session: Session, user: CurrentUser, file_id: str, container: str, name: str, level: str, sha: str, size: int, conflict_of: FileModel | None) -> dict[str, Any]:
    _check_container(session, container, user)
    _need(session, user, container, WRITE)
    if session.get(FileModel, file_id) is not None:
        raise RuleViolation("files.duplicate_id", "已有相同编号的文件，本次操作未执行。")
    if conflict_of is None:  # two people made a file of one name offline: keep both, the later as a conflict copy
        live = session.scalars(select(FileModel).where(FileModel.container == container, FileModel.deleted.is_(False)))
        clash = next((f for f in live if same_name(f.name, name)), None)
        if clash is not None:
            conflict_of, name = clash, conflict_copy_name(name, user.name, time.time())
    name = _free_name(session, container, name)
    cabinet = _cabinet_of(session, container)
    _check_quota(session, cabinet, size)
    file = FileModel(id=file_id, container=container, cabinet=cabinet, name=name, level=level, version=0, deleted=False)
    session.add(file)
    _add_version(session, user, file, sha, size)
    publish_file(session, file)
    if conflict_of is not None:
        _tell_conflict(session, user, conflict_of, file)
    return {"file_id": file.id, "version": file.version, "conflict_copy": conflict_of is not None}


def _tell_conflict(session: Session, user: CurrentUser, original: FileModel, copy: FileModel) -> None:
    text = f"“{original.name}”已被他人修改，您的修改已另存为“{copy.name}”，两个版本都已保留。"
    data = {"entity": "file", "entity_id": original.id, "title": original.name, "fields": {"file": {"server": original.name, "mine": copy.name, "copy_id": copy.id, "message": text}}, "at": time.time()}
    record(session, user_scope(user.id), "conflict", f"file:{original.id}:{copy.id}", 1, data)


def _add_version(session: Session, user: CurrentUser, file: FileModel, sha: str, size: int) -> None:
    file.version += 1
    unit_id = quota_unit(session, file.cabinet)
    session.add(FileVersionModel(file_id=file.id, number=file.version, sha256=sha, size=size, author_id=user.id, author_name=user.name, saved_at=time.time(), unit_id=unit_id))
    session.flush()
    publish_usage(session, unit_id)


def _check_quota(session: Session, cabinet: str, size: int) -> None:
    used, limit = usage(session, quota_unit(session, cabinet))
    check_quota(used, limit, size)


def rename_file(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = RenameArgs.model_validate(args)
    file = _live_file(session, user, a.id)
    _need(session, user, file.container, WRITE)
    name = check_name(a.name)
    _check_unique(session, file.container, name, exclude=file.id)
    file.name = name
    publish_file(session, file)
    return {"file_id": file.id}


def move_file(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = MoveArgs.model_validate(args)
    file = _live_file(session, user, a.id)
    _need(session, user, file.container, WRITE)
    _check_container(session, a.container, user)
    _need(session, user, a.container, WRITE)
    _check_unique(session, a.container, file.name, exclude=file.id)
    cabinet = _cabinet_of(session, a.container)
    if quota_unit(session, cabinet) != quota_unit(session, file.cabinet):
        _check_quota(session, cabinet, _total_size(session, file.id))
        session.execute(FileVersionModel.__table__.update().where(FileVersionModel.file_id == file.id).values(unit_id=quota_unit(session, cabinet)))
    old_unit = quota_unit(session, file.cabinet)
    file.container, file.cabinet = a.container, cabinet
    publish_file(session, file)
    for unit_id in {old_unit, quota_unit(session, cabinet)}:
        publish_usage(session, unit_id)
    return {"file_id": file.id}


def _total_size(session: Session, file_id: str) -> int:
    return int(session.scalar(select(func.coalesce(func.sum(FileVersionModel.size), 0)).where(FileVersionModel.file_id == file_id)) or 0)


def delete_file(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = IdArgs.model_validate(args)
    file = _live_file(session, user, a.id)
    _need(session, user, file.container, WRITE)
    file.deleted = True
    session.flush()
    publish_file(session, file)
    publish_usage(session, quota_unit(session, file.cabinet))
    return {"file_id": file.id}


def restore_version(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """An earlier version becomes the newest again; the versions in between stay."""
    a = RestoreArgs.model_validate(args)
    file = _live_file(session, user, a.id)
    _need(session, user, file.container, WRITE)
    old = session.get(FileVersionModel, (file.id, a.number))
    if old is None:
        raise RuleViolation("files.version_unknown", f"该文件没有第 {a.number} 版。")
    _check_quota(session, file.cabinet, old.size)
    _add_version(session, user, file, old.sha256, old.size)
    publish_file(session, file)
    return {"file_id": file.id, "version": file.version}


def classify_file(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = ClassifyArgs.model_validate(args)
    file = _live_file(session, user, a.id)
    _need(session, user, file.container, WRITE)
    check_level(a.level, user.clearance)
    file.level = a.level
    publish_file(session, file)
    return {"file_id": file.id, "level": file.level}


OPS = {
    "folder.create": create_folder,
    "folder.rename": rename_folder,
    "folder.delete": delete_folder,
    "folder.move": move_folder,
    "folder.share": share_folder,
    "file.save": save_file,
    "file.rename": rename_file,
    "file.move": move_file,
    "file.delete": delete_file,
    "file.restore": restore_version,
    "file.classify": classify_file,
}
