"""单点登录 messages of the desktop client: a login ticket for the system browser (POST /oidc/ticket)."""

from pydantic import BaseModel, Field


class TicketRequest(BaseModel):
    next: str = Field(max_length=2000, description="the address the browser opens after signing in: a registered system's, or our /oidc/authorize")


class TicketResponse(BaseModel):
    ticket: str
    url: str = Field(description="what the desktop client opens in the system browser")
    expires_in: int
