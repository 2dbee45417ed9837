"""Blobs: content-addressed files (SHA-256), uploaded and downloaded in resumable chunks."""
