"""Stage 3: what the pages show, computed from the catalogue as plain data (no Jinja, no HTML)."""
