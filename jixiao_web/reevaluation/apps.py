from django.apps import AppConfig


class ReevaluationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jixiao_web.reevaluation"
    verbose_name = "抽查复核"
