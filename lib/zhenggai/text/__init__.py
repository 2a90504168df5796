"""Cleaning text and reading the values printed in it: numerals and dates (second layer)."""
