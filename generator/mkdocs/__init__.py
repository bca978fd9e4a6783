"""Stage 5: the thin glue inside the MkDocs build: hooks, theme fixes, the Content-Security-Policy, Pagefind."""
