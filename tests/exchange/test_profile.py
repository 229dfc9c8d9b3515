"""The agency profile's e-CMS settings: kept through a save, tolerant of old or hand-written
files, and what the sender is made of."""

from __future__ import annotations

import json

from dla_drafter.app_settings import (
    AgencyProfile,
    EcmsIdentity,
    read_profile_file,
    write_profile_file,
)
from dla_drafter.exchange import Party, sender_party


def test_the_ecms_settings_survive_a_save(tmp_path):
    profile = AgencyProfile(profile_name="ทดสอบ", name="กรมทดสอบ")
    profile.ecms = EcmsIdentity("15", "15008", "สมศรี", "รักงาน", "เจ้าพนักงานธุรการ")
    path = tmp_path / "p.json"
    write_profile_file(profile, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["ecms"] == {"ministry_code": "15", "department_code": "15008",
                            "given_name": "สมศรี", "family_name": "รักงาน",
                            "job_title": "เจ้าพนักงานธุรการ"}
    assert read_profile_file(path).ecms == profile.ecms


def test_old_and_hand_written_profiles_load():
    assert AgencyProfile.from_dict({"name": "x"}).ecms == EcmsIdentity()
    assert AgencyProfile.from_dict({"ecms": "15"}).ecms == EcmsIdentity()
    loose = AgencyProfile.from_dict({"ecms": {"ministry_code": 15, "department_code": None,
                                              "job_title": "ผอ.", "unknown": 1}})
    assert loose.ecms == EcmsIdentity(ministry_code="15", job_title="ผอ.")


def test_sender_party_from_the_profile_and_flags():
    profile = AgencyProfile(ecms=EcmsIdentity(" ๑๕ ", "15008", " สมศรี ", "", ""))
    assert sender_party(profile) == Party("สมศรี", "", "", "15", "15008")
    assert sender_party(profile, "16", "16001") == Party("สมศรี", "", "", "16", "16001")
    assert sender_party(profile, "", None).ministry_code == "15"  # an empty flag is no flag
