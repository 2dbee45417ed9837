"""Wire messages shared by client and server, versioned under /sync/v1 and /auth/v1."""

from sync.protocol.messages import (
    PROTOCOL_VERSION,
    ChallengeRequest,
    ChallengeResponse,
    LoginRequest,
    LoginResponse,
    Op,
    OpResult,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    Row,
    ScopeChanges,
    UserInfo,
    login_message,
)

__all__ = [
    "PROTOCOL_VERSION",
    "ChallengeRequest",
    "ChallengeResponse",
    "LoginRequest",
    "LoginResponse",
    "Op",
    "OpResult",
    "PullRequest",
    "PullResponse",
    "PushRequest",
    "PushResponse",
    "Row",
    "ScopeChanges",
    "UserInfo",
    "login_message",
]
