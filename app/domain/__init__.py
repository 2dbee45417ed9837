"""Pure domain rules shared by the client and the exchange server. No I/O."""
