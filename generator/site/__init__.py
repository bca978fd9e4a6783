"""Stage 4: every output file of the site from the catalogue and its views: page addresses, formatting, templates, open data."""
