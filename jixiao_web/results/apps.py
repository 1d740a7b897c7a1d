from django.apps import AppConfig


class ResultsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jixiao_web.results"
    verbose_name = "结果应用"
