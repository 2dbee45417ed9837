"""Tables of single sign-on: registered systems (relying parties), login tickets, browser
sessions and authorisation grants. Secrets and tokens are stored only as SHA-256."""

from sqlalchemy import JSON, Boolean, Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.database import Base


class OidcClientModel(Base):
    """An intranet system that signs its users in through us and is listed in the launcher.
    `allowed_roles` empty: everyone."""

    __tablename__ = "oidc_clients"
    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    secret_hash: Mapped[str] = mapped_column(String(64))
    redirect_uris: Mapped[list[str]] = mapped_column(JSON)
    allowed_roles: Mapped[list[str]] = mapped_column(JSON)
    icon: Mapped[str] = mapped_column(String(64), default="")  # a name from the client's icon set
    launch_url: Mapped[str] = mapped_column(Text, default="")  # "": the first callback's origin
    unit_id: Mapped[str] = mapped_column(String(64), default="")  # "": every unit's launcher
    created_at: Mapped[float] = mapped_column(Float)


class LoginTicketModel(Base):
    """One-use, short-lived: the desktop client hands it to the system browser instead of a PIN."""

    __tablename__ = "oidc_login_tickets"
    ticket_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("auth_sessions.id"), index=True)
    next_url: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[float] = mapped_column(Float, index=True)
    used: Mapped[bool] = mapped_column(Boolean)


class BrowserSessionModel(Base):
    """The browser's SSO cookie, living no longer than the client login it came from."""

    __tablename__ = "oidc_browser_sessions"
    cookie_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("auth_sessions.id"), index=True)
    expires_at: Mapped[float] = mapped_column(Float, index=True)


class GrantModel(Base):
    """An authorisation code and, once redeemed, the access token it gave. A code redeemed twice
    revokes the grant (RFC 6749 §4.1.2): its access token stops working."""

    __tablename__ = "oidc_grants"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("oidc_clients.client_id"), index=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("auth_sessions.id"), index=True)
    redirect_uri: Mapped[str] = mapped_column(Text)
    code_challenge: Mapped[str] = mapped_column(String(128))
    nonce: Mapped[str | None] = mapped_column(Text, nullable=True)
    scope: Mapped[str] = mapped_column(Text)
    code_expires_at: Mapped[float] = mapped_column(Float, index=True)
    code_used: Mapped[bool] = mapped_column(Boolean)
    access_token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    access_expires_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    revoked: Mapped[bool] = mapped_column(Boolean)
