"""Two clients and the real exchange server process on loopback: the directory syncs, a notice
goes out and its read receipt comes back, and a notice written while the server is down is
queued and delivered once it is back."""

import pytest

from app.domain.notices import AUDIENCE_ALL, NoticeDraft
from sync.client.transport import ServerUnreachable
from tests.support.headless_client import sign_in

PLAN_TITLE = "市政府办公室关于印发《南通市电子政务“十二五”发展规划》的通知"


@pytest.fixture
def clients(exchange_server, tmp_path):
    office = sign_in(exchange_server.url, exchange_server.ca_file, exchange_server.tokens_dir, "chenjg", tmp_path / "chenjg.sqlite")
    county = sign_in(exchange_server.url, exchange_server.ca_file, exchange_server.tokens_dir, "zhouqiang", tmp_path / "zhouqiang.sqlite")
    yield office, county
    office.close()
    county.close()


def test_directory_reaches_both_clients_and_works_with_the_server_stopped(exchange_server, clients):
    office, county = clients
    office.sync()
    county.sync()
    assert office.directory.count_people() == county.directory.count_people() == exchange_server.people
    exchange_server.stop()
    assert [p.name for p in county.directory.search("wxy")] == ["王晓燕"]
    assert "如皋市人民政府" in [u.name for u in county.directory.units()]


def test_notice_and_read_receipt_round_trip(clients):
    office, county = clients
    notice_id = office.notices.publish(NoticeDraft("关于元旦放假的通知", "1月1日放假一天。", AUDIENCE_ALL))
    assert office.sync().pushed == 1
    county.sync()
    received = {n.id: n for n in county.notices.notices()}
    assert received[notice_id].read is False and received[notice_id].publisher_name == "陈建国"

    county.notices.mark_read(notice_id)
    county.sync()
    office.sync()
    assert [r.name for r in office.notices.readers(notice_id)] == ["周强"]
    assert not office.notices.readers(notice_id)[0].pending


def test_notice_written_while_the_server_is_down_goes_out_when_it_is_back(exchange_server, clients):
    office, county = clients
    office.sync()
    exchange_server.stop()
    notice_id = office.notices.publish(NoticeDraft("停电通知", "本周六全天停电。", AUDIENCE_ALL))
    with pytest.raises(ServerUnreachable):
        office.sync()
    [pending] = [n for n in office.notices.notices() if n.id == notice_id]
    assert pending.pending

    exchange_server.start()
    assert office.sync().pushed == 1
    county.sync()
    assert notice_id in {n.id for n in county.notices.notices()}
    assert not {n.id: n for n in office.notices.notices()}[notice_id].pending


def test_the_demo_notice_is_the_2012_plan(clients):
    _, county = clients
    county.sync()
    assert PLAN_TITLE in [n.title for n in county.notices.notices()]


def test_a_sent_notice_stays_in_the_list_when_the_pull_after_it_fails(exchange_server, clients):
    office, _ = clients
    office.sync()
    notice_id = office.notices.publish(NoticeDraft("关于机房检修的通知", "周日机房检修。", AUDIENCE_ALL))
    assert office.engine.push_once().pushed == 1
    exchange_server.stop()  # the pull that would bring the server's row never happens
    with pytest.raises(ServerUnreachable):
        office.engine.pull_once()
    assert notice_id in {n.id for n in office.notices.notices()}
    exchange_server.start()
    office.sync()
    [sent] = [n for n in office.notices.notices() if n.id == notice_id]
    assert not sent.pending
