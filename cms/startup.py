"""Entry points share one rule: a configuration error ends start-up with its one sentence."""

import sys

from cms.settings.env import ConfigError


def exit_on_config_error(func):
    def run(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            sys.stderr.write(f"Configuration error: {exc}\n")
            sys.exit(2)

    return run
