"""文号 and 收文编号: written the GB/T 9704 way and read back."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.documents.numbering import DocNumber, incoming_number, parse_doc_number
from app.domain.errors import RuleViolation


def test_the_sample_number_reads_and_writes_back():
    number = parse_doc_number("通政办发〔2012〕216号")
    assert number == DocNumber("通政办发", 2012, 216)
    assert str(number) == "通政办发〔2012〕216号"


@pytest.mark.parametrize("typed", ["通政办发[2012]216号", "通政办发【2012】216号", "通政办发（2012）216号",
                                   " 通政办发 (2012) 216 号 "])
def test_look_alike_brackets_are_read_and_written_with_hexagonal_ones(typed):
    assert str(parse_doc_number(typed)) == "通政办发〔2012〕216号"


@pytest.mark.parametrize("bad,code", [
    ("通政办发〔2012〕016号", "docno.padded_serial"),
    ("通政办发〔12〕16号", "docno.unreadable"),
    ("〔2012〕16号", "docno.unreadable"),
    ("通政办发2012年16号", "docno.unreadable"),
    ("通政办发〔2012〕0号", "docno.padded_serial"),
])
def test_malformed_numbers_are_refused_with_a_reason(bad, code):
    with pytest.raises(RuleViolation) as caught:
        parse_doc_number(bad)
    assert caught.value.code == code


def test_numbers_order_by_serial_not_by_text():
    assert sorted([DocNumber("通政发", 2012, 10), DocNumber("通政发", 2012, 9)])[0].serial == 9


def test_incoming_number_per_unit_and_year():
    assert str(incoming_number("通政办", 2012, 35)) == "通政办收〔2012〕35号"
    with pytest.raises(RuleViolation):
        incoming_number("通政办", 2012, 0)


@given(st.text(st.characters(whitelist_categories=["Lo"]), min_size=1, max_size=8),
       st.integers(1900, 2999), st.integers(1, 10**6))
def test_every_number_round_trips(prefix, year, serial):
    number = DocNumber(prefix, year, serial)
    assert parse_doc_number(str(number)) == number
