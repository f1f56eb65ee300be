"""carcheck: checks CAR T-cell therapy prior-authorization packets (WNC.CP.192 Background I.A-F)."""

__version__ = "0.1.0"
