"""requests against a running server process over HTTPS, shaped like the TestClient that the
server test helpers take (post/get on paths, and the base_url a login names as its audience)."""

from typing import Any

import requests


class Http:
    def __init__(self, base_url: str, ca_file: str, timeout_s: float = 30) -> None:
        self.base_url, self.timeout_s = base_url, timeout_s
        self.session = requests.Session()
        self.session.verify = ca_file
        self.session.trust_env = False  # else REQUESTS_CA_BUNDLE in the environment replaces ca_file

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.post(self.base_url + path, timeout=self.timeout_s, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.get(self.base_url + path, timeout=self.timeout_s, **kwargs)
