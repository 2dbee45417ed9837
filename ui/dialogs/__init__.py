"""Dialogs: publishing a notice, rejected changes, messages with a details fold."""
