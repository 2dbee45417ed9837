"""The main window: navigation, pages and the sync status bar."""
