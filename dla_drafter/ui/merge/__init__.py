"""Batch letters: the merge dialog, and «column» fields inserted and marked in the form."""
