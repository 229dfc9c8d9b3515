"""A package, so a test module here may share its name with one elsewhere: pytest imports
test modules by name."""
