"""AuditLog.target_key: which object a line is about, by key rather than by its name.

Existing lines about a submission get their key where the name names exactly one
submission; a name shared by several (same unit and round names in two regions) stays
unkeyed rather than be shown on the wrong form's history.
"""

from collections import Counter

from django.db import migrations, models


def _name(s) -> str:  # Submission.__str__ as it was when these lines were written
    if s.project:
        return f"{s.unit.name} · {s.project} · {s.round.title}"
    return f"{s.unit.name} · {s.round.title}"


def backfill(apps, schema_editor) -> None:
    Submission = apps.get_model("evaluations", "Submission")
    AuditLog = apps.get_model("accounts", "AuditLog")
    names = {
        s.pk: _name(s)[:200]
        for s in Submission.objects.select_related("unit", "round").only(
            "project", "unit__name", "round__title"
        )
    }
    counts = Counter(names.values())
    for pk, name in names.items():
        if counts[name] == 1:
            AuditLog.objects.filter(target=name, target_key="").update(
                target_key=f"evaluations.submission:{pk}"
            )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("evaluations", "0003_submission_overview_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditlog",
            name="target_key",
            field=models.CharField(
                blank=True, db_index=True, max_length=100, verbose_name="对象标识"
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
