"""Analyses of argument maps: pure functions of the map."""
