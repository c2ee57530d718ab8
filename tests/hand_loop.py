"""The training loop a person writes, for tests that compare the app with plain PyTorch."""

import torch


def hand_losses(net, X, y, optimizer, loss_fn, *, seed: int, batch_size: int, steps: int):
    """``steps`` steps over shuffled batches (``torch.manual_seed(seed)``, then a generator of
    that seed for the order, as the app's runs do); the loss of each step."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    losses = []
    while len(losses) < steps:
        for idx in torch.randperm(len(X), generator=g).split(batch_size):
            if len(losses) == steps:
                break
            optimizer.zero_grad()
            loss = loss_fn(net(X[idx]), y[idx])
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses
