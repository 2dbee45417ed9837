"""Signing in: choose a key, enter its PIN, log in online or, for a known user, offline."""
