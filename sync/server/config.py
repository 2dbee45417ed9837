"""Settings of the exchange server (交换服务器), from flags, environment, a TOML file and defaults.

Priority, highest first: command-line flags > XIETONG_SERVER_* environment variables > the TOML
file (path from --config or XIETONG_SERVER_CONFIG) > defaults. docs/server.md lists every setting.
"""

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from sync.protocol.messages import MAX_PUSH_BYTES

ENV_PREFIX = "XIETONG_SERVER_"
CONFIG_ENV = "XIETONG_SERVER_CONFIG"
# Relative to the working directory: `make run` keeps it under the repo's var/, a service unit
# sets WorkingDirectory or names an absolute path in its config file.
DEFAULT_DATABASE_URL = "sqlite:///var/server/xietong.db"
# Room for the JSON framing around the largest push the protocol allows.
BODY_MARGIN_BYTES = 64 * 1024


class ConfigError(Exception):
    """The configuration cannot be used; the message says what to fix."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid")

    database_url: str = DEFAULT_DATABASE_URL
    host: str = "127.0.0.1"
    port: int = Field(default=8765, ge=1, le=65535)
    max_body_bytes: int = Field(default=MAX_PUSH_BYTES + BODY_MARGIN_BYTES, ge=1024)
    # The address clients use (https://host:port), the login audience and the OIDC issuer; by
    # default built from host and port. Set it behind a proxy or when listening on 0.0.0.0.
    public_url: str = ""
    tls_cert_file: Path | None = None  # PEM chain; without it the server speaks plain HTTP (tests in-process only)
    tls_key_file: Path | None = None
    token_key_file: Path = Path("var/server/token-signing-key.pem")  # made on first start; back it up
    access_token_ttl_s: int = Field(default=900, ge=60)
    session_max_s: int = Field(default=12 * 3600, ge=300)  # a refresh token lives as long as its session
    offline_grant_days: int = Field(default=14, ge=1, le=90)
    challenge_ttl_s: int = Field(default=60, ge=5)
    # Per client address. An office behind one NAT address signs in at nine o'clock together:
    # the burst allows that; a flood of thousands a second is what this stops.
    challenges_per_minute: int = Field(default=300, ge=1)
    challenge_burst: int = Field(default=60, ge=1)
    # On stop (SIGTERM), requests under way get this long. Idle keep-alive TLS connections would
    # otherwise hold the stop for asyncio's 30 s TLS close wait; clients retry, ops are idempotent.
    shutdown_grace_s: float = Field(default=3.0, ge=0, le=300)
    blob_dir: Path = Path("var/server/blobs")  # 正文 and attachments, content-addressed (SHA-256)
    # 交换包 (docs/bundles.md): "national" writes and accepts only SM2/SM4 bundles; the highest 密级
    # this deployment accepts from a bundle; the exchange point's key for relayed imports (.p12 or
    # SM2 .p8 with its .crt beside it, PIN in a file) — without it relays are refused.
    bundle_algorithms: Literal["standard", "national"] = "standard"
    bundle_ceiling: Literal["公开", "内部", "秘密", "机密"] = "机密"
    bundle_exchange_key: Path | None = None
    bundle_exchange_pin_file: Path | None = None

    @property
    def issuer(self) -> str:
        if self.public_url:
            return self.public_url.rstrip("/")
        scheme = "https" if self.tls_cert_file else "http"
        return f"{scheme}://{self.host}:{self.port}"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Init arguments carry the flags and the file's values; load_settings leaves out the file
        # values that the environment sets, so the environment still beats the file.
        return init_settings, env_settings


def load_settings(flags: Mapping[str, Any] | None = None, config_file: Path | None = None) -> Settings:
    """Resolve the settings in priority order; raise ConfigError naming the bad value or file."""
    path = config_file or _env_config_path()
    from_file = _read_toml(path) if path else {}
    from_file = {key: value for key, value in from_file.items() if not _set_in_environment(key)}
    from_flags = {key: value for key, value in (flags or {}).items() if value is not None}
    try:
        return Settings(**{**from_file, **from_flags})
    except ValidationError as exc:
        raise ConfigError(_describe(exc, path)) from exc


def _env_config_path() -> Path | None:
    value = os.environ.get(CONFIG_ENV, "").strip()
    return Path(value) if value else None


def _set_in_environment(key: str) -> bool:
    return (ENV_PREFIX + key).upper() in {name.upper() for name in os.environ}


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError as exc:
        raise ConfigError(f"找不到配置文件：{path}") from exc
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"配置文件 {path} 无法读取：{exc}") from exc


def _describe(exc: ValidationError, path: Path | None) -> str:
    where = f"（配置文件 {path}、环境变量或命令行参数）" if path else "（环境变量或命令行参数）"
    problems = "；".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
    return f"服务器配置有误{where}：{problems}"
