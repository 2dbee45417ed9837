"""Small widgets shared by views and dialogs."""
