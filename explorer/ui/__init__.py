"""Qt views, dialogs and undo commands. Never imported by ``explorer.core`` or ``explorer.io``."""
