"""Visit requests made before reference codes existed get one when the database is migrated."""

import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("schools", "0003_content_editor_without_visit_requests")]
AFTER = [("schools", "0004_visit_request_reference_and_language")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_migrating_gives_every_earlier_request_its_own_reference():
    apps = migrate(BEFORE)
    fields = {
        "institution_level": "sma",
        "kecamatan": "srengat",
        "contact_name": "Wahyu",
        "contact_phone": "0812",
        "preferred_date": timezone.localdate(),
        "audience": "Siswa",
        "audience_size": 100,
    }
    for name in ("SMA Negeri 1 Srengat", "SMA Negeri 1 Talun"):
        apps.get_model("schools", "VisitRequest").objects.create(institution_name=name, **fields)
    try:
        apps = migrate(AFTER)
        references = list(apps.get_model("schools", "VisitRequest").objects.values_list("reference", flat=True))
        assert len(set(references)) == 2
        assert all(re.fullmatch(r"KNJ-[2-9A-Z]{4}-[2-9A-Z]{4}", reference) for reference in references)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
