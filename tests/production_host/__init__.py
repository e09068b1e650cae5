"""The demo site under its production settings with one URL more, a view that fails, so
that tests/test_production.py sees what a server error writes to the log."""
