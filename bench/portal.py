"""portal.open_ms: the 门户 page opened (built, filled from the cache, shown: laid out and
painted offscreen) over a real encrypted cache holding 500 待办 from three systems — our unread notices
and two other systems' items — with the launcher, recent notices and today's meetings. Median of 5."""

import tempfile
from pathlib import Path

from app.domain.notices import AUDIENCE_ALL
from app.services.portal import PortalService
from app.services.todo import TodoService
from app.store.cache import Cache, open_cache
from app.store.mirror import PulledRow, apply_rows
from bench.page_open import median_open_ms
from tests.support.cache_data import HEAD, OFFICE, fill_directory, notice, sign_in
from tests.support.memory_keyring import kept_key

ROUNDS = 5
PER_SYSTEM = 500 // 3 + 1  # three systems, 500 items between them
SYSTEMS = (("docs", "公文交换系统"), ("dc", "督查督办系统"))


def run() -> list[tuple[str, float, str]]:
    from ui.views.portal_view import PortalView

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cache.sqlite"
        cache = open_cache(path, kept_key(path))
        try:
            _fill(cache)
            portal = PortalService(cache, HEAD, TodoService(cache, HEAD))
            assert len(portal.todos()) == 500
            opened = median_open_ms(lambda: PortalView(portal), ROUNDS)
        finally:
            cache.close()
    return [("portal.open_ms", opened, "ms")]


def _fill(cache: Cache) -> None:
    sign_in(cache, HEAD)
    fill_directory(cache)
    rows = [PulledRow("notice", f"n{i}", 1, False, notice(f"n{i}", OFFICE, AUDIENCE_ALL, f"关于第{i}项工作的通知", 1356969600.0 + i)) for i in range(500 - 2 * PER_SYSTEM)]
    for client_id, name in SYSTEMS:
        rows += [
            PulledRow("portal_todo", f"{client_id}:{i}", 1, False, {"system": name, "title": f"{name}待办事项第{i}号", "link": f"https://{client_id}.example.test/{i}", "deadline": 1_800_000_000.0 + i * 3600, "urgency": ("normal", "urgent", "very_urgent")[i % 3], "updated_at": 0.0})
            for i in range(PER_SYSTEM)
        ]
        rows.append(PulledRow("system", client_id, 1, False, {"name": name, "icon": "", "launch_url": f"https://{client_id}.example.test/", "unit_id": "u01", "roles": []}))
    with cache.sessions.begin() as s:
        apply_rows(s, rows)
