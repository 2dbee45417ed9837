"""Synchronisation: the shared protocol, the client engine and the exchange server."""
