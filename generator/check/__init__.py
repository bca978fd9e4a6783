"""Stage 1: load the YAML, check it against the model, resolve references into the catalogue; every problem in Norwegian with file and line."""
