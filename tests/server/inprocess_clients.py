"""Real headless clients (cache file, engine, services) talking to the deployment in-process."""

from pathlib import Path
from typing import Any

from sync.client.transport import Transport
from tests.server.helpers import AUDIENCE
from tests.support.headless_client import HeadlessClient, sign_in_with
from tests.support.inprocess import InProcessSession


def inprocess_client(deployment: Any, login: str, folder: Path, **engine_options: Any) -> tuple[HeadlessClient, InProcessSession]:
    session = InProcessSession(deployment.client)
    client = sign_in_with(Transport(AUDIENCE, session=session), deployment.tokens_dir, login, folder / f"{login}.sqlite", **engine_options)
    return client, session
