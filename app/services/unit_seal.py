"""用印 on the client: an issued 公文 (签发, with its 文号) rendered as the GB/T 9704 PDF with the
unit's seal image over the 成文日期 and signed, as a PDF signature, with the unit's key — on the
USB key its seal keeper (doc.seal) holds, never copied off it. The seal certificate, its chain
and the image are the ones the server registered for the unit (`xietong-server admin unit-cert-…`)."""

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cryptography import x509
from sqlalchemy import select

from app.documents.official_document import OfficialDocument
from app.documents.pdf_render import render_pdf
from app.documents.pdf_signature import sign_pdf
from app.domain.authz import DOC_SEAL
from app.domain.documents.route import SIGNED_OFF
from app.domain.errors import RuleViolation
from app.identity.certificates import holder_name
from app.identity.signer import KeyHolder
from app.services.account import User
from app.services.authz import AuthzService
from app.store.cache import Cache
from app.store.models import DocumentRow, UnitCertificateRow


@dataclass(frozen=True)
class UnitSeal:
    """The unit's registered seal: certificate (DER), issuing CAs (DER, nearest first), image (PNG)."""

    unit_id: str
    certificate: bytes
    chain: tuple[bytes, ...]
    image: bytes

    @property
    def unit_name(self) -> str:
        return holder_name(x509.load_der_x509_certificate(self.certificate))


@dataclass(frozen=True)
class SealJob:
    """What 用印 needs once the PIN is typed: the seal and the key (still locked) that signs for it."""

    seal: UnitSeal
    key: KeyHolder


class UnitSealService:
    def __init__(self, cache: Cache, user: User, find_keys: Callable[[], Sequence[KeyHolder]]) -> None:
        """`find_keys`: the keys plugged in now (USB keys through the configured PKCS#11 module)."""
        self._cache, self._user, self._find_keys = cache, user, find_keys

    def may_seal(self) -> bool:
        return AuthzService(self._cache, self._user).may(DOC_SEAL)

    def sealable(self, row: DocumentRow) -> bool:
        """The action shows for the seal keeper on the unit's own issued, numbered documents."""
        return row.status == SIGNED_OFF and bool(row.doc_number) and row.unit_id == self._user.unit_id and self.may_seal()

    def prepare(self, row: DocumentRow) -> SealJob:
        """Raises RuleViolation, in words: no permission, not issued, no unit certificate, no key."""
        AuthzService(self._cache, self._user).check(DOC_SEAL)
        if row.status != SIGNED_OFF or not row.doc_number:
            raise RuleViolation("seal.not_issued", "只有已签发并编号的公文才能用印。")
        if row.unit_id != self._user.unit_id:
            raise RuleViolation("seal.other_unit", "只能为本单位发出的公文用印。")
        seals = self.registered(row.unit_id)
        if not seals:
            raise RuleViolation("seal.no_certificate", "本单位尚未登记单位签章证书，请信息中心登记（xietong-server admin unit-cert-issue 或 unit-cert-register）。")
        keys = {key.certificate: key for key in self._find_keys()}
        for seal in seals:
            if seal.certificate in keys:
                return SealJob(seal, keys[seal.certificate])
        raise RuleViolation("seal.no_token", f"没有找到{seals[0].unit_name}的印章 USB Key，请插入后重试。")

    def registered(self, unit_id: str) -> list[UnitSeal]:
        with self._cache.session() as s:
            rows = s.scalars(select(UnitCertificateRow).where(UnitCertificateRow.unit_id == unit_id)).all()
        return [UnitSeal(r.unit_id, r.certificate, tuple(base64.b64decode(c) for c in r.chain), r.seal_png) for r in rows]


def sealed_pdf(doc: OfficialDocument, job: SealJob, pin: str) -> bytes:
    """The PDF with the seal image, signed on the token. Raises WrongPin, PinLocked, KeyRemoved
    or TokenUnreadable from the key; slow (fonts, the token): call it off the UI thread."""
    signer = job.key.unlock(pin)  # first: a wrong PIN is told before seconds of layout
    try:
        return sign_pdf(render_pdf(doc, seal_png=job.seal.image), signer, reason=f"用印：{doc.meta.doc_number}", location=job.seal.unit_name, chain=job.seal.chain)
    finally:
        close = getattr(signer, "close", None)  # a token session ends; a .p12 signer holds nothing to close
        if close is not None:
            close()
