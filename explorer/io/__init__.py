"""Files and devices: project files, checkpoints, tensor files, device discovery. No Qt."""
