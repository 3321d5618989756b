"""End-to-end tests in Debian's Chromium (see conftest.py)."""
