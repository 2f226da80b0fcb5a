"""The store suite uses the shared backend fixtures of tests/conftest.py (``store_url``, ``postgres_url``)."""
