"""FastAPI dependencies shared by the routers: the database and settings of the running app."""

from fastapi import Request

from sync.server.config import Settings
from sync.server.database import Database


def get_db(request: Request) -> Database:
    return request.app.state.db


def get_settings(request: Request) -> Settings:
    return request.app.state.settings
