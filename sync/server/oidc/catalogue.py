"""The launcher's catalogue (门户的业务系统): each registered system as the clients show it —
name, icon, launch address, the roles that see it. A system for one unit travels in that unit's
resource scope, a system for every unit in the directory scope; clients hide the ones their
user's roles do not reach, and /oidc/authorize refuses them anyway."""

from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from app.domain.scopes import DIRECTORY, resource_scope
from sync.server.changelog.service import record
from sync.server.oidc.models import OidcClientModel

ENTITY = "system"


def publish(session: Session, client: OidcClientModel, deleted: bool = False) -> None:
    data = {"name": client.name, "icon": client.icon, "launch_url": launch_url(client), "unit_id": client.unit_id, "roles": list(client.allowed_roles)}
    record(session, resource_scope(client.unit_id) if client.unit_id else DIRECTORY, ENTITY, client.client_id, 1, data, deleted=deleted)


def launch_url(client: OidcClientModel) -> str:
    """Where the launcher opens the system: its registered address, else its first callback's origin."""
    if client.launch_url:
        return client.launch_url
    parts = urlsplit(client.redirect_uris[0])
    return f"{parts.scheme}://{parts.netloc}/"
