"""A package, so a test module here may share its name with one elsewhere (merge/ and
settings/ each have a test_dialog.py): pytest imports test modules by name."""
