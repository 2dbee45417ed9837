"""/sync/v1/bundles/relay: a connected exchange-point client hands the server an isolated unit's
交换包 it has uploaded as a blob; the server imports it as `xietong-server bundle import` does and
keeps the answer as a blob for the client to download and write to the stick."""

from pydantic import Field

from sync.protocol.messages import SHA256_PATTERN, Strict


class RelayRequest(Strict):
    bundle_sha256: str = Field(pattern=SHA256_PATTERN)


class RelayAnswer(Strict):
    answer_sha256: str = Field(pattern=SHA256_PATTERN)
    answer_size: int
    ops: int
    applied: int
    rows: int
