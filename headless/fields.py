"""``APIField(name, serializer=typed(T))`` for a computed attribute: API v2 serialises it as
before, and the v3 OpenAPI document types it as ``T`` instead of ``Any``. ``ImageField`` and
``add_image_api_fields`` put the one image shape (``headless.schemas``) on page fields and on
Wagtail's image endpoints."""

from rest_framework import serializers

from .schemas import ImageWithRenditions, image_data, image_without_renditions


def typed(python_type):
    class TypedField(serializers.Field):
        def __init__(self, **kwargs):
            super().__init__(read_only=True, **kwargs)

        def to_representation(self, value):
            return value

    TypedField.to_representation.__annotations__["return"] = python_type
    TypedField.__name__ = f"Typed[{getattr(python_type, '__name__', python_type)}]"
    return TypedField()


class ImageField(serializers.Field):
    """An image as ``ImageWithRenditions`` (the one image shape of every response), for
    ``APIField("hero_image", serializer=ImageField())``. Alt text is in the language of the
    page that holds the image (the active language otherwise)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        image = super().get_attribute(instance)
        if image is None:
            return None
        locale = getattr(instance, "locale", None)
        return image, getattr(locale, "language_code", None)

    def to_representation(self, value) -> ImageWithRenditions:
        image, language = value
        return image_data(image, language, self.context.get("request"))


class ImageShapeField(serializers.Field):
    """One member of ``ImageWithRenditions`` on an image itself (``/api/v3/images/``)."""

    def __init__(self, member, **kwargs):
        self.member = member
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, image):
        shape = getattr(image, "_api_image_shape", None)
        if shape is None:  # the members share one computation per image
            shape = image._api_image_shape = image_data(
                image,
                request=self.context.get("request"),
                missing=image_without_renditions(image),
            )
        return shape[self.member]


def image_member(member):
    """``ImageShapeField(member)`` typed in the v3 OpenAPI document as the member's type."""

    class MemberField(ImageShapeField):
        def to_representation(self, image):
            return super().to_representation(image)

    annotation = ImageWithRenditions.model_fields[member].annotation
    MemberField.to_representation.__annotations__["return"] = annotation
    MemberField.__name__ = f"Image{member.capitalize()}Field"
    return MemberField(member)


IMAGE_MEMBERS = ("alt", "lang", "decorative", "renditions", "srcset")


def add_image_api_fields(image_model):
    """Give Wagtail's own image endpoints (``/api/v3/images/``, ``/api/v2/images/``) the
    members of the image shape the model lacks. Call before ``wagtail.images`` is ready (it
    builds the v3 image schema from ``api_fields`` then)."""
    from wagtail.api import APIField

    present = {getattr(f, "name", f) for f in getattr(image_model, "api_fields", ())}
    extra = [
        APIField(member, serializer=image_member(member))
        for member in IMAGE_MEMBERS
        if member not in present
    ]
    image_model.api_fields = [*getattr(image_model, "api_fields", ()), *extra]
