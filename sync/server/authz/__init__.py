"""统一授权: roles, their permissions, and the check every op goes through."""
