"""Held-out document family for tests/test_holdout.py."""
