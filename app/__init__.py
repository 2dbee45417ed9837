"""Xietong core: domain rules, local store, identity and use cases. Qt-free."""

__version__ = "0.1.0"
