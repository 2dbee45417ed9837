"""Breaking Chinese text into lines of a fixed width, with the usual 避头尾 rules.

A line may not start with closing punctuation (，。、）》” …) nor end with opening punctuation
(（《“ …); the breaker pulls a character down to the next line instead of letting one hang into
the margin. Runs of Latin letters and digits stay together unless longer than a line.
"""

import re
from collections.abc import Callable

NO_LINE_START = set("，。、；：？！）》」』】〕〉”’…—·%‰,.;:?!)]}")
NO_LINE_END = set("（《「『【〔〈“‘([{")
_TOKENS = re.compile(r"[A-Za-z0-9.\-/@%]+|.", re.S)


def break_lines(text: str, first_width: float, width: float, measure: Callable[[str], float]) -> list[str]:
    """Split `text` into lines no wider than `first_width` (first line) and `width` (the rest)."""
    lines: list[str] = []
    current, used = "", 0.0
    for token in _tokens(text, width, measure):
        limit = first_width if not lines else width
        size = measure(token)
        if current and used + size > limit + 1e-6:
            current, carried = _settle(current, token)
            lines.append(current)
            current, used = carried, measure(carried)
        current += token
        used += size
    if current or not lines:
        lines.append(current)
    return lines


def _tokens(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    tokens: list[str] = []
    for token in _TOKENS.findall(text):
        tokens += list(token) if len(token) > 1 and measure(token) > width else [token]
    return tokens


def _settle(line: str, next_token: str) -> tuple[str, str]:
    """Apply 避头尾 at a break: returns the line as kept and what moves down with `next_token`."""
    carried = ""
    while len(line) > 1 and ((carried or next_token)[0] in NO_LINE_START or line[-1] in NO_LINE_END):
        carried = line[-1] + carried
        line = line[:-1]
    return line, carried
