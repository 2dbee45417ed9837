"""OpenID Connect discovery (单点登录), so other intranet systems find our signing keys."""
