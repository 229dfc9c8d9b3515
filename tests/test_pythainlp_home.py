"""PyThaiNLP must not create ``~/pythainlp-data`` in the clerk's home, nor go online."""

from __future__ import annotations

import os
import subprocess
import sys


def test_word_breaking_leaves_the_home_folder_alone(tmp_path):
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHAINLP")}
    env.update(HOME=str(home), USERPROFILE=str(home), XDG_DATA_HOME=str(data),
               DLA_DRAFTER_DATA_DIR=str(data / "dla-drafter"))
    code = ("import os, dla_drafter\n"
            "from dla_drafter.text.wordbreak import default_breaker\n"
            "from pythainlp.tools import get_pythainlp_data_path\n"
            "assert default_breaker().break_points('กรมส่งเสริมการปกครองท้องถิ่น')\n"
            "print(get_pythainlp_data_path()); print(os.environ['PYTHAINLP_OFFLINE'])\n")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    where, offline = result.stdout.split()
    assert where == str(data / "dla-drafter" / "pythainlp")
    assert offline == "1"
    assert not (home / "pythainlp-data").exists()
    assert list(home.iterdir()) == []
