"""The exchange point's soft certificate: a .p12, or an SM2 .p8 where the national algorithms are
required; either with its .crt beside it."""

from pathlib import Path

from app.identity.p12_key import P12Key, load_p12_key
from app.identity.sm2_key import SUFFIX as SM2_SUFFIX
from app.identity.sm2_key import Sm2Key, load_sm2_key


def load_exchange_key(path: Path) -> P12Key | Sm2Key:
    return load_sm2_key(path) if path.suffix == SM2_SUFFIX else load_p12_key(path)
