"""Where the client keeps its files: per-user data, config and logs (platformdirs)."""

import hashlib
import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path, user_log_path

APP_NAME = "Xietong"


def _base(env: str, default: Path) -> Path:
    # XIETONG_HOME relocates everything, so tests and portable installs never touch the real profile.
    home = os.environ.get("XIETONG_HOME")
    return Path(home) / env if home else default


def data_dir() -> Path:
    return _base("data", user_data_path(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return _base("config", user_config_path(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return _base("logs", user_log_path(APP_NAME, appauthor=False))


def server_key(server_url: str) -> str:
    return hashlib.sha256(server_url.rstrip("/").encode()).hexdigest()[:12]


def cache_path(server_url: str, login: str) -> Path:
    """One cache file per server and user, so two users of one PC never share a cache."""
    return data_dir() / "caches" / f"{server_key(server_url)}-{login}.sqlite"
