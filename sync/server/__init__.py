"""The exchange server (交换服务器): HTTP API, login, change log, op handlers, admin CLI, migrations."""
