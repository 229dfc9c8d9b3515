"""Who the user is: identity in the config folder, a private key in the data folder."""

from __future__ import annotations

import json
import os
import stat

import pytest

from dla_drafter.review import identity


def test_key_is_created_on_first_use_private_and_stable(own_folders):
    assert identity.existing_signing_key() is None
    assert identity.own_public_key() is None  # reading never creates a key
    assert not identity.key_path().exists()
    key = identity.signing_key()
    path = identity.key_path()
    assert path.is_relative_to(own_folders / ("data" if os.name == "posix" else "localappdata"))
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = identity.signing_key()
    assert identity.own_public_key() is not None
    assert again.public_key().public_bytes_raw() == key.public_key().public_bytes_raw()


def test_identity_is_saved_in_the_config_folder(own_folders):
    assert identity.load_identity() == identity.Identity()
    me = identity.Identity("นางสาวศรีสุดา ใจดี", "หัวหน้าฝ่ายส่งเสริมการศึกษา", "หน.ฝ.กศ.")
    identity.save_identity(me)
    assert identity.identity_path().is_relative_to(
        own_folders / ("config" if os.name == "posix" else "localappdata"))
    assert identity.load_identity() == me
    assert me.display_name() == "นางสาวศรีสุดา ใจดี"


def test_damaged_key_file_is_a_clear_error_not_a_traceback(own_folders):
    identity.key_path().write_text("not a key", encoding="utf-8")
    with pytest.raises(identity.IdentityError) as caught:
        identity.signing_key()
    assert "กุญแจ" in caught.value.message_th
    assert str(identity.key_path()) in caught.value.message_en


def test_two_reviewers_have_two_keys_and_no_private_key_enters_the_draft(reviewers, memo_draft):
    draft = memo_draft
    head, director = reviewers["head"], reviewers["director"]
    assert head.run("review", "send", str(draft)).returncode == 0
    for who, role in ((head, "หน.ฝ.กศ."), (director, "ผอ.กศ.")):
        assert who.run("review", "whoami", "--name", f"ผู้ตรวจ {role}",
                       "--abbreviation", role).returncode == 0
        result = who.run("review", "approve", str(draft), "--role", role)
        assert result.returncode == 0, result.stderr
    key_files = [who.home / "data" / "dla-drafter" / "signing-key.pem" for who in (head, director)]
    assert all(f.is_file() for f in key_files)
    assert key_files[0].read_bytes() != key_files[1].read_bytes()
    keys = [head.public_key(), director.public_key()]
    assert keys[0] != keys[1]
    text = draft.read_text(encoding="utf-8")
    approvals = json.loads(text)["review"]["approvals"]
    assert [a["public_key"] for a in approvals] == keys
    for key_file in key_files:
        pem_body = "".join(key_file.read_text().splitlines()[1:-1])
        assert pem_body not in text
        assert "PRIVATE" not in text
