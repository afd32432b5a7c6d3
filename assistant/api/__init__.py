"""The store's HTTP API (``voicecart serve``): catalog, orders, API keys with roles."""
