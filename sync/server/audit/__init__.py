"""Audit log (审计日志): every login, failed login, lock, unlock and logout, kept on the server."""
