"""Use cases the UI calls. Each writes its local change and its outbox op in one transaction."""
