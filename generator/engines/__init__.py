"""Adapters that place the core's pages in a static-site engine's theme."""
