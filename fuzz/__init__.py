"""Fuzz targets for every parser that takes untrusted bytes (see fuzz/targets.py)."""
