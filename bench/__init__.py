"""Benchmarks: figures printed for people to read, never timed assertions in tests."""
