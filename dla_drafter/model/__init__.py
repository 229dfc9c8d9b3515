"""The letter model and the draft file format (no Qt here)."""
