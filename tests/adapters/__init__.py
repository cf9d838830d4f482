"""Example adapters for the conformance kit (``pyref conform``): a correct one written
directly in numpy, and one with a planted classic bug that the kit must catch."""
