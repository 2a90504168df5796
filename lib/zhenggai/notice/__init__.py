"""The parts of one rectification notice, read from its text (third layer)."""
