"""Entry of the installed ``dla-drafter`` (windowed): always the desktop program.

Every argument goes to the window (draft files from a double-click or "Open with", and
``--smoke-test``), so a draft can never be taken for a command; commands are
``dla-drafter-cli``'s job.
"""

import sys

from dla_drafter.cli import open_window

if __name__ == "__main__":
    sys.exit(open_window(sys.argv[1:]))
