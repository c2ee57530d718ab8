"""Messages raised in explorer.core / explorer.io with a message id (see
explorer.core.errors.with_message), marked here so that ``pyside6-lupdate`` keeps them in
the .ts file; explorer.ui.common.messages translates them where they are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CORE_MESSAGES = (
    QT_TRANSLATE_NOOP("CoreMessages", "line {line}: {detail}"),
    QT_TRANSLATE_NOOP("CoreMessages", "define a function, like def my_init(m): ... (none found)"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{fname} takes {arity} arguments; write def {fname}(m) (called on every module) or def {fname}(name, tensor) (called on each parameter)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{fname} replaced {name} {shape}: it {got}; change values in place instead (nn.init functions, tensor.data[...] = ...)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "removed it"),
    QT_TRANSLATE_NOOP("CoreMessages", "made it {shape} {dtype}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{fname} left NaN or infinity in {name}; nothing was applied"
    ),
)
