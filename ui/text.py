"""QString.arg for Python strings: translations keep %1, %2… placeholders, filled in one pass, so a
sentence is never built from fragments and a value that itself holds "%2" is left alone."""

import re

_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, *values: object) -> str:
    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if number <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)
