"""A folder of notices to the dataset's tables on disk, and loading them back (fourth layer)."""
