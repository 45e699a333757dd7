"""Checks of the text a notice publishes: injected spam (``spam``) and the normalisation it matches on."""
