"""The merchant assistant: offline Chinese understanding, a deterministic next-step policy, replies."""
