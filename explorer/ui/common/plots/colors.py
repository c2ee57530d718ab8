"""Colour maps shared by the plots: diverging around zero for weights and gradients."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

#: negative blue, zero near-white, positive red (ColorBrewer RdBu, reversed)
DIVERGING = pg.ColorMap(
    pos=np.array([0.0, 0.25, 0.5, 0.75, 1.0]),
    color=np.array(
        [
            (33, 102, 172, 255),
            (146, 197, 222, 255),
            (247, 247, 247, 255),
            (244, 165, 130, 255),
            (178, 24, 43, 255),
        ],
        dtype=np.ubyte,
    ),
    name="diverging",
)

WEIGHT_BRUSH = (90, 120, 200, 170)
GRAD_BRUSH = (214, 110, 60, 170)
OK_BRUSH = (90, 150, 110, 200)
VANISHING_BRUSH = (120, 120, 200, 230)
EXPLODING_BRUSH = (214, 69, 69, 230)
