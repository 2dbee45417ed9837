"""文件共享 for the UI: the two cabinets, folders, upload (blob first, then the op), versions,
sharing, 密级, keep offline, and search by name and content.

Every change is a local effect plus an outbox op in one transaction (as every feature), so it
works offline; the sync engine uploads the blob when the server asks for it. Folders marked
keep offline have their files' blobs fetched by `fetch_offline()` and open without the network.
"""

import json
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.documents.metadata import CLASSIFICATIONS
from app.domain.errors import RuleViolation
from app.domain.files import (
    DEFAULT_LEVEL,
    WRITE,
    Grantee,
    Member,
    cabinet_id,
    cabinet_owner,
    check_folder_move,
    check_level,
    check_name,
    check_quota,
    check_share,
    check_size,
    right_of,
    same_name,
)
from app.services import local_ops
from app.services.account import User, remembered_scopes
from app.services.file_text import extract_text, has_text
from app.services.notices import DISMISSED_CONFLICTS_KEY
from app.store import document_search, file_index_sync, meta, outbox
from app.store.blobs import BlobDamaged, LocalBlobs
from app.store.cache import Cache
from app.store.document_search import DocumentFilters, Highlighted
from app.store.file_index_sync import FILE, file_id_of
from app.store.models import (
    ConflictRow,
    FileFolderRow,
    FileQuotaRow,
    FileRow,
    OfflineFolderRow,
)
from app.store.opened_copies import OpenedCopies

Fetch = Callable[[str, int], None]  # (sha256, size): download the blob into the local store
Row = TypeVar("Row", FileRow, FileFolderRow)
SEARCH_LIMIT = 200  # hits the 文件共享 page lists; a longer list wants more words


@dataclass(frozen=True)
class FolderItem:
    id: str
    name: str
    parent: str  # a folder id or a cabinet id
    right: str | None
    shares: list[list[str]]
    offline: bool


@dataclass(frozen=True)
class FileItem:
    id: str
    name: str
    container: str
    level: str
    size: int
    saved_at: float
    author_name: str
    version: int
    right: str | None
    local: bool  # its content is on this computer
    pending: bool


@dataclass(frozen=True)
class FileHit:
    """A file the search found: its name with the found words marked, and where in its text."""

    file: FileItem
    title: Highlighted
    snippet: Highlighted


@dataclass(frozen=True)
class Version:
    number: int
    size: int
    author_name: str
    saved_at: float
    sha256: str


@dataclass(frozen=True)
class FileConflict:
    id: str
    file_name: str
    copy_name: str
    message: str
    at: float


def local_blobs(cache: Cache) -> LocalBlobs:
    """The blobs of this cache, in a folder beside it, encrypted under the cache's key."""
    return LocalBlobs(cache.path.with_name(cache.path.name + ".blobs"), cache.blob_key)


def opened_copies(cache: Cache) -> OpenedCopies:
    """Where decrypted copies of this cache's files are put for other programs to open."""
    return OpenedCopies(cache.path.with_name(cache.path.name + ".opened"))


def offline_files(cache: Cache) -> list[FileRow]:
    """The files under the folders kept offline (保持离线), subfolders included."""
    with cache.session() as s:
        todo, seen, found = list(s.scalars(select(OfflineFolderRow.folder_id))), set(), []
        while todo:
            folder = todo.pop()
            if folder in seen:
                continue
            seen.add(folder)
            found += s.scalars(select(FileRow).where(FileRow.container == folder, FileRow.name != "")).all()
            todo += s.scalars(select(FileFolderRow.id).where(FileFolderRow.parent_id == folder)).all()
        s.expunge_all()
        return found


def clearance_of(scopes: list[str], person_id: str) -> str:
    """The user's 密级 ceiling, as the server gave it: the highest level of their own file scope."""
    levels = [s.rsplit(":", 1)[1] for s in scopes if s.startswith(f"files:person:{person_id}:")]
    ranked = [CLASSIFICATIONS.index(level) for level in levels if level in CLASSIFICATIONS]
    return CLASSIFICATIONS[max(ranked)] if ranked else CLASSIFICATIONS[0]


class FilesService:
    def __init__(self, cache: Cache, user: User, fetch: Fetch | None = None) -> None:
        self._cache, self._user, self._fetch = cache, user, fetch
        self.blobs = local_blobs(cache)
        self.clearance = clearance_of(remembered_scopes(cache), user.id)
        self._member = Member(user.id, user.department_id, user.unit_id, self.clearance)
        with cache.sessions.begin() as s:
            file_index_sync.backfill(s)  # a cache whose files were indexed apart (before migration 0014)

    # --- reading -----------------------------------------------------------------------

    @property
    def unit_cabinet(self) -> str:
        return cabinet_id("unit", self._user.unit_id)

    @property
    def personal_cabinet(self) -> str:
        return cabinet_id("person", self._user.id)

    def folders(self, parent: str) -> list[FolderItem]:
        """Folders directly in a cabinet or a folder, by name."""
        with self._cache.session() as s:
            offline = self._offline(s)
            if cabinet_owner(parent):
                where = (FileFolderRow.cabinet == parent) & FileFolderRow.parent_id.is_(None)
            else:
                where = FileFolderRow.parent_id == parent
            rows = s.scalars(select(FileFolderRow).where(where, FileFolderRow.name != "")).all()
            return sorted((self._folder(r, offline) for r in rows), key=lambda f: f.name)

    def shared_with_me(self) -> list[FolderItem]:
        """Folders of other cabinets shared with the user whose parent they cannot see."""
        mine = {self.unit_cabinet, self.personal_cabinet}
        with self._cache.session() as s:
            offline, rows = self._offline(s), s.scalars(select(FileFolderRow).where(FileFolderRow.name != "")).all()
            ids = {r.id for r in rows}
            return sorted((self._folder(r, offline) for r in rows if r.cabinet not in mine and r.parent_id not in ids), key=lambda f: f.name)

    def files(self, container: str) -> list[FileItem]:
        with self._cache.session() as s:
            rows = s.scalars(select(FileRow).where(FileRow.container == container, FileRow.name != "")).all()
            return sorted((self._file(r) for r in rows), key=lambda f: f.name)

    def file(self, file_id: str) -> FileItem | None:
        with self._cache.session() as s:
            row = s.get(FileRow, file_id)
            return self._file(row) if row is not None and row.name else None

    def versions(self, file_id: str) -> list[Version]:
        """Every kept version, newest first."""
        with self._cache.session() as s:
            row = s.get(FileRow, file_id)
            kept = list(row.versions) if row else []
        return [Version(v["number"], v["size"], v["author_name"], v["saved_at"], v["sha256"]) for v in reversed(kept)]

    def right(self, container: str) -> str | None:
        owner = cabinet_owner(container)
        if owner is not None:
            return WRITE if owner in self._member.grantees() else None
        with self._cache.session() as s:
            folder = s.get(FileFolderRow, container)
            return self._right(folder.grants) if folder else None

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[FileHit]:
        """Files whose name or text holds every word of `query`, newest first: the search of
        公文, asked for entries of kind 文件."""
        if not query.split():
            return []
        with self._cache.session() as s:
            hits = document_search.search(s, query, DocumentFilters(kind=FILE), limit=limit)
            ids = [file_id_of(h.document.doc_id) for h in hits]
            rows = {r.id: r for r in s.scalars(select(FileRow).where(FileRow.id.in_(ids)))}
            return [FileHit(self._file(rows[i]), h.title, h.snippet) for i, h in zip(ids, hits) if i in rows]

    def usage(self) -> tuple[int, int] | None:
        """Bytes used by the user's unit and its limit, as of the last sync (None before it)."""
        with self._cache.session() as s:
            row = s.get(FileQuotaRow, self._user.unit_id)
            return (row.used, row.limit_bytes) if row else None

    def conflicts(self) -> list[FileConflict]:
        """Conflict copies made of the user's edits (两处离线修改) not dismissed on this
        computer, newest first."""
        with self._cache.session() as s:
            dismissed = set(json.loads(meta.get(s, DISMISSED_CONFLICTS_KEY, "[]")))
            rows = s.scalars(select(ConflictRow).where(ConflictRow.entity == "file").order_by(ConflictRow.at.desc())).all()
            return [FileConflict(r.id, r.title, r.fields["file"]["mine"], r.fields["file"]["message"], r.at) for r in rows if r.id not in dismissed]

    def dismiss_conflict(self, conflict_id: str) -> None:
        """Stop telling of a conflict copy here (the copy itself stays in the folder)."""
        with self._cache.sessions.begin() as s:
            dismissed = json.loads(meta.get(s, DISMISSED_CONFLICTS_KEY, "[]"))
            meta.put(s, DISMISSED_CONFLICTS_KEY, json.dumps(sorted({conflict_id, *dismissed})))

    # --- changes -----------------------------------------------------------------------

    def create_folder(self, container: str, name: str) -> str:
        name = check_name(name)
        self._need(container, WRITE)
        self._check_free(container, name)
        folder_id = _new_id()
        self._act("folder.create", {"id": folder_id, "container": container, "name": name})
        return folder_id

    def rename_folder(self, folder_id: str, name: str) -> None:
        name = check_name(name)
        self._need(folder_id, WRITE)
        self._check_free(self._folder_row(folder_id).parent_id or self._cabinet(folder_id), name, exclude=folder_id)
        self._act("folder.rename", {"id": folder_id, "name": name})

    def move_folder(self, folder_id: str, container: str) -> None:
        """A folder and all below it to another folder of its cabinet, or to the cabinet's top."""
        row = self._folder_row(folder_id)
        self._need(folder_id, WRITE)
        self._need(container, WRITE)
        check_folder_move(folder_id, row.cabinet, self._cabinet(container), self._chain(container))
        self._check_free(container, row.name, exclude=folder_id)
        self._act("folder.move", {"id": folder_id, "container": container})

    def move_targets(self, folder_id: str) -> list[tuple[str, str]]:
        """Where a folder may go: its cabinet's top (path "") and the writable folders of the
        cabinet outside it, as (container, path like "二〇二六/总结"), by path."""
        cabinet = self._folder_row(folder_id).cabinet
        with self._cache.session() as s:
            rows = {r.id: r for r in s.scalars(select(FileFolderRow).where(FileFolderRow.cabinet == cabinet, FileFolderRow.name != ""))}
        targets = [(cabinet, "")]
        for folder in rows.values():
            chain = self._chain(folder.id)
            if folder_id not in chain and self._right(folder.grants) == WRITE and all(c in rows for c in chain):
                targets.append((folder.id, "/".join(rows[c].name for c in reversed(chain))))
        return sorted(targets, key=lambda t: t[1])

    def delete_folder(self, folder_id: str) -> None:
        self._need(folder_id, WRITE)
        if self.folders(folder_id) or self.files(folder_id):
            raise RuleViolation("files.folder_not_empty", "文件夹不是空的，请先删除或移走其中的文件。")
        self._act("folder.delete", {"id": folder_id})

    def share(self, folder_id: str, grantee_kind: str, grantee_id: str, right: str) -> None:
        """Give read or write on a folder to a person, department or unit; "none" withdraws it."""
        check_share(grantee_kind, right)
        self._need(folder_id, WRITE)
        self._act("folder.share", {"folder_id": folder_id, "grantee_kind": grantee_kind, "grantee_id": grantee_id, "right": right})

    def upload(self, container: str, source: Path, level: str = DEFAULT_LEVEL, name: str | None = None) -> str:
        """A new file from a file on disk; its blob goes up with the next sync."""
        name = check_name(name or source.name)
        check_size(source.stat().st_size)
        check_level(level, self.clearance)
        self._need(container, WRITE)
        self._check_free(container, name)
        self._check_quota(container, source.stat().st_size)
        file_id = _new_id()
        self._save(file_id, container, name, level, 0, source)
        return file_id

    def save_version(self, file_id: str, source: Path) -> int:
        """A new version of a file from an edited copy; returns the version number it will have."""
        check_size(source.stat().st_size)
        row = self._row(file_id)
        self._need(row.container, WRITE)
        self._check_quota(row.container, source.stat().st_size)
        self._save(file_id, row.container, row.name, row.level, row.version, source)
        return row.version + 1

    def rename(self, file_id: str, name: str) -> None:
        row = self._row(file_id)
        name = check_name(name)
        self._need(row.container, WRITE)
        self._check_free(row.container, name, exclude=file_id)
        self._act("file.rename", {"id": file_id, "name": name})

    def move(self, file_id: str, container: str) -> None:
        row = self._row(file_id)
        self._need(row.container, WRITE)
        self._need(container, WRITE)
        self._check_free(container, row.name, exclude=file_id)
        self._act("file.move", {"id": file_id, "container": container})

    def delete(self, file_id: str) -> None:
        self._need(self._row(file_id).container, WRITE)
        self._act("file.delete", {"id": file_id})

    def restore(self, file_id: str, number: int) -> None:
        """An earlier version becomes the newest; nothing is lost."""
        self._need(self._row(file_id).container, WRITE)
        self._act("file.restore", {"id": file_id, "number": number})

    def classify(self, file_id: str, level: str) -> None:
        check_level(level, self.clearance)
        self._need(self._row(file_id).container, WRITE)
        self._act("file.classify", {"id": file_id, "level": level})

    # --- content on this computer --------------------------------------------------------

    def keep_offline(self, folder_id: str, keep: bool) -> None:
        with self._cache.sessions.begin() as s:
            row = s.get(OfflineFolderRow, folder_id)
            if keep and row is None:
                s.add(OfflineFolderRow(folder_id=folder_id))
            elif not keep and row is not None:
                s.delete(row)

    def is_offline(self, folder_id: str) -> bool:
        with self._cache.session() as s:
            return folder_id in self._offline(s)

    def fetch_offline(self) -> int:
        """Bring the content of every file under the folders kept offline into the local store
        (resumable; run after a sync, off the UI thread). Returns how many were fetched."""
        fetched = 0
        for row in offline_files(self._cache):
            if not self.blobs.has(row.sha256) and self._fetch is not None:
                self._fetch(row.sha256, row.size)
                fetched += 1
            if self.blobs.has(row.sha256):
                self._index(row.sha256, row.name)
        return fetched

    def open_path(self, file_id: str, number: int | None = None) -> Path:
        """A decrypted copy of a file's content (a version's when `number` is given) under its
        name, for another program to open; fetched first when online and not yet here. Offline
        and not kept: RuleViolation saying so. The copy goes when the session locks or ends."""
        row = self._row(file_id)
        sha, size = row.sha256, row.size
        if number is not None:
            version = next((v for v in self.versions(file_id) if v.number == number), None)
            if version is None:
                raise RuleViolation("files.version_unknown", f"该文件没有第 {number} 版。")
            sha, size = version.sha256, version.size
        if not self.blobs.has(sha):
            if self._fetch is None:
                raise RuleViolation("files.not_offline", "该文件未保存在本机，请连接网络后再打开，或把所在文件夹设为“保持离线”。")
            self._fetch(sha, size)
            self._index(sha, row.name)
        try:
            return opened_copies(self._cache).copy(self.blobs, sha, row.name)
        except BlobDamaged:
            self.blobs.remove(sha)  # the next open (online) downloads it again
            raise RuleViolation("files.local_damaged", "本机保存的该文件已损坏或被改动，已删除本机副本，请联网后重新打开。") from None

    # --- helpers -----------------------------------------------------------------------

    def _save(self, file_id: str, container: str, name: str, level: str, base_version: int, source: Path) -> None:
        sha = self.blobs.add(source)
        size = self.blobs.size(sha)
        self._index(sha, name, source)
        args = {"id": file_id, "container": container, "name": name, "level": level, "base_version": base_version, "copy_id": _new_id(), "attachments": [{"name": name, "sha256": sha, "size": size}]}
        self._act("file.save", args)

    def _index(self, sha: str, name: str, plain: Path | None = None) -> None:
        """Index the text of blob `sha`, read from `plain` (its plaintext) or a decrypted
        temporary copy that is gone at once."""
        with self._cache.session() as s:
            if file_index_sync.has_text(s, sha):
                return
        if plain is not None:
            body = extract_text(plain, name)
        elif has_text(name):
            with tempfile.TemporaryDirectory() as private:  # made 0700
                copy = Path(private) / "content"
                self.blobs.export(sha, copy)
                body = extract_text(copy, name)
        else:
            body = ""  # a kind without text: a 2 GB disk image is not decrypted for nothing
        with self._cache.sessions.begin() as s:
            file_index_sync.add_text(s, sha, body)

    def _folder_row(self, folder_id: str) -> FileFolderRow:
        return self._live(FileFolderRow, folder_id)

    def _chain(self, container: str) -> list[str]:
        """A folder and the folders above it that this cache holds, up to its cabinet."""
        chain: list[str] = []
        with self._cache.session() as s:
            while container and not cabinet_owner(container) and container not in chain:
                chain.append(container)
                folder = s.get(FileFolderRow, container)
                container = (folder.parent_id or folder.cabinet) if folder else ""
        return chain

    def _row(self, file_id: str) -> FileRow:
        return self._live(FileRow, file_id)

    def _live(self, model: type[Row], row_id: str) -> Row:
        """A file or folder the cache holds and has not deleted (a deleted one keeps no name)."""
        with self._cache.session() as s:
            row = s.get(model, row_id)
            if row is None or not row.name:
                raise RuleViolation("files.not_found", "该文件或文件夹不存在，或您无权访问。")
            s.expunge(row)
            return row

    def _need(self, container: str, right: str) -> None:
        have = self.right(container)
        if have is None:
            raise RuleViolation("files.not_found", "该文件或文件夹不存在，或您无权访问。")
        if right == WRITE and have != WRITE:
            raise RuleViolation("files.read_only", "您对该文件夹只有只读权限，不能修改其中的文件。")

    def _check_free(self, container: str, name: str, exclude: str = "") -> None:
        taken = [f.name for f in self.folders(container) if f.id != exclude] + [f.name for f in self.files(container) if f.id != exclude]
        if any(same_name(t, name) for t in taken):
            raise RuleViolation("files.name_taken", f"该位置已有名为“{name}”的文件或文件夹。")

    def _check_quota(self, container: str, size: int) -> None:
        """Refuse here what the server would refuse for the quota, before a byte is copied or
        sent; a unit whose figures this client does not hold is left to the server."""
        owner = cabinet_owner(self._cabinet(container))
        unit_id = self._user.unit_id if owner == Grantee("person", self._user.id) else owner.id if owner and owner.kind == "unit" else ""
        with self._cache.session() as s:
            row = s.get(FileQuotaRow, unit_id) if unit_id else None
            if row is not None:
                check_quota(row.used, row.limit_bytes, size)

    def _cabinet(self, container: str) -> str:
        if cabinet_owner(container):
            return container
        with self._cache.session() as s:
            folder = s.get(FileFolderRow, container)
            return folder.cabinet if folder else container

    def _right(self, grants: list) -> str | None:
        return right_of(self._member, [(Grantee(k, i), r) for k, i, r in grants])

    def _offline(self, s: Session) -> set[str]:
        return set(s.scalars(select(OfflineFolderRow.folder_id)))

    def _folder(self, r: FileFolderRow, offline: set[str]) -> FolderItem:
        return FolderItem(r.id, r.name, r.parent_id or r.cabinet, self._right(r.grants), list(r.shares), r.id in offline)

    def _file(self, r: FileRow) -> FileItem:
        right = self._right(r.grants) if r.grants else self.right(r.container)
        return FileItem(r.id, r.name, r.container, r.level, r.size, r.saved_at, r.author_name, r.version, right, self.blobs.has(r.sha256), r.pending or r.server_values is not None)

    def _act(self, name: str, args: dict) -> None:
        with self._cache.sessions.begin() as s:
            local_ops.apply(s, self._user, name, args, time.time())
            outbox.append(s, name, args)


def _new_id() -> str:
    return uuid.uuid4().hex

