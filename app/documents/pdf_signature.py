"""The issued 公文 PDF signed with the issuing unit's key (or the 签发人's), as a PDF signature any
standard reader recognises, and the check of such signatures. pyHanko writes and validates them;
the key is any app.identity Signer (a USB key through PKCS#11, a .p12), so the private key never
has to leave the token.

pyHanko asks for signatures over its signed attributes with SHA-256; a Signer hashes with SHA-256
itself, so the bytes are passed through. SM2 keys are refused: PDF readers know no SM2 signatures.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.identity.certificates import holder_name
from app.identity.signer import Signer
from app.identity.verify import sm2_public_point

FIELD_NAME = "Xietong-Issue"
DIGEST = "sha256"


class _TokenSigner(signers.Signer):
    """pyHanko's signer over an app.identity Signer."""

    def __init__(self, signer: Signer, chain: Sequence[bytes]):
        if sm2_public_point(signer.certificate) is not None:
            raise SigningError("PDF signatures need an ECDSA or RSA key; this certificate holds an SM2 key")
        self._signer = signer
        registry = SimpleCertificateStore.from_certs([asn1_x509.Certificate.load(der) for der in chain])
        super().__init__(signing_cert=asn1_x509.Certificate.load(signer.certificate), cert_registry=registry)

    async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run: bool = False) -> bytes:
        if digest_algorithm != DIGEST:
            raise SigningError(f"the key signs SHA-256 only, not {digest_algorithm}")
        if dry_run:
            return bytes(_max_signature_size(self.signing_cert))
        return self._signer.sign(data)


def sign_pdf(pdf: bytes, signer: Signer, *, reason: str, location: str, chain: Sequence[bytes] = ()) -> bytes:
    """`pdf` with an invisible signature covering the whole file; `chain` (DER) is embedded for
    readers that lack the intermediates."""
    meta = signers.PdfSignatureMetadata(field_name=FIELD_NAME, md_algorithm=DIGEST, reason=reason, location=location)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    return signers.sign_pdf(writer, meta, signer=_TokenSigner(signer, chain)).getvalue()


@dataclass(frozen=True)
class PdfSignatureCheck:
    field: str
    signer: str
    intact: bool  # the signed bytes are unchanged
    trusted: bool  # the certificate chains to a trust anchor (and is not revoked, when CRLs are given)
    whole_file: bool  # nothing was appended after signing
    holds: bool  # pyHanko's bottom line: intact, valid, trusted, no disallowed changes


def check_pdf_signatures(
    pdf: bytes,
    trust_anchors: Sequence[x509.Certificate],
    intermediates: Sequence[x509.Certificate] = (),
    crls: Sequence[x509.CertificateRevocationList] = (),
) -> list[PdfSignatureCheck]:
    """Every signature in the PDF, checked offline (nothing fetched from URLs in certificates);
    with CRLs given, a certificate without a current CRL fails (hard-fail). A file pyHanko cannot
    read at all raises PdfError."""
    context = ValidationContext(
        trust_roots=[_asn1(c) for c in trust_anchors],
        other_certs=[_asn1(c) for c in intermediates],
        crls=[crl.public_bytes(Encoding.DER) for crl in crls],
        allow_fetching=False,
        revocation_mode="hard-fail" if crls else "soft-fail",
    )
    checks = []
    for embedded in PdfFileReader(io.BytesIO(pdf)).embedded_signatures:
        try:
            status = validate_pdf_signature(embedded, context)
            signer = holder_name(x509.load_der_x509_certificate(embedded.signer_cert.dump()))
        except (ValueError, PdfError) as exc:  # a damaged signature dictionary or CMS blob
            checks.append(PdfSignatureCheck(embedded.field_name, f"? ({exc})", False, False, False, False))
            continue
        checks.append(PdfSignatureCheck(embedded.field_name, signer, status.intact and status.valid, status.trusted,
                                        status.coverage == SignatureCoverageLevel.ENTIRE_FILE, status.bottom_line))
    return checks


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


def _max_signature_size(cert: asn1_x509.Certificate) -> int:
    """Room for the signature when pyHanko sizes the CMS before signing: a DER ECDSA (r, s) of the
    key's size, or an RSA block."""
    key = cert.public_key
    if key.algorithm == "ec":
        return 2 * (key.bit_size + 7) // 8 + 9
    return (key.bit_size + 7) // 8
