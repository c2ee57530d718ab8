"""Layer descriptions (the first line of each torch.nn class's docstring), marked for
translation. ``tr(doc)`` shows them in the interface language; a description that a newer
torch words differently stays English until it is added here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

LAYER_DOCS = (
    QT_TRANSLATE_NOOP("LayerDocs", "A placeholder identity operator that is argument-insensitive."),
    QT_TRANSLATE_NOOP(
        "LayerDocs",
        "A torch.nn.Conv2d module with lazy initialization of the in_channels argument.",
    ),
    QT_TRANSLATE_NOOP("LayerDocs", "A torch.nn.Linear module where `in_features` is inferred."),
    QT_TRANSLATE_NOOP("LayerDocs", "Applies Batch Normalization over a 2D or 3D input."),
    QT_TRANSLATE_NOOP("LayerDocs", "Applies Batch Normalization over a 4D input."),
    QT_TRANSLATE_NOOP("LayerDocs", "Applies Group Normalization over a mini-batch of inputs."),
    QT_TRANSLATE_NOOP("LayerDocs", "Applies Layer Normalization over a mini-batch of inputs."),
    QT_TRANSLATE_NOOP(
        "LayerDocs",
        "Applies a 1D convolution over an input signal composed of several input planes.",
    ),
    QT_TRANSLATE_NOOP(
        "LayerDocs",
        "Applies a 1D max pooling over an input signal composed of several input planes.",
    ),
    QT_TRANSLATE_NOOP(
        "LayerDocs",
        "Applies a 2D adaptive average pooling over an input signal composed of several input planes.",
    ),
    QT_TRANSLATE_NOOP(
        "LayerDocs",
        "Applies a 2D average pooling over an input signal composed of several input planes.",
    ),
    QT_TRANSLATE_NOOP(
        "LayerDocs",
        "Applies a 2D convolution over an input signal composed of several input planes.",
    ),
    QT_TRANSLATE_NOOP(
        "LayerDocs",
        "Applies a 2D max pooling over an input signal composed of several input planes.",
    ),
    QT_TRANSLATE_NOOP(
        "LayerDocs",
        "Applies a 2D transposed convolution operator over an input image composed of several input planes.",
    ),
    QT_TRANSLATE_NOOP(
        "LayerDocs", "Applies an affine linear transformation to the incoming data: y = xA^T + b."
    ),
    QT_TRANSLATE_NOOP(
        "LayerDocs", "Applies the Exponential Linear Unit (ELU) function, element-wise."
    ),
    QT_TRANSLATE_NOOP("LayerDocs", "Applies the Gaussian Error Linear Units function."),
    QT_TRANSLATE_NOOP("LayerDocs", "Applies the HardTanh function element-wise."),
    QT_TRANSLATE_NOOP("LayerDocs", "Applies the Hyperbolic Tangent (Tanh) function element-wise."),
    QT_TRANSLATE_NOOP("LayerDocs", "Applies the LeakyReLU function element-wise."),
    QT_TRANSLATE_NOOP(
        "LayerDocs", "Applies the Sigmoid Linear Unit (SiLU) function, element-wise."
    ),
    QT_TRANSLATE_NOOP("LayerDocs", "Applies the Sigmoid function element-wise."),
    QT_TRANSLATE_NOOP(
        "LayerDocs", "Applies the Softmax function to an n-dimensional input Tensor."
    ),
    QT_TRANSLATE_NOOP("LayerDocs", "Applies the Softplus function element-wise."),
    QT_TRANSLATE_NOOP(
        "LayerDocs",
        "Applies the \\log(\\text{Softmax}(x)) function to an n-dimensional input Tensor.",
    ),
    QT_TRANSLATE_NOOP("LayerDocs", "Applies the element-wise PReLU function."),
    QT_TRANSLATE_NOOP("LayerDocs", "Applies the rectified linear unit function element-wise."),
    QT_TRANSLATE_NOOP(
        "LayerDocs",
        "During training, randomly zeroes some of the elements of the input tensor with probability p.",
    ),
    QT_TRANSLATE_NOOP("LayerDocs", "Flattens a contiguous range of dims into a tensor."),
    QT_TRANSLATE_NOOP("LayerDocs", "Randomly zero out entire channels."),
    QT_TRANSLATE_NOOP(
        "LayerDocs",
        "Unflattens a tensor dim expanding it to a desired shape. For use with ~nn.Sequential.",
    ),
)
