"""Qt item models over what app.services return; views never hold a widget per row."""
