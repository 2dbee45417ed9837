"""Which role holds which permission. People hold roles (people.roles); system visibility
(`system.see:<client_id>`) is the system's registered roles (oidc_clients.allowed_roles)."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.database import Base


class RoleGrantModel(Base):
    __tablename__ = "role_grants"
    role: Mapped[str] = mapped_column(String(64), primary_key=True)
    permission: Mapped[str] = mapped_column(String(200), primary_key=True)
