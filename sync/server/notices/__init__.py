"""通知公告 (notices): the ops that publish and read notices, and where they travel."""
