"""交换包 at the exchange point: import an isolated unit's bundle, apply its ops, write the answer."""
