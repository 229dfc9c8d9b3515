"""Guards an office can set: open comments before approving, numbering before approval,
a certificate that is not the signer's."""

from __future__ import annotations

import copy

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dla_drafter.review import actions
from dla_drafter.review.guards import approve_guard, numbering_guard, signer_guard
from dla_drafter.review.integrity import Keyring, Reviewer, public_key_text

KEY = Ed25519PrivateKey.generate()
HEAD = Reviewer("นางสาวศรีสุดา ใจดี", "", "หน.ฝ.กศ.")
TRUSTED = Keyring({public_key_text(KEY.public_key()): HEAD})


def test_approve_guard_names_each_open_comment(memo):
    letter = copy.deepcopy(memo)
    assert approve_guard(letter) == []
    first = actions.add_comment(letter, "subject", letter.subject[:5], "สั้นลง", author="ก")
    second = actions.add_comment(letter, "body[0]", letter.body[0][:5], "เพิ่มเลขที่",
                                 author="ข")
    actions.set_resolved(letter, first)
    [problem] = approve_guard(letter)
    assert problem.field == "body[0]" and problem.code == "approve-open-comment"
    assert second in problem.message("th") and "เพิ่มเลขที่" in problem.message("en")
    actions.set_resolved(letter, second)
    assert approve_guard(letter) == []


def test_numbering_guard_warns_or_refuses_until_approved_here(memo):
    letter = copy.deepcopy(memo)
    actions.send_for_review(letter, by="สมศรี")
    [warning] = numbering_guard(letter, TRUSTED)
    assert warning.severity == "warning" and "รอตรวจ" in warning.message("th")
    [error] = numbering_guard(letter, TRUSTED, only_after_approval=True)
    assert error.is_error and "in review" in error.message("en")
    actions.approve_as(letter, HEAD, KEY)
    assert numbering_guard(letter, TRUSTED, only_after_approval=True) == []
    # approved, but not on a PC that does not trust the key
    [error] = numbering_guard(letter, Keyring(), only_after_approval=True)
    assert "key not trusted here" in error.message("en")
    [warning] = numbering_guard(copy.deepcopy(memo), None)  # never reviewed at all
    assert "ร่าง" in warning.message("th")


@pytest.mark.parametrize("certificate", [
    "นางสาวศิริพร ใจดีงาม", "(นางสาวศิริพร  ใจดีงาม)", "ศิริพร ใจดีงาม",
])
def test_signer_guard_accepts_the_same_person_spelt_with_or_without_title(memo, certificate):
    assert memo.signer.name == "นางสาวศิริพร ใจดีงาม"
    assert signer_guard(memo, certificate) == []


def test_signer_guard_warns_with_both_names(memo):
    [problem] = signer_guard(memo, "นายสมชาย ใจดี")
    assert problem.severity == "warning" and problem.field == "signer.name"
    assert "นายสมชาย ใจดี" in problem.message("th") and "นางสาวศิริพร ใจดีงาม" in problem.message("th")
    assert signer_guard(memo, "Somchai Jaidee")[0].code == "signer-mismatch"
    english = copy.deepcopy(memo)
    english.signer.name = "Mr. Somchai Jaidee"
    assert signer_guard(english, "SOMCHAI JAIDEE") == []
    assert signer_guard(english, "Drew Smith")  # a name that starts like a title
    nobody = copy.deepcopy(memo)
    nobody.signer.name = ""
    [problem] = signer_guard(nobody, "นายสมชาย ใจดี")
    assert problem.code == "signer-missing" and "นายสมชาย ใจดี" in problem.message("th")
