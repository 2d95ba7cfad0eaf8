from datetime import date

from extractors.photos import recognise_photo
from extractors.photos.efficientnet import EfficientNetRecogniser
from extractors.photos.recogniser import Recognition
from extractors.verify.context import MerchantContext


class NoVehicles:
    """A bank's own detector, plugged in through the protocol (here: one that never fires)."""

    name = "bank-detector"

    def recognise(self, image):
        return ()


def _context(merchant):
    return MerchantContext(merchant_id=merchant.merchant_id, registered_name=merchant.name,
                           registered_uscc=merchant.uscc, as_of=date(2026, 6, 30))


def test_a_shop_sign_naming_the_merchant_makes_a_shop_front(photos):
    shop = photos["shop_front"]
    result = recognise_photo(shop.image, document=shop.document, recogniser=EfficientNetRecogniser(),
                             context=_context(shop.merchant))
    assert result.asset_class == "shop_front" and result.sign_matches


def test_a_model_code_names_the_machine(photos):
    machine = photos["machine"]
    result = recognise_photo(machine.image, document=machine.document, recogniser=NoVehicles(),
                             context=_context(machine.merchant))
    assert result.asset_class == machine.photo_class
    assert result.recognitions[0].source.startswith("text:model_code")


def test_nothing_recognised_is_an_honest_none(photos):
    # A sign that cannot be matched (no merchant context), no plate, a detector that sees nothing.
    shop = photos["shop_front"]
    result = recognise_photo(shop.image, document=shop.document, recogniser=NoVehicles(), context=None)
    assert result.asset_class is None and not result.plates


def test_recognitions_are_validated():
    import pytest
    with pytest.raises(ValueError, match="confidence"):
        Recognition("van", 1.5, "x")
