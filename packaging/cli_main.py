"""Entry of the installed ``dla-drafter-cli`` (console): the same as ``python -m dla_drafter``.

With a command (``render``, ``check`` …) it runs it; with no argument or a draft file it opens
the desktop program, as the unfrozen ``dla-drafter`` does.
"""

from dla_drafter.cli import entry

if __name__ == "__main__":
    entry()
