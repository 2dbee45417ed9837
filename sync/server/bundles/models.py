"""Per sender certificate: the last bundle imported (replays refused) and the answers sent."""

from sqlalchemy import Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.database import Base


class BundleSenderModel(Base):
    __tablename__ = "bundle_senders"
    cert_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    last_seq: Mapped[int] = mapped_column(Integer)
    answers_sent: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[float] = mapped_column(Float)
