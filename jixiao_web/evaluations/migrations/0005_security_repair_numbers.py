# Repair what could be saved before jixiao.bounds (issue 10): on SQLite a figure larger than
# its DecimalField was committed, and from then on every read of that row raised
# InvalidOperation. Such figures are set to NULL (they are recomputed on the next save);
# PostgreSQL never stored them, so there this finds nothing.

from django.db import migrations

# table → (column, the smallest absolute value the column cannot hold)
TOO_LARGE = {
    "evaluations_submission": [
        ("self_score", "1000000"),
        ("computed_score", "1000000"),
        ("review_score", "1000000"),
        ("execution_rate", "100000000"),
    ],
    "evaluations_reviewscore": [("self_score", "1000000"), ("score", "1000000")],
}


def repair(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    quote = schema_editor.connection.ops.quote_name
    with schema_editor.connection.cursor() as cursor:
        for table, columns in TOO_LARGE.items():
            for column, limit in columns:
                c = quote(column)
                cursor.execute(
                    f"UPDATE {quote(table)} SET {c} = NULL WHERE {c} >= {limit} OR {c} <= -{limit}"
                )


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0004_entry_comment_reply"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
