"""Entry script of the bundled client: PyInstaller runs this file as __main__ (build_spec.spec).

It is the same entry point as the `xietong` console script (ui.main:main), so the bundle and a
pip-installed client start the same way.
"""

import sys

from ui.main import main

if __name__ == "__main__":
    sys.exit(main())
