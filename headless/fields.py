"""``APIField(name, serializer=typed(T))`` for a computed attribute: API v2 serialises it as
before, and the v3 OpenAPI document types it as ``T`` instead of ``Any``."""

from rest_framework import serializers


def typed(python_type):
    class TypedField(serializers.Field):
        def __init__(self, **kwargs):
            super().__init__(read_only=True, **kwargs)

        def to_representation(self, value):
            return value

    TypedField.to_representation.__annotations__["return"] = python_type
    TypedField.__name__ = f"Typed[{getattr(python_type, '__name__', python_type)}]"
    return TypedField()
