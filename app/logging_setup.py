"""Logging to a rotating file in the user's log folder (and to stderr when asked)."""

import logging
import logging.handlers
from pathlib import Path

from app import paths

LOG_FILE = "xietong.log"


def setup(verbose: bool = False) -> Path:
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=5 * 1024 * 1024, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.addHandler(handler)
    if verbose:
        root.addHandler(logging.StreamHandler())
    return path
