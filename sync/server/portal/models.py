"""The 待办 items other systems put into the portal, one row per (system, their item id)."""

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.database import Base


class TodoModel(Base):
    __tablename__ = "portal_todos"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)  # "<client_id>:<their item id>"
    client_id: Mapped[str] = mapped_column(String(64), index=True)  # no foreign key: items outlive a removed system
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    title: Mapped[str] = mapped_column(String(400))
    link: Mapped[str] = mapped_column(Text)
    deadline: Mapped[float | None] = mapped_column(Float, nullable=True)
    urgency: Mapped[str] = mapped_column(String(16))
    done: Mapped[bool] = mapped_column(Boolean)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[float] = mapped_column(Float)
