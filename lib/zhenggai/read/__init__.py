"""Reading files of any supported format and encoding into plain text (first layer)."""
