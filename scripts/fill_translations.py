"""Fill unfinished entries of a .ts file from a JSON map {source: translation} (a plural
translation is a list of forms). Entries not in the map are left unfinished, so the translation
test still names them. Usage: python scripts/fill_translations.py FILE.ts MAP.json"""

import html
import json
import re
import sys
from pathlib import Path

ENTRY = re.compile(r'(<source>(?P<source>[^<]*)</source>\s*)<translation type="unfinished">(?P<body>.*?)</translation>', re.S)


def fill(ts: str, words: dict[str, str | list[str]]) -> str:
    def replace(match: re.Match[str]) -> str:
        wanted = words.get(html.unescape(match["source"]))
        if wanted is None:
            return match.group(0)
        if isinstance(wanted, list):
            forms = "".join(f"\n            <numerusform>{html.escape(form, quote=False)}</numerusform>" for form in wanted)
            return f"{match.group(1)}<translation>{forms}\n        </translation>"
        return f"{match.group(1)}<translation>{html.escape(wanted, quote=False)}</translation>"

    return ENTRY.sub(replace, ts)


if __name__ == "__main__":
    path = Path(sys.argv[1])
    path.write_text(fill(path.read_text(encoding="utf-8"), json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))), encoding="utf-8")
