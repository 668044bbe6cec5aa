"""The widgets app's models, defined by concern in sub-packages."""

from .budget.models import BudgetDocument, BudgetIndexPage
from .monitoring.models import Metric, Reading, Station
from .stats.models import DailyVisits, RecentVisitor, VisitCounter
from .weather.models import City, Forecast

__all__ = [
    "BudgetDocument",
    "BudgetIndexPage",
    "City",
    "DailyVisits",
    "Forecast",
    "Metric",
    "Reading",
    "RecentVisitor",
    "Station",
    "VisitCounter",
]
