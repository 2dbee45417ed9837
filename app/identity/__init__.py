"""Identity: the signers a user logs in with, behind one interface."""
