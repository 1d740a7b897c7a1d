"""``python -m jixiao_web <command>``: Django's management commands (migrate, createsuperuser …)."""

import os
import sys

from django.core.management import execute_from_command_line

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao_web.settings")
execute_from_command_line([sys.argv[0], *sys.argv[1:]])
