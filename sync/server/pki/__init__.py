"""PKI administration (证书管理): the CAs the server trusts, their CRLs, and which certificate is whose."""
