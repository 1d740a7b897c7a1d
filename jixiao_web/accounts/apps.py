from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "jixiao_web.accounts"
    label = "accounts"
    verbose_name = "组织与用户"

    def ready(self) -> None:
        from jixiao_web.accounts import signals  # noqa: F401  (login audit)
