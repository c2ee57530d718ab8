"""The application layer: the user's session and its use cases, without Qt.

:class:`~explorer.app.session.Session` owns what the user calls "my session": the open
document, the shown tensor, the run settings, the project path and what is unsaved.
Its use cases (open, save, run settings to and from a project) are the only way the UI
changes them; the UI listens to its :class:`~explorer.core.events.Event` attributes.
"""
