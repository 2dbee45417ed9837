"""Serial numbers per unit, prefix and year (文号 at 签发, 收文编号 at 登记), taken inside the op's
transaction: the counter row stays locked (SELECT … FOR UPDATE on PostgreSQL; SQLite serialises
writers) until the op commits, and a refused op rolls its number back, so no repeats, no gaps."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.server.database import dialect_insert
from sync.server.documents.models import NumberCounterModel


def next_serial(session: Session, unit_id: str, prefix: str, year: int) -> int:
    counters = NumberCounterModel.__table__
    session.execute(dialect_insert(session)(counters).values(unit_id=unit_id, prefix=prefix, year=year, last=0).on_conflict_do_nothing())
    key = (NumberCounterModel.unit_id == unit_id, NumberCounterModel.prefix == prefix, NumberCounterModel.year == year)
    last = session.execute(select(NumberCounterModel.last).where(*key).with_for_update()).scalar_one()
    session.execute(counters.update().where(*key).values(last=last + 1))
    return last + 1
