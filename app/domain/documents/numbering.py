"""文号 (发文字号) and 收文编号: format and parse only; the server allocates serials.

GB/T 9704-2012 7.2.4: 机关代字, the year in hexagonal brackets 〔〕 (full year), the serial without
leading zeros, then 号 — e.g. 通政办发〔2012〕216号. Numbers typed or imported with look-alike
brackets ([ ], 【】, （）, ( ), 〈〉) are read and written back with 〔〕.
"""

import re
from dataclasses import dataclass

from app.domain.errors import RuleViolation

_OPEN, _CLOSE = "〔[【（(〈", "〕]】）)〉"
_O, _C = re.escape(_OPEN), re.escape(_CLOSE)
_PATTERN = re.compile(rf"^\s*(?P<prefix>[^\s{_O}{_C}\d]+)\s*[{_O}]\s*(?P<year>\d{{4}})\s*[{_C}]"
                      rf"\s*(?P<serial>\d+)\s*号\s*$")
INCOMING_MARK = "收"


@dataclass(frozen=True, order=True)
class DocNumber:
    """Orders by prefix, year, serial (so 〔2012〕9号 comes before 〔2012〕10号)."""

    prefix: str
    year: int
    serial: int

    def __post_init__(self) -> None:
        if not self.prefix or any(c.isspace() or c.isdigit() or c in _OPEN + _CLOSE for c in self.prefix):
            raise RuleViolation("docno.bad_prefix", "机关代字不能为空，也不能含空格、数字或括号。")
        if not 1900 <= self.year <= 2999:
            raise RuleViolation("docno.bad_year", "文号中的年份须为四位公元年份。")
        if self.serial < 1:
            raise RuleViolation("docno.bad_serial", "文号中的序号须为正整数。")

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.serial}号"


def parse_doc_number(text: str) -> DocNumber:
    """Read a 文号; refuses zero-padded serials (GB/T 9704: 序号不编虚位) and other shapes."""
    match = _PATTERN.match(text)
    if not match:
        raise RuleViolation("docno.unreadable", f"无法识别文号“{text}”，应形如 通政办发〔2012〕216号。")
    if match["serial"].startswith("0"):
        raise RuleViolation("docno.padded_serial", "文号序号不编虚位（1 不写作 01 或 001）。")
    return DocNumber(match["prefix"], int(match["year"]), int(match["serial"]))


def incoming_number(unit_code: str, year: int, serial: int) -> DocNumber:
    """A unit's 收文编号 for the year, e.g. 通政办收〔2012〕35号 (unit code 通政办)."""
    return DocNumber(unit_code + INCOMING_MARK, year, serial)
