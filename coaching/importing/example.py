"""The example file HR downloads: the columns, and three Customer Service new hires who
start within the next weeks (the demo's enrolment rule assigns them their paths)."""

from datetime import timedelta

import tablib
from django.utils import timezone

HEADERS = ["name", "email", "start date", "unit", "job title", "coach", "buddy"]
DOMAIN = "nusantaraconnect.example"
# (name, address, start in days from today, buddy), all in Customer Service, coached by
# its lead. None of them is one of the demo's people.
PEOPLE = [
    ("Putri Maharani", "putri.maharani", 14, "dewi.lestari"),
    ("Yusuf Ramadhan", "yusuf.ramadhan", 21, ""),
    ("Sekar Ayuningtyas", "sekar.ayuningtyas", 35, "agus.setiawan"),
]


def example_rows() -> tablib.Dataset:
    today = timezone.localdate()
    dataset = tablib.Dataset(headers=HEADERS)
    for name, address, days, buddy in PEOPLE:
        dataset.append(
            [
                name,
                f"{address}@{DOMAIN}",
                (today + timedelta(days=days)).isoformat(),
                "Customer Service",
                "Customer Service Agent",
                f"citra.wulandari@{DOMAIN}",
                f"{buddy}@{DOMAIN}" if buddy else "",
            ]
        )
    return dataset


def example_csv() -> bytes:
    return str(example_rows().export("csv")).encode("utf-8")


def example_xlsx() -> bytes:
    return bytes(example_rows().export("xlsx"))
