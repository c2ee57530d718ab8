"""Random edits through the real undo stack: undo all restores the original, redo the end."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from explorer.core import edits
from explorer.core.build import build, state_dict_keys
from explorer.core.document import Document
from explorer.core.errors import ExplorerError
from explorer.core.spec import BlockSpec, LayerSpec
from tests.strategies import layers, specs


class EditsWithUndo(RuleBasedStateMachine):
    """Each rule is one builder gesture pushed as a ``SpecCommand`` on a ``QUndoStack``."""

    @initialize(spec=specs())
    def start(self, spec):
        from PySide6.QtGui import QUndoStack

        self.document = Document(spec)
        self.stack = QUndoStack()
        self.original = spec
        self.pushed = 0

    def _push(self, make) -> None:
        from explorer.ui.common.commands import SpecCommand

        try:
            new = make(self.document.spec)
        except ExplorerError:
            return  # a refused edit changes nothing and is not an undo step
        if new == self.document.spec:
            return
        self.stack.push(SpecCommand(self.document, new, "edit"))
        self.pushed += 1

    def _paths(self):
        return [p for p, _ in self.document.spec.walk()]

    def _pick(self, data):
        paths = self._paths()
        return data.draw(st.sampled_from(paths)) if paths else None

    @rule(layer=layers(), data=st.data())
    def insert(self, layer, data):
        spec = self.document.spec
        blocks = [()] + [p for p, n in spec.walk() if isinstance(n, BlockSpec)]
        parent = data.draw(st.sampled_from(blocks))
        index = data.draw(st.integers(0, len(spec.children_at(parent))))
        self._push(lambda s: edits.insert(s, parent, index, layer))

    @rule(data=st.data())
    def remove(self, data):
        path = self._pick(data)
        if path is not None:
            self._push(lambda s: edits.remove(s, [path]))

    @rule(data=st.data())
    def move(self, data):
        ids = [n.id for _, n in self.document.spec.walk()]
        if not ids:
            return
        moving = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
        blocks = [None] + [n.id for _, n in self.document.spec.walk() if isinstance(n, BlockSpec)]
        parent = data.draw(st.sampled_from(blocks))
        before = data.draw(st.sampled_from([None, *ids]))

        def make(s):
            siblings = s.children_at(s.path_of(parent) if parent else ())
            ok = before if before in {n.id for n in siblings} else None
            return edits.move_nodes(s, moving, parent, ok)

        self._push(make)

    @rule(data=st.data())
    def group_and_ungroup(self, data):
        path = self._pick(data)
        if path is None:
            return
        if isinstance(self.document.spec.node(path), BlockSpec) and data.draw(st.booleans()):
            self._push(lambda s: edits.ungroup(s, path))
        else:
            self._push(lambda s: edits.group(s, [path]))

    @rule(data=st.data())
    def tie_or_untie(self, data):
        path = self._pick(data)
        if path is None:
            return
        node = self.document.spec.node(path)
        if isinstance(node, LayerSpec) and node.tie is not None and data.draw(st.booleans()):
            self._push(lambda s: edits.untie(s, path))
        else:
            self._push(lambda s: edits.add_shared_use(s, path))

    @rule(data=st.data(), name=st.sampled_from([None, "hidden", "out", "a.b", "0"]))
    def rename(self, data, name):
        path = self._pick(data)
        if path is not None:
            self._push(lambda s: edits.rename(s, path, name))

    @rule(data=st.data(), value=st.sampled_from(["0.25", "1.5", "7", "x", "-1"]))
    def set_argument(self, data, value):
        path = self._pick(data)
        if path is None:
            return
        node = self.document.spec.node(path)
        if isinstance(node, LayerSpec) and node.args:
            arg = data.draw(st.sampled_from(sorted(node.args)))
            self._push(lambda s: edits.set_args(s, path, {arg: value}))

    @rule(data=st.data())
    def duplicate_or_collapse(self, data):
        path = self._pick(data)
        if path is None:
            return
        if isinstance(self.document.spec.node(path), BlockSpec):
            self._push(lambda s: edits.set_collapsed(s, path, not s.node(path).collapsed))
        else:
            self._push(lambda s: edits.duplicate(s, [path]))

    @rule(shape=st.lists(st.integers(1, 8), min_size=1, max_size=3))
    def set_input(self, shape):
        self._push(lambda s: edits.set_input(s, shape, "float64"))

    @invariant()
    def live_module_follows_the_spec(self):
        if hasattr(self, "document"):
            spec = self.document.spec
            assert set(self.document.modules) == {n.id for _, n in spec.walk()}
            # the live model is what the spec's code builds: PyTorch's own names (an
            # untied use has its own parameters), one module per tie
            assert list(self.document.net.state_dict()) == state_dict_keys(spec)
            assert [n for n, _ in self.document.net.named_parameters()] == [
                n for n, _ in build(spec, device="meta").named_parameters()
            ]

    def teardown(self):
        if not hasattr(self, "document"):
            return
        end = self.document.spec
        while self.stack.canUndo():
            self.stack.undo()
        assert self.document.spec == self.original
        while self.stack.canRedo():
            self.stack.redo()
        assert self.document.spec == end
        assert self.stack.count() == self.pushed


def test_random_edits_undo_to_the_original_and_redo_to_the_end(qapp):
    from hypothesis.stateful import run_state_machine_as_test

    run_state_machine_as_test(
        EditsWithUndo,
        settings=settings(
            max_examples=25,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
