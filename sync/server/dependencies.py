"""FastAPI dependencies shared by the routers: database, settings, token policy, client address."""

from fastapi import Request

from sync.server.auth.service import TokenPolicy
from sync.server.config import Settings
from sync.server.database import Database


def get_db(request: Request) -> Database:
    return request.app.state.db


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_token_policy(request: Request) -> TokenPolicy:
    return request.app.state.token_policy


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""

