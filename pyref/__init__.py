"""pyref: the executable reference of the verified Hopfield / Boltzmann specification.

Every public function mirrors a definition of the Lean library ``Hopfield`` (``lean/``)
or is a property-tested extension; docstrings name the spec ids (T1-T7, B1-B5).
"""

__version__ = "0.1.0"
