"""The client side of sync: HTTP transport, login, and the push/pull engine. Qt-free; the UI runs
it off the UI thread."""
