"""交换包 (exchange bundles): the sync protocol on a file, for units with no network.

Qt-free and shared by the client and the server. See docs/bundles.md for the format.
"""
