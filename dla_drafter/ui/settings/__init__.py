"""The settings dialog (ตั้งค่า): interface language and the agency profiles."""
