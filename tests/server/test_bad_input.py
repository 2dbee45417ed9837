"""Bad input gets a 4xx with a reason in the one error shape; never a 500 or a traceback."""

import pytest
from fastapi.testclient import TestClient

from app import __version__
from sync.protocol.messages import MAX_OPS_PER_PUSH
from sync.server.main import create_app
from tests.server.conftest import inprocess_settings
from tests.server.helpers import log_in, op

SMALL_LIMIT = 4096


@pytest.fixture
def small_limit_client(deployment, tmp_path):
    settings = inprocess_settings(deployment.database_url, tmp_path).model_copy(update={"max_body_bytes": SMALL_LIMIT})
    with TestClient(create_app(settings)) as client:
        yield client


def test_malformed_json_is_422_with_reason(client):
    answer = client.post("/auth/v1/refresh", content=b'{"refresh_token": "abc', headers={"Content-Type": "application/json"})
    assert answer.status_code == 422
    assert answer.json()["detail"]["code"] == "request.invalid"
    assert "JSON" in answer.json()["detail"]["message"]


def test_missing_and_extra_fields_are_422_naming_the_field(client, tokens):
    missing = client.post("/auth/v1/login", json={"device_id": "dev-1"})
    assert missing.status_code == 422
    assert "nonce" in missing.json()["detail"]["message"]
    me = log_in(client, tokens, "liming")
    extra = me.push_raw([{**op("notice.publish", {}, 1), "surprise": 1}])
    assert extra.status_code == 422
    assert "surprise" in str(extra.json()["detail"]["errors"])


def test_a_body_over_the_limit_is_413(small_limit_client):
    big = b'{"refresh_token": "' + b"x" * SMALL_LIMIT + b'"}'
    answer = small_limit_client.post("/auth/v1/refresh", content=big, headers={"Content-Type": "application/json"})
    assert answer.status_code == 413
    assert answer.json()["detail"]["code"] == "request.too_large"
    assert answer.json()["detail"]["limit"] == SMALL_LIMIT


def test_a_streamed_body_over_the_limit_is_413(small_limit_client):
    def chunks():
        yield b'{"refresh_token": "'
        for _ in range(10):
            yield b"x" * 1024
        yield b'"}'

    answer = small_limit_client.post("/auth/v1/refresh", content=chunks(), headers={"Content-Type": "application/json"})
    assert "content-length" not in answer.request.headers
    assert answer.status_code == 413


def test_a_body_under_the_limit_passes(small_limit_client):
    assert small_limit_client.post("/auth/v1/refresh", json={"refresh_token": "x" * 64}).status_code == 401


def test_too_many_ops_in_one_push_is_422(client, tokens):
    me = log_in(client, tokens, "liming")
    ops = [op("notice.read", {"notice_id": "n"}, i + 1) for i in range(MAX_OPS_PER_PUSH + 1)]
    answer = me.push_raw(ops)
    assert answer.status_code == 422
    assert answer.json()["detail"]["errors"][0]["loc"] == ["body", "ops"]


def test_pull_limit_over_the_maximum_is_422(client, tokens):
    me = log_in(client, tokens, "liming")
    assert me.pull({"directory": 0}, limit=100_000).status_code == 422


def test_unknown_path_is_404_in_the_same_shape(client):
    answer = client.get("/no/such/thing")
    assert answer.status_code == 404
    assert answer.json()["detail"]["code"] == "http.404"


def test_an_unexpected_error_is_a_generic_500(deployment, tmp_path):
    app = create_app(inprocess_settings(deployment.database_url, tmp_path))

    def broken() -> None:
        raise RuntimeError("internal detail that must not leak")

    app.add_api_route("/broken", broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get("/broken")
    assert answer.status_code == 500
    assert answer.json()["detail"]["code"] == "server.internal"
    assert "internal detail" not in answer.text


def test_health_names_version_and_database(client, deployment):
    answer = client.get("/health")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "version": __version__, "database": deployment.database_url.split(":")[0].split("+")[0]}


def test_openapi_describes_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/auth/v1/challenge", "/auth/v1/login", "/auth/v1/me", "/sync/v1/push", "/sync/v1/pull", "/health"} <= set(paths)
