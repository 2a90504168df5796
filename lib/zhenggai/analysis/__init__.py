"""Analysis of the processed tables: tokens, codebook, problem types, summaries (fifth layer)."""
