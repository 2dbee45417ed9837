"""登录 (login): challenge-response with the user's key, devices, and bearer access tokens.

Software tokens for now; a later issue puts the key on a USB key and maps X.509 certificates, with
the same challenge-response shape.
"""
