"""The titles of the book's examples (resources/examples), marked for translation.

The titles are data in the example files; listing them here lets ``pyside6-lupdate`` put
them in the ``.ts`` file, and ``tr(title)`` shows them in the interface language (lookup
is by source text). A new or renamed example shows in English until it is added here;
the i18n test reports it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

EXAMPLE_TITLES = (
    QT_TRANSLATE_NOOP("Examples", "5.1 nn.Sequential(Linear(20, 256), ReLU(), Linear(256, 10))"),
    QT_TRANSLATE_NOOP("Examples", "5.1 class MLP: hidden, relu, out"),
    QT_TRANSLATE_NOOP("Examples", "5.2 Linear(4, 8), ReLU(), Linear(8, 1)"),
    QT_TRANSLATE_NOOP("Examples", "5.2 rgnet: block2() of four block1(), then Linear(4, 1)"),
    QT_TRANSLATE_NOOP(
        "Examples", "5.2 parameter tying: the shared Linear(8, 8) at net[2] and net[4]"
    ),
    QT_TRANSLATE_NOOP(
        "Examples", "5.3 deferred initialization: LazyLinear(256), ReLU(), LazyLinear(10)"
    ),
    QT_TRANSLATE_NOOP("Examples", "5.4 eval(): dropout and batch norm behave differently"),
    QT_TRANSLATE_NOOP("Examples", "5.4 class MLP for mlp.params: hidden, relu, output"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "5.3 deep tanh MLP: default vs Xavier initialization (Init lab, depth probe)",
    ),
)
