"""The outbox moved from the reports app: migrating copies its emails, pending and sent, with their report."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("outbox", "0001_initial"), ("reports", "0008_report_language_choices")]
AFTER = [("outbox", "0002_copy_report_emails"), ("reports", "0009_emails_moved_to_outbox")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_migrating_copies_the_report_emails_into_the_outbox():
    apps = migrate(BEFORE)
    Report = apps.get_model("reports", "Report")
    report = Report.objects.create(
        reference="LPR-AAAA-BBBB", category="overstay", description="x" * 40, first_response_due=timezone.localdate()
    )
    old = apps.get_model("reports", "EmailNotification").objects
    old.create(report=report, to="siti@example.com", subject="Pembaruan", body_text="Teks", attempts=2, last_error="x")
    old.create(to="piket@example.go.id", subject="Terkirim", body_text="Teks", sent_at=timezone.now())
    try:
        apps = migrate(AFTER)
        emails = apps.get_model("outbox", "Email").objects.order_by("pk")
        pending, sent = emails
        assert (pending.to, pending.subject, pending.attempts, pending.last_error) == (
            "siti@example.com",
            "Pembaruan",
            2,
            "x",
        )
        assert (pending.about_type.app_label, pending.about_type.model, pending.about_id) == (
            "reports",
            "report",
            report.pk,
        )
        assert sent.sent_at is not None and sent.about_type is None and sent.about_id is None
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
