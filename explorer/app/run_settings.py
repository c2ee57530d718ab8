"""The run settings: what Forward, Backward, Step and Train use, kept in the project.

One frozen value, owned by the session. The toolbar and the Training tab show it and
ask the session to change it; nothing else keeps a copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from explorer.core.data import INPUT_KINDS, DataSpec
from explorer.core.errors import Message
from explorer.core.losses import LOSSES, OptimizerConfig

INPUTS = (*INPUT_KINDS, "dataset")
UNITS = ("steps", "epochs")


@dataclass(frozen=True)
class RunSettings:
    """Seed, input, loss, data, optimizer and mode of the session.

    ``training`` is the mode (``net.train()`` / ``net.eval()``); it is not written to a
    project, because a model that is opened starts in ``train()``, as a new
    ``nn.Module`` does.
    """

    seed: int = 0
    input_kind: str = "rand"
    loss: str = "mse"
    zero_first: bool = False
    data: DataSpec = field(default_factory=DataSpec)
    optimizer: OptimizerConfig = field(default_factory=OptimizerConfig)
    batch_size: int = 32
    length: int = 500
    unit: str = "steps"
    training: bool = True

    def with_(self, **changes: Any) -> RunSettings:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """What a project stores (JSON-able; the keys the first version wrote)."""
        return {
            "seed": self.seed,
            "input": self.input_kind,
            "loss": self.loss,
            "zero_grad_before_backward": self.zero_first,
            "data": self.data.to_dict(),
            "optimizer": dict(self.optimizer.__dict__),
            "batch_size": self.batch_size,
            "length": self.length,
            "unit": self.unit,
        }

    @staticmethod
    def from_dict(d: dict[str, Any], base: RunSettings | None = None) -> RunSettings:
        """Settings from a project; missing entries keep ``base``'s.

        Raises
        ------
        ValueError
            An entry of the wrong type or an unknown loss, input or unit (nothing applied).
        """
        base = base or RunSettings()
        if not isinstance(d, dict):
            raise ValueError(
                Message("run settings must be a mapping, got {kind}", kind=type(d).__name__)
            )
        try:
            opt = d.get("optimizer", {})
            optimizer = OptimizerConfig(
                str(opt.get("name", base.optimizer.name)),
                float(opt.get("lr", base.optimizer.lr)),
                float(opt.get("momentum", base.optimizer.momentum)),
                float(opt.get("weight_decay", base.optimizer.weight_decay)),
            )
            out = RunSettings(
                seed=int(d.get("seed", base.seed)),
                input_kind=str(d.get("input", base.input_kind)),
                loss=str(d.get("loss", base.loss)),
                zero_first=bool(d.get("zero_grad_before_backward", base.zero_first)),
                data=DataSpec.from_dict(d["data"]) if "data" in d else base.data,
                optimizer=optimizer,
                batch_size=int(d.get("batch_size", base.batch_size)),
                length=int(d.get("length", base.length)),
                unit=str(d.get("unit", base.unit)),
                training=base.training,
            )
        except (TypeError, AttributeError) as e:
            raise ValueError(str(e)) from e
        if out.loss not in LOSSES:
            raise ValueError(Message("unknown loss {name}", name=repr(out.loss)))
        if out.input_kind not in INPUTS:
            raise ValueError(Message("unknown input {name}", name=repr(out.input_kind)))
        if out.unit not in UNITS:
            raise ValueError(Message("unknown unit {name}", name=repr(out.unit)))
        return out

    def train_config(self):
        """The :class:`~explorer.core.training.TrainConfig` of these settings."""
        from explorer.core.training import TrainConfig

        by_epochs = self.unit == "epochs"
        return TrainConfig(
            optimizer=self.optimizer,
            loss=self.loss,
            batch_size=self.batch_size,
            steps=None if by_epochs else self.length,
            epochs=self.length if by_epochs else None,
            seed=self.seed,
        )


def input_key(settings: RunSettings, input_shape, dtype: str) -> tuple:
    """The settings that make the input Forward feeds the model, as one comparable value.

    Mirrors ``RunController.batch``: ``torch.rand``/``torch.randn`` of the model's input
    shape and dtype from the seed (``ones`` and ``zeros`` ignore the seed), or the first
    rows of the dataset as they are (the data settings and the input shape make them; the
    toolbar's seed and the dtype do not). Equal keys give the same input tensor, except
    for a data file changed on disk since; a changed data setting may leave the inputs as
    they were (the teacher's noise changes only its targets).

    Parameters
    ----------
    settings
        The session's run settings.
    input_shape, dtype
        The model's input shape (batch first) and dtype (``ModelSpec``).
    """
    shape = tuple(input_shape)
    kind = settings.input_kind
    if kind == "dataset":
        return kind, shape, settings.data
    seed = settings.seed if kind in ("rand", "randn") else None
    return kind, shape, dtype, seed
