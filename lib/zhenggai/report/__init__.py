"""Figures and the static HTML report (sixth layer)."""
