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
    QT_TRANSLATE_NOOP("CoreMessages", "{label} {where} expects {expected}, got {got}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{label} {where} cannot take input of shape {shape}: {detail}"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "the last line must be the result: an expression, or z = ..."
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "backward() on {where} that is not a single number needs gradient=: a tensor of the same shape (torch.ones_like), or reduce it first with .sum().",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The graph was freed by the previous backward() (PyTorch frees saved values after use). Evaluate again, or call backward(retain_graph=True) the first time.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The result depends on no tensor with requires_grad=True, so there is no graph to walk back. Set requires_grad on a leaf it uses.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}: only floating-point tensors can require grad; write 3.0 instead of 3, or add dtype=torch.float32.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: the value must be a number or a tensor"),
    QT_TRANSLATE_NOOP("CoreMessages", "write an expression, like x * y + x**2"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "an in-place change (a method ending in _, or +=) of a leaf that requires grad; PyTorch forbids it because the graph needs the leaf's value. Write x = x + 1 for a new tensor, or change it under torch.no_grad().",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "a value saved for backward was changed in place after it was used; backward would compute a wrong gradient, so PyTorch refuses. Use an out-of-place operation (y = y * 2, not y *= 2).",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "the result is a {kind}, not a tensor"),
    QT_TRANSLATE_NOOP("CoreMessages", "evaluate the code first"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: a leaf needs a name like x"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: two leaves have this name"),
    QT_TRANSLATE_NOOP("CoreMessages", "a result"),
    QT_TRANSLATE_NOOP("CoreMessages", "has an unknown kind {kind}"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be a number, not true/false"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be a number, got {value}"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be a finite number"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be at least {minimum}, got {got}"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be a list of whole numbers, got {value}"),
    QT_TRANSLATE_NOOP("CoreMessages", "must hold at most {n} numbers"),
    QT_TRANSLATE_NOOP("CoreMessages", "is required"),
    QT_TRANSLATE_NOOP("CoreMessages", "must divide num_channels ({n})"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be greater than min_val"),
    QT_TRANSLATE_NOOP("CoreMessages", "'same' needs stride 1"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be a whole number, got {value}"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be at most {max} in size"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be below {maximum}, got {got}"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be at most {maximum}, got {got}"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be true or false, got {value}"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be one of {choices}, got {value}"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be one number or {dims} numbers, got {got}"),
    QT_TRANSLATE_NOOP("CoreMessages", "is not an argument of this layer"),
    QT_TRANSLATE_NOOP("CoreMessages", "must divide in_channels and out_channels"),
    QT_TRANSLATE_NOOP("CoreMessages", "{layer}: {field} {reason}"),
    QT_TRANSLATE_NOOP("CoreMessages", "U(a, b): a = {a}, b = {b}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "std = gain · √(2 / (fan_in + fan_out)) = {gain} · √(2 / ({fan_in} + {fan_out})) = {std}; values N(0, std²)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "std = gain / √{mode} = {gain} / √{fan} = {std}; values N(0, std²)"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "weight: kaiming_uniform_(a=√5), so bound = gain · √(3 / fan_in) with gain = √(1/3)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "bias: uniform_(-bound, bound) with the weight's fan-in"),
    QT_TRANSLATE_NOOP("CoreMessages", "no theory known for {layer}.reset_parameters()"),
    QT_TRANSLATE_NOOP("CoreMessages", "no theory known for this layer's reset_parameters()"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "N(mean, std²) cut to [a, b]: mean = {mean}, std = {std}, a = {a}, b = {b} (a and b are values, not multiples of std)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "density φ((x-mean)/std) / (std · (Φ((b-mean)/std) - Φ((a-mean)/std))) on [a, b]",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "flattened to ({rows}, {cols}); its rows are orthonormal (Q of a QR), times gain",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "flattened to ({rows}, {cols}); its columns are orthonormal (Q of a QR), times gain",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "each value: gain × one coordinate of a random unit vector in R^{n}; std = |gain| / √{n} = {std}",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "a = gain · √(6 / (fan_in + fan_out)) = {gain} · √(6 / ({fan_in} + {fan_out})) = {bound}; values U(-a, a)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "bound = gain · √(3 / {mode}) = {gain} · √(3 / {fan}) = {bound}; values U(-bound, bound)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "every value is {value}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "bound = 1 / √fan_in = 1 / √{fan_in} = {bound}; values U(-bound, bound)"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "identity: {ones} ones on the diagonal, {zeros} zeros"),
    QT_TRANSLATE_NOOP("CoreMessages", "N(mean, std²): mean = {mean}, std = {std}"),
    QT_TRANSLATE_NOOP("CoreMessages", "a different input"),
    QT_TRANSLATE_NOOP("CoreMessages", "at index {key}"),
    QT_TRANSLATE_NOOP("CoreMessages", "at {key}"),
    QT_TRANSLATE_NOOP("CoreMessages", "last dimension {n}"),
    QT_TRANSLATE_NOOP("CoreMessages", "a {a}-D or {b}-D input (N, C, {dims})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{n} channels at dimension {dim}"),
    QT_TRANSLATE_NOOP("CoreMessages", "a {a}-D or {b}-D input"),
    QT_TRANSLATE_NOOP("CoreMessages", "a {a}-D input"),
    QT_TRANSLATE_NOOP("CoreMessages", "{n} features at dimension 1"),
    QT_TRANSLATE_NOOP("CoreMessages", "trailing dimensions {dims}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "must be non-empty, without dots or outer spaces, like hidden"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is a Module attribute in PyTorch"),
    QT_TRANSLATE_NOOP("CoreMessages", "index {index} is already used as a name here"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is already used in this block"),
    QT_TRANSLATE_NOOP("CoreMessages", "a {kind}"),
    QT_TRANSLATE_NOOP("CoreMessages", "a single tensor of shape {shape}"),
    QT_TRANSLATE_NOOP("CoreMessages", "a {kind} of {n} items"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name} holds {what}, not a state dict (use Inspect to look inside)"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "saved on {devices}, loaded onto {target}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is empty"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name} is a Git LFS pointer, not the file itself (run `git lfs pull`)"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is too short to be a safetensors file"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not a safetensors file (bad header)"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is truncated (header longer than the file)"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: no such file"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is truncated or not a safetensors file"),
    QT_TRANSLATE_NOOP("CoreMessages", "a dict with keys {keys}"),
    QT_TRANSLATE_NOOP("CoreMessages", "an empty dict"),
    QT_TRANSLATE_NOOP("CoreMessages", "{n} keys match"),
    QT_TRANSLATE_NOOP("CoreMessages", "missing in the file: {key}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{keys} are one tied tensor in the model but differ in the file: {last} wins",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "not in the model: {key}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{key}: file has shape {file}, model has {model}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "the model has lazy layers that are not initialized yet ({keys}): run a forward pass first, then load",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "strict load refused, nothing changed: {reason}"),
    QT_TRANSLATE_NOOP("CoreMessages", "no key of the file matches the model; nothing changed"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not a readable safetensors file: {first}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{n} missing"),
    QT_TRANSLATE_NOOP("CoreMessages", "{n} unexpected"),
    QT_TRANSLATE_NOOP("CoreMessages", "{n} with the wrong shape"),
    QT_TRANSLATE_NOOP("CoreMessages", "{n} not initialized (lazy)"),
    QT_TRANSLATE_NOOP("CoreMessages", "{n} tied with different values in the file"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{keys}: lazy layer not initialized yet; run a forward pass first, then load",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "not initialized yet: run a forward or train a step"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "the '{key}' entry of a checkpoint dict (it also holds {others})"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "the '{key}' entry of a checkpoint dict"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name} was refused: loading it would run code from the file ({what})"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name} holds a whole model using nn.{layer}, which the app does not offer"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name} holds a whole model of class {cls}: its forward is Python code the file does not carry, so the app cannot know how its layers connect; save an nn.Sequential, or its state_dict",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name} holds a whole model in the legacy (non-zip) format, which cannot be read without running code; re-save it with a current torch.save",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "the rebuilt model's keys differ from the file's (first: {key})"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: cannot read the model ({first})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where} is None: not a layer"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} does not hold a whole model"),
    QT_TRANSLATE_NOOP("CoreMessages", "{file}: {what}: {error}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{file}, line {line}, in {func}: {error}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{file}, line {line}: {error}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{file} defines no nn.Module subclass"),
    QT_TRANSLATE_NOOP("CoreMessages", "none"),
    QT_TRANSLATE_NOOP("CoreMessages", "{file} has no nn.Module class {name} (it has: {have})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{file} is too large for a model file"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot read {file}: {reason}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{file} is not UTF-8 text"),
    QT_TRANSLATE_NOOP("CoreMessages", "running the file"),
    QT_TRANSLATE_NOOP("CoreMessages", "{file} has several classes ({names}); pass --class NAME"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: cannot tell its input shape; pass --input-shape, like 2,20"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not a readable PyTorch file: {first}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name} is truncated or corrupted (not a complete PyTorch zip file)"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not a PyTorch file: it is {kind}"),
    QT_TRANSLATE_NOOP("CoreMessages", "its contents cannot be read as weights"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown objects"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name} was refused: loading it would run code from the file (it asks for {names}). Only weights-only files are opened.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "a text file"),
    QT_TRANSLATE_NOOP("CoreMessages", "in an unknown format"),
    QT_TRANSLATE_NOOP("CoreMessages", "{key}.weight has shape {shape}: no layer type fits"),
    QT_TRANSLATE_NOOP("CoreMessages", "--between {value}: choose one of {choices}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{key}: cannot tell the layer from {names}"),
    QT_TRANSLATE_NOOP("CoreMessages", "the state dict is empty"),
    QT_TRANSLATE_NOOP("CoreMessages", "imports are built on the CPU; move the model afterwards"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{where} has both tensors ({tensors}) and sub-modules: not an nn.Sequential"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "the file does not keep the order of {where}'s named children ({names}): safetensors sorts them by name, and the app will not invent an order (a .pt file, or one saved by this app, keeps it)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "the inferred model is not valid: {reason}"),
    QT_TRANSLATE_NOOP("CoreMessages", "the model takes samples of shape {want}, {name} has {has}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "the model gives {got} outputs, {name} has {width} target columns"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "the model gives {got} outputs, {name} has {width} classes"),
    QT_TRANSLATE_NOOP("CoreMessages", "{a}; {b}"),
    QT_TRANSLATE_NOOP("CoreMessages", "no arguments"),
    QT_TRANSLATE_NOOP("CoreMessages", "{scheme} has no argument {names} (it takes {takes})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{scheme}: {name} must be one of {choices}, got {value}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{scheme}: {name} must be a number, got {value}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{scheme}: {name} must be finite"),
    QT_TRANSLATE_NOOP("CoreMessages", "{scheme}: {name} must be at least {minimum}, got {value}"),
    QT_TRANSLATE_NOOP("CoreMessages", "uniform_: a must not exceed b (got a={a}, b={b})"),
    QT_TRANSLATE_NOOP("CoreMessages", "trunc_normal_: a must be below b (got a={a}, b={b})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} ({layer} has no reset_parameters)"),
    QT_TRANSLATE_NOOP("CoreMessages", "exactly 2 dimensions (a matrix)"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "at least 2 dimensions (fan-in and fan-out need a matrix or a kernel)"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "a layer with reset_parameters()"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{scheme} needs {need}; it cannot take {cannot}. Target weights only, or another scheme.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{names} is not initialized yet: a lazy layer learns its input size, and so the shape of its parameters, only in the first forward pass. Run one forward first (the app can do it with a random input of the model's input shape).",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{names} are not initialized yet: a lazy layer learns its input size, and so the shape of its parameters, only in the first forward pass. Run one forward first (the app can do it with a random input of the model's input shape).",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "no layer {key} in this model"),
    QT_TRANSLATE_NOOP("CoreMessages", "no parameter {names} in this model"),
    QT_TRANSLATE_NOOP("CoreMessages", "no parameters match the target ({target})"),
    QT_TRANSLATE_NOOP("CoreMessages", "a block cannot be moved into itself"),
    QT_TRANSLATE_NOOP("CoreMessages", "a block has no arguments"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot insert at {index}: the block has {n} children"),
    QT_TRANSLATE_NOOP("CoreMessages", "format version {version} is not supported here"),
    QT_TRANSLATE_NOOP("CoreMessages", "no layer at {path}"),
    QT_TRANSLATE_NOOP("CoreMessages", "not a block"),
    QT_TRANSLATE_NOOP("CoreMessages", "nothing selected"),
    QT_TRANSLATE_NOOP("CoreMessages", "only a block can be ungrouped"),
    QT_TRANSLATE_NOOP("CoreMessages", "only a single layer can be shared"),
    QT_TRANSLATE_NOOP("CoreMessages", "only blocks collapse"),
    QT_TRANSLATE_NOOP("CoreMessages", "only layers of the same block can be grouped"),
    QT_TRANSLATE_NOOP("CoreMessages", "select layers to group"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "the model takes samples of shape {want} (input {input}), but {name} has samples of shape {has}: change the first layer or the input shape, or pick the 'teacher' dataset",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "this layer is not tied"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name} holds Python objects: object arrays are refused (they could run code)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} holds {dtype} values; use an array of numbers"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is a device or a pipe, not a data file"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is a folder, not a data file"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not a readable .npy file: {first}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not a readable safetensors file: {e}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is too large for a CSV file here"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: X has {n_x} samples but y has {n_y}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: a dict needs keys 'X' and 'y' (it has {keys})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: cannot open ({reason})"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: integer targets are class labels and must be 0 or more"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: needs at least 2 samples"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: needs at least two columns (inputs, then the target)"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: not a table of numbers ({e})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: unknown kind of file; use {kinds}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: {what} has dtype {dtype}; use float or integer numbers"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: {what} must be a tensor, got {kind}"),
    QT_TRANSLATE_NOOP("CoreMessages", "'settings' must be an object"),
    QT_TRANSLATE_NOOP("CoreMessages", "'title' must be text"),
    QT_TRANSLATE_NOOP("CoreMessages", "a project file must hold a JSON object"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot open {name}: {reason}"),
    QT_TRANSLATE_NOOP("CoreMessages", "not an NN Explorer project (kind {kind})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} cannot be used: {reason}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not a regular file"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name} is not a text file (is it a checkpoint? use Inspect)"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not valid JSON: {reason} at line {line}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is {size} MiB: too large for a project file"),
    QT_TRANSLATE_NOOP("CoreMessages", "device mismatch at step {step}: {where}"),
    QT_TRANSLATE_NOOP("CoreMessages", "device mismatch: {where}"),
    QT_TRANSLATE_NOOP("CoreMessages", "layer {name} ({kind})"),
    QT_TRANSLATE_NOOP("CoreMessages", "no gradients yet: press Backward before Step"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "out of memory on {device} at step {step}: try a smaller batch size or a smaller model ({text})",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "out of memory on {device}: try a smaller batch size or a smaller model ({text})",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "the model"),
    QT_TRANSLATE_NOOP("CoreMessages", "the {loss} loss failed at step {step}: {text}"),
    QT_TRANSLATE_NOOP("CoreMessages", "the {loss} loss failed: {text}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{kind} at step {step}: {text}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{what} at step {step} cannot take input of shape {shape}: {text}"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{what} cannot take input of shape {shape}: {text}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{loss} needs outputs (batch, classes), got {shape}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{loss}: class labels of shape {labels} do not match outputs {shape}"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{loss}: labels go up to {top} but the model gives {classes} class scores; make the last layer {wide} wide",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{loss} needs class labels; the targets are real numbers of shape {shape} (pick a classification dataset, or MSE)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{loss}: labels {labels} do not fit outputs {shape}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{loss}: labels go up to {top} but the output has only {columns} columns for one-hot targets",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{loss}: the output has shape {shape} but the target has shape {target}; make the last layer {wide} wide",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "the learning rate must be positive, got {lr}"),
    QT_TRANSLATE_NOOP("CoreMessages", "momentum and weight decay must be 0 or more"),
    QT_TRANSLATE_NOOP("CoreMessages", "the model has no parameters to optimize"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{key} is a {type_name}, which is not a layer of the palette; only torch.nn layers the app knows can go into a Sequential",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{key} is a lazy layer ({type_name}); run a forward first",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "cannot read the arguments of {key} ({type_name}): {reason}",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "cannot read the arguments of {key}: {given} came back as {rebuilt}",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "torch.fx cannot trace {cls}.forward ({first}); its control flow depends on the data, so it is not a fixed chain of layers",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{cls}.forward takes {n} inputs; a Sequential takes one"),
    QT_TRANSLATE_NOOP("CoreMessages", "{cls}.forward does not return the last step's result"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{cls}.forward uses the tensor self.{target} directly; a Sequential holds only layers",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{cls}.forward is not a straight chain: {step} does not take just the previous step's result (a skip connection, or several inputs)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{cls}.forward calls {target} twice; a Sequential would list its weights under two keys, which the class does not have",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{cls}.forward calls {step}, which has no layer in the palette",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{cls}.forward calls {step} with arguments a {type_name} layer cannot take",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{cls} has {key} with weights that forward never uses; the Sequential would not have its keys",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{cls} holds tensors of its own; a Sequential holds only layers",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name} is used in two separate places of the chain; a Sequential holds each child once",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}: its forward cannot be read as one input, one output",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: {func}"),
    QT_TRANSLATE_NOOP("CoreMessages", "the input of {what}"),
    QT_TRANSLATE_NOOP("CoreMessages", "the output of {what}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{what}: takes {got}, not {expected} (not a chain)"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: forward calls {func}, which is not a child"),
    QT_TRANSLATE_NOOP("CoreMessages", "several values"),
    QT_TRANSLATE_NOOP("CoreMessages", "{first} and {second}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}: the outputs of {joined} are joined with {func} (branches, not a chain)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}: forward calls {func} with arguments a layer lacks",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{late}: its output is added to {early} ({kind})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{late}: its output is subtracted from {early} ({kind})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{late}: its output is multiplied by {early} ({kind})"),
    QT_TRANSLATE_NOOP("CoreMessages", "a residual"),
    QT_TRANSLATE_NOOP("CoreMessages", "not a chain"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: forward calls {func} (not a layer)"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: forward computes {code} (not a layer)"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: forward has {code}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}: forward does not return its last step's output",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: the TorchScript archive asks for {what}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: unknown TorchScript storage {pid}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not a TorchScript archive"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is a damaged TorchScript archive ({detail})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{what} is not a module"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}: called again through a traced copy of its forward that does not compute the same chain (not a chain)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{where} contains itself: not a chain"),
    QT_TRANSLATE_NOOP("CoreMessages", "the model has too many layers in use (limit: {n})"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{key} shares its tensors with {first}, but the two layers differ (the app ties whole, equal layers)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{where} is never called in forward: not a chain"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}.{tname} is the same tensor as {other}.{oname}, but the two layers do not share all their tensors (the app ties whole layers)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where} is a {origin}: its forward is code, not a chain of torch.nn layers (only nn.Sequential models of torch.nn layers are imported exactly)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{where} ({cls}) holds sub-modules {kinds}: not a chain"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where} is nn.{type}, which the app does not offer"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where} (nn.{type}): the file does not say its {arg}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where} (nn.{type}): {reason}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where} (nn.{type})"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}: {name}={theirs} cannot be rebuilt (the app makes {ours})",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}: the file has {name}, the rebuilt layer does not agree",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}: the file has no {name}, the rebuilt layer does not agree",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}: {name} has shape {theirs}, the rebuilt layer {ours}",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "the input"),
    QT_TRANSLATE_NOOP("CoreMessages", "input shape not in the file: (2, 20) assumed"),
    QT_TRANSLATE_NOOP("CoreMessages", "input shape not in the file: {shape} assumed"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "input length not in the file, and no size up to {limit} runs: 28 assumed",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "input size not in the file, and no size up to {limit} runs: 28 assumed",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "input length not in the file: {size} is the first common size that runs",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "input size not in the file: {size} is the first common size that runs",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{first}; {second}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "eps, momentum not in the file: PyTorch's defaults assumed",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{kind} assumed (no layer before it says 1d or 2d); {rest}",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "stride, padding, dilation not in the file: 1, 0, 1 assumed",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{rest}; groups={groups} inferred from the {channels} channels before it",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "PReLU assumed (a single weight, no bias)"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Flatten assumed (a convolution's output reaches a Linear)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{kind} assumed (--between {between})"),
    QT_TRANSLATE_NOOP("CoreMessages", "not in the file (no parameters): {why}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "the file does not say how this block's children connect: a chain assumed",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "layers after {last} have no parameters, so the file cannot show them: none added",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "from {key} (Linear in_features={n})"),
    QT_TRANSLATE_NOOP("CoreMessages", "from {key} (Conv1d in_channels={n}, length 32)"),
    QT_TRANSLATE_NOOP("CoreMessages", "from {key} (Conv2d in_channels={n}, 28x28)"),
    QT_TRANSLATE_NOOP("CoreMessages", "forward returned {kind}, not one tensor"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} holds {n} exported programs, not one"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is a damaged torch.export archive ({detail})"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: the exported program has tensor constants (not a chain)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: {fqn} is stored as a pickle, which the app does not run",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: {fqn} has a dtype the app does not read"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: the exported program takes a {kind} input (not a chain)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: the exported program is not one input, one output",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}: outputs are joined with {op} (branches, not a chain)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where}: computes {target} outside a layer the app offers",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "no input"),
    QT_TRANSLATE_NOOP("CoreMessages", "{first}, {second}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{where} (nn.{type}): computed as {target} with other arguments",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{where} runs twice in a way the app cannot tie"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: the output is not the last layer's output (not a chain)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: the exported program has no layers"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: a layer runs outside the model"),
    QT_TRANSLATE_NOOP("CoreMessages", "a block needs a name"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is too large for a block file"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot read {name}: {reason}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not a valid block file"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not an NN Explorer block"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} has no name"),
    QT_TRANSLATE_NOOP("CoreMessages", "run settings must be a mapping, got {kind}"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown loss {name}"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown input {name}"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown unit {name}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "the model is split across devices: {n1} is on {d1}, but {n2} is on {d2}",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "the target"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{what} is on {device}, but the model ({name} and the rest) is on {model_device}: move them to the same device",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{layer}: {tensor} holds NaN or Inf"),
    QT_TRANSLATE_NOOP("CoreMessages", "the loss is NaN or Inf"),
    QT_TRANSLATE_NOOP("CoreMessages", "{layer} outputs NaN or Inf"),
    QT_TRANSLATE_NOOP("CoreMessages", "the input batch holds NaN or Inf"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "the loss is NaN or Inf (the layers' outputs are finite: look at the targets and the loss)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "training stopped at step {step}: the loss became {value} ({where})",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "the root"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "no input shape: type one (like 2, 20) in the input card",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "the empty path names the model itself"),
    QT_TRANSLATE_NOOP("CoreMessages", "{key} is a layer, not a block"),
    QT_TRANSLATE_NOOP("CoreMessages", "no layer with id {id}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "input shape must be positive whole numbers, got {shape}",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "input shape has {n} dimensions; at most {limit} are supported",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "input shape dimensions must be at most {limit}"),
    QT_TRANSLATE_NOOP("CoreMessages", "dtype must be one of {choices}, got {dtype}"),
    QT_TRANSLATE_NOOP("CoreMessages", "blocks are nested more than {n} deep"),
    QT_TRANSLATE_NOOP("CoreMessages", "duplicate id {id}"),
    QT_TRANSLATE_NOOP("CoreMessages", "tied layers {a} and {b} differ"),
    QT_TRANSLATE_NOOP("CoreMessages", "a layer id must be a string, got {kind}"),
    QT_TRANSLATE_NOOP("CoreMessages", "a layer id must be at most {n} characters"),
    QT_TRANSLATE_NOOP("CoreMessages", "a layer must be an object, got {kind}"),
    QT_TRANSLATE_NOOP("CoreMessages", "a layer name must be a string"),
    QT_TRANSLATE_NOOP("CoreMessages", "a block must hold a list of layers"),
    QT_TRANSLATE_NOOP("CoreMessages", "a layer needs a 'type'"),
    QT_TRANSLATE_NOOP("CoreMessages", "a layer 'type' must be a string, got {kind}"),
    QT_TRANSLATE_NOOP("CoreMessages", "'args' must be an object"),
    QT_TRANSLATE_NOOP("CoreMessages", "a layer 'tie' must be a string, got {kind}"),
    QT_TRANSLATE_NOOP("CoreMessages", "a model must be a JSON object"),
    QT_TRANSLATE_NOOP("CoreMessages", "missing 'format_version'"),
    QT_TRANSLATE_NOOP("CoreMessages", "'layers' must be a list"),
    QT_TRANSLATE_NOOP("CoreMessages", "'input_shape' must be a list of whole numbers"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "'input_shape' has {n} dimensions; at most {limit} are supported",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "'dtype' must be a string like float32"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "the file holds a broken character (a lone UTF-16 surrogate)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "not valid JSON: {detail} at line {line}"),
    QT_TRANSLATE_NOOP("CoreMessages", "not usable JSON: {detail}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name} holds {entry} twice; refusing to guess which is right",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: {entry} is encrypted; NN Explorer reads plain archives only",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: {entry} is larger than its header says"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is a zip file without {entry}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is a damaged project archive ({detail})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} cannot be read: {detail}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{scheme} failed: {text}"),
    QT_TRANSLATE_NOOP("CoreMessages", "the project's weights do not fit its model: {problem}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "there is no tensor to save yet (run a forward pass first)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "a single-tensor file holds exactly one tensor"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "a safetensors file holds named tensors: choose the dict layout",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "the dataset needs at least 2 samples, got {n}"),
    QT_TRANSLATE_NOOP("CoreMessages", "the held-out fraction must be in [0, 1), got {value}"),
    QT_TRANSLATE_NOOP("CoreMessages", "noise must be 0 or more, got {value}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} needs at least 2 classes, got {n}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{loss} needs a target"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "cross-entropy needs outputs (batch, classes), got {shape}",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not a readable safetensors file ({detail})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not a readable safetensors file"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: bad header entry for {key}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: {detail}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: {entry} holds Python objects"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not a readable .npz file ({detail})"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "--{name} must be a whole number from {low} to {high}, got {value}",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "--{name} must be a finite number from {low}, below {high}; got {value}",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "--{name} must be a finite number from {low}, at most {high}; got {value}",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: a class has no project format; write a .pt state dict",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown target scope {scope}"),
    QT_TRANSLATE_NOOP("CoreMessages", "kind must be one of {choices}"),
    QT_TRANSLATE_NOOP("CoreMessages", "all parameters"),
    QT_TRANSLATE_NOOP("CoreMessages", "all weights"),
    QT_TRANSLATE_NOOP("CoreMessages", "all biases"),
    QT_TRANSLATE_NOOP("CoreMessages", "parameters"),
    QT_TRANSLATE_NOOP("CoreMessages", "weights"),
    QT_TRANSLATE_NOOP("CoreMessages", "biases"),
    QT_TRANSLATE_NOOP("CoreMessages", "{what} of layer {names}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{what} of every {names}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{what} matching {names}"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown loss {name}: use one of {choices}"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown optimizer {name}: use one of {choices}"),
    QT_TRANSLATE_NOOP("CoreMessages", "input kind must be one of {choices}, got {kind}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{keys} and {n} more"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{key} is {file_shape} in the file but {model_shape} in the model",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "missing {keys}"),
    QT_TRANSLATE_NOOP("CoreMessages", "unexpected {keys}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{detail} (and {n} more)"),
    QT_TRANSLATE_NOOP("CoreMessages", "{first}; {then}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where} must be a text or an object like {example}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: a check must be an object with a 'kind'"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: unknown check {kind} (known: {known})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: check {kind} needs {missing}"),
    QT_TRANSLATE_NOOP("CoreMessages", "a lesson must be a JSON object"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "lesson format {version} is newer than this app's ({supported})",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "a lesson needs an 'id'"),
    QT_TRANSLATE_NOOP("CoreMessages", "{lesson}: 'example' must be the name of an example file"),
    QT_TRANSLATE_NOOP("CoreMessages", "{lesson}: a lesson needs a list of at least one step"),
    QT_TRANSLATE_NOOP("CoreMessages", "{lesson}: step {n}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where} must be an object"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: 'target' must be an objectName"),
    QT_TRANSLATE_NOOP("CoreMessages", "{lesson} title"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: cannot read the lesson: {detail}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: another lesson already has the id {id}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: {entry} uses compression method {method}; NN Explorer reads stored or deflated members only",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: {entry} is {size} MiB unpacked, more than the {cap} MiB this machine allows",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: {entry} would expand {ratio} times (a zip bomb?); refusing to unpack it",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{key}: dtype {dtype} cannot be written to safetensors"),
    QT_TRANSLATE_NOOP("CoreMessages", "--args is not valid JSON: {detail} (write {example})"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "--args must be a JSON object (keywords) or list (positions)"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "-o {name}: this command writes {kinds}"),
    QT_TRANSLATE_NOOP("CoreMessages", "-o {name}: this command writes {kinds} ({what})"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "-o {path} is the input file {name}: writing would replace it"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "NN Explorer project"),
    QT_TRANSLATE_NOOP("CoreMessages", "a FIFO"),
    QT_TRANSLATE_NOOP("CoreMessages", "a device"),
    QT_TRANSLATE_NOOP("CoreMessages", "a folder"),
    QT_TRANSLATE_NOOP("CoreMessages", "a socket"),
    QT_TRANSLATE_NOOP("CoreMessages", "not a regular file"),
    QT_TRANSLATE_NOOP("CoreMessages", "{path} is {kind}, not a file: refusing to replace it"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "a tied layer is used in different blocks; as classes it would have to be passed between them. Export it as a Sequential instead",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot fit the model to {name}: {reason}"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot write {path}: no such folder {folder}"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot write {path}: the folder {folder} is not writable"),
    QT_TRANSLATE_NOOP("CoreMessages", "checkpoint (a state dict inside a dict)"),
    QT_TRANSLATE_NOOP("CoreMessages", "dict of tensors"),
    QT_TRANSLATE_NOOP("CoreMessages", "list of tensors"),
    QT_TRANSLATE_NOOP("CoreMessages", "single tensor"),
    QT_TRANSLATE_NOOP("CoreMessages", "state dict"),
    QT_TRANSLATE_NOOP("CoreMessages", "whole model"),
    QT_TRANSLATE_NOOP("CoreMessages", "object"),
    QT_TRANSLATE_NOOP("CoreMessages", "{n} items"),
    QT_TRANSLATE_NOOP("CoreMessages", "not kept in a .nnx.json project"),
    QT_TRANSLATE_NOOP("CoreMessages", "nn.Sequential read from the file (layers: {n})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{keys} (one storage)"),
    QT_TRANSLATE_NOOP("CoreMessages", "{keys} (stored once, named again in the aliases metadata)"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{keys} (the metadata names {dropped} as {kept}: how safetensors' save_model notes a shared tensor it left out; load_model fills it from the model)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "index {index} is out of range for dimension {dim} of size {size}"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "input {old} -> {new}"),
    QT_TRANSLATE_NOOP("CoreMessages", "layout must be one of {choices}"),
    QT_TRANSLATE_NOOP("CoreMessages", "mps is not available on this machine"),
    QT_TRANSLATE_NOOP("CoreMessages", "nothing to do: steps (or epochs) must be at least 1"),
    QT_TRANSLATE_NOOP("CoreMessages", "probe {name} failed: {detail}"),
    QT_TRANSLATE_NOOP("CoreMessages", "stopped after {seconds} s (an endless loop?)"),
    QT_TRANSLATE_NOOP("CoreMessages", "the batch size must be at least 1, got {got}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "the forward pass on a random input {shape} failed: {detail}"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "the probe's forward/backward failed: {detail}"),
    QT_TRANSLATE_NOOP("CoreMessages", "two outputs of this command are the same file"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown dataset {name}: use one of {choices} or a file"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name} is not a device name (try cpu, cuda:0, mps): {detail}"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not available: this machine has {n} CUDA device"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} is not available: this machine has {n} CUDA devices"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: X has shape {shape}; it needs (samples, features...)"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: a list must hold two tensors [X, y], it holds {n} items"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: expected a tensor, a list [X, y] or a dict with X and y, got {kind}",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: its header promises {need} bytes of data but the file holds {have}"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: only cpu, cuda:N and mps are supported"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{title} is a Python class: a project cannot hold it; save its state_dict (File > Save Weights) or convert it to Sequential",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{title} is a Python class: its dtype ({dtype}) comes from its code"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{title} is a Python class: its layers are read-only (Convert to Sequential makes an editable copy)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{kind}: {detail}"),
    QT_TRANSLATE_NOOP("CoreMessages", "the tensor is empty"),
    QT_TRANSLATE_NOOP("CoreMessages", "gradient: {detail}"),
    QT_TRANSLATE_NOOP("CoreMessages", "a dataset of {n} samples"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "this file was written by a newer NN Explorer (format {found}); this version reads format {supported} and older",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "this model"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown layer type {name}"),
    QT_TRANSLATE_NOOP("CoreMessages", "weights not loaded: {detail}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} settings not restored: {detail}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{title} is a Python class: convert it to Sequential to edit it"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{what} needs more memory than is free; this machine has {have}"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{what} needs {need}; this machine has {have}"),
)
