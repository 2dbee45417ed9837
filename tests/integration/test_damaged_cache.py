"""A cache file damaged while a change waited: the file is kept aside, the cache is rebuilt from
the server, and the waiting change still reaches the other unit."""

import pytest

from app.domain.notices import AUDIENCE_ALL, NoticeDraft
from sync.client.transport import ServerUnreachable
from tests.support.cache_damage import scribble_over_table
from tests.support.headless_client import sign_in
from tests.support.memory_keyring import kept_key


def test_queued_notice_survives_a_damaged_cache(exchange_server, tmp_path):
    cache_file = tmp_path / "chenjg.sqlite"
    office = sign_in(exchange_server.url, exchange_server.ca_file, exchange_server.tokens_dir, "chenjg", cache_file)
    office.sync()
    exchange_server.stop()
    notice_id = office.notices.publish(NoticeDraft("关于防汛值班的通知", "请各单位安排防汛值班。", AUDIENCE_ALL))
    with pytest.raises(ServerUnreachable):
        office.sync()
    office.close()
    scribble_over_table(cache_file, "people", kept_key(cache_file))

    exchange_server.start()
    office = sign_in(exchange_server.url, exchange_server.ca_file, exchange_server.tokens_dir, "chenjg", cache_file)
    report = office.cache.report
    assert report.set_aside is not None and report.set_aside.exists()
    assert report.recovered_ops == 1
    assert office.sync().pushed == 1
    assert office.directory.count_people() == exchange_server.people  # rebuilt from the server

    county = sign_in(exchange_server.url, exchange_server.ca_file, exchange_server.tokens_dir, "zhouqiang", tmp_path / "zhouqiang.sqlite")
    county.sync()
    assert notice_id in {n.id for n in county.notices.notices()}
    office.close()
    county.close()
