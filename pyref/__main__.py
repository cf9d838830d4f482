"""``python -m pyref``: the command line interface (:func:`pyref.cli.main`)."""

import sys

from .cli import main

sys.exit(main())
