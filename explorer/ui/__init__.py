"""Qt views, dialogs and undo commands. Never imported by ``explorer.core``, ``explorer.io``
or ``explorer.app``.

How the packages depend on each other (checked by import-linter, see pyproject.toml):

- ``shell`` (the window, its frame, message bar, log, language) and ``common`` (undo
  commands, selection, plots, MIME types) are the base: any feature may import them;
  they import no feature (``common`` does not import ``shell`` either).
- The features ``builder``, ``run``, ``inspect``, ``files``, ``init_lab``, ``lessons``,
  ``autograd`` and ``pyclass`` are independent: none imports another. They share the session
  (:mod:`explorer.app.session`), the frame's helpers
  (:class:`explorer.ui.shell.frame.Frame`) and the actions' objectNames
  (``frame.trigger("example_01-sequential")``), never each other's objects.
- The window installs the features by module name (``shell.main_window.FEATURES``), so
  ``shell`` needs no import of them; :mod:`explorer.ui.app` is the composition root.
"""
