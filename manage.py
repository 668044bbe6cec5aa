#!/usr/bin/env python
import os
import sys

from cms.startup import exit_on_config_error


@exit_on_config_error
def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
