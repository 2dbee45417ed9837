"""同步 (sync): push ops exactly once per device, pull scopes by cursor (protocol v1)."""
