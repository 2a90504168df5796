"""`python -m zhenggai` runs the `zhenggai` command."""

import sys

from zhenggai.cli import main

sys.exit(main())
