"""Request and response bodies of /oidc that are JSON (the OAuth endpoints speak forms); the
desktop client shares them through sync.protocol."""

from sync.protocol.sso import TicketRequest, TicketResponse

__all__ = ["TicketRequest", "TicketResponse"]
