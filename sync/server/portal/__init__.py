"""内网门户: other intranet systems put their 待办 into the portal."""
