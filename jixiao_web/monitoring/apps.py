from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jixiao_web.monitoring"
    verbose_name = "绩效运行监控"
