from django.apps import AppConfig


class TargetsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jixiao_web.targets"
    verbose_name = "绩效目标申报"
