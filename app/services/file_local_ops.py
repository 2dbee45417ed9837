"""What the 文件共享 ops do to the local mirror until the server's rows arrive, and how rebase
undoes it: new rows are `pending` (dropped), changed rows keep the server's values in
`server_values` (put back). A file's search entry follows each of these changes."""

from collections.abc import Callable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.files import WRITE, cabinet_owner
from app.services.account import User
from app.services.pending_change import show_change
from app.store import file_index_sync
from app.store.models import FileFolderRow, FileRow

LocalEffect = Callable[[Session, User, dict, float], None]


def _cabinet_of(s: Session, container: str) -> str:
    if cabinet_owner(container):
        return container
    folder = s.get(FileFolderRow, container)
    return folder.cabinet if folder else container


def _grants_of(s: Session, container: str) -> list:
    """The rights a new row inherits: its folder's, or the cabinet owner's."""
    owner = cabinet_owner(container)
    if owner is not None:
        return [[owner.kind, owner.id, WRITE]]
    folder = s.get(FileFolderRow, container)
    return list(folder.grants) if folder else []


def _create_folder(s: Session, _user: User, args: dict, _at: float) -> None:
    if s.get(FileFolderRow, args["id"]) is not None:
        return
    top = cabinet_owner(args["container"]) is not None
    grants = _grants_of(s, args["container"])
    s.add(FileFolderRow(id=args["id"], cabinet=_cabinet_of(s, args["container"]), parent_id=None if top else args["container"], name=args["name"], grants=grants, shares=[], pending=True, version=0))


def _rename_folder(s: Session, _user: User, args: dict, _at: float) -> None:
    if (folder := s.get(FileFolderRow, args["id"])) is not None:
        show_change(folder, name=args["name"])


def _move_folder(s: Session, _user: User, args: dict, _at: float) -> None:
    if (folder := s.get(FileFolderRow, args["id"])) is not None:
        show_change(folder, parent_id=None if cabinet_owner(args["container"]) else args["container"])


def _delete_folder(s: Session, _user: User, args: dict, _at: float) -> None:
    if (folder := s.get(FileFolderRow, args["id"])) is not None:
        show_change(folder, name="")  # hidden: a folder without a name is not listed


def _share_folder(s: Session, _user: User, args: dict, _at: float) -> None:
    folder = s.get(FileFolderRow, args["folder_id"])
    if folder is None:
        return
    key = [args["grantee_kind"], args["grantee_id"]]
    shares = [x for x in folder.shares if x[:2] != key]
    if args["right"] != "none":
        shares.append([*key, args["right"]])
    show_change(folder, shares=shares)


def _save_file(s: Session, user: User, args: dict, at: float) -> None:
    blob = args["attachments"][0]
    file = s.get(FileRow, args["id"])
    content = {"sha256": blob["sha256"], "size": blob["size"], "saved_at": at, "author_name": user.name, "name": args["name"], "level": args["level"]}
    if file is None:
        cabinet = _cabinet_of(s, args["container"])
        s.add(FileRow(id=args["id"], container=args["container"], cabinet=cabinet, grants=_grants_of(s, args["container"]), versions=[], pending=True, version=1, **content))
    else:
        show_change(file, version=args["base_version"] + 1, **content)


def _rename_file(s: Session, _user: User, args: dict, _at: float) -> None:
    if (file := s.get(FileRow, args["id"])) is not None:
        show_change(file, name=args["name"])


def _move_file(s: Session, _user: User, args: dict, _at: float) -> None:
    if (file := s.get(FileRow, args["id"])) is not None:
        show_change(file, container=args["container"], cabinet=_cabinet_of(s, args["container"]))


def _delete_file(s: Session, _user: User, args: dict, _at: float) -> None:
    if (file := s.get(FileRow, args["id"])) is not None:
        show_change(file, name="")  # hidden until the server's tombstone removes it


def _restore_version(s: Session, user: User, args: dict, at: float) -> None:
    file = s.get(FileRow, args["id"])
    old = next((v for v in (file.versions if file else []) if v["number"] == args["number"]), None)
    if file is not None and old is not None:
        show_change(file, sha256=old["sha256"], size=old["size"], saved_at=at, author_name=user.name, version=file.version + 1)


def _classify_file(s: Session, _user: User, args: dict, _at: float) -> None:
    if (file := s.get(FileRow, args["id"])) is not None:
        show_change(file, level=args["level"])


def undo(session: Session) -> None:
    touched = session.scalars(select(FileRow.id).where(FileRow.pending.is_(True) | FileRow.server_values.is_not(None))).all()
    for model in (FileRow, FileFolderRow):
        session.execute(delete(model).where(model.pending.is_(True)))
        for changed in session.scalars(select(model).where(model.server_values.is_not(None))):
            for name, value in changed.server_values.items():
                setattr(changed, name, value)
            changed.server_values = None
    file_index_sync.reindex(session, touched)


def _reindexed(effect: LocalEffect) -> LocalEffect:
    def apply(s: Session, user: User, args: dict, at: float) -> None:
        effect(s, user, args, at)
        file_index_sync.reindex(s, [args["id"]])

    return apply


EFFECTS: dict[str, LocalEffect] = {
    "folder.create": _create_folder,
    "folder.rename": _rename_folder,
    "folder.delete": _delete_folder,
    "folder.move": _move_folder,
    "folder.share": _share_folder,
    "file.save": _reindexed(_save_file),
    "file.rename": _reindexed(_rename_file),
    "file.move": _reindexed(_move_file),
    "file.delete": _reindexed(_delete_file),
    "file.restore": _reindexed(_restore_version),
    "file.classify": _reindexed(_classify_file),
}
