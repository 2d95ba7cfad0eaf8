from api.assistant.lexicon import ASSET_CLASS_CODES, ASSET_NAMES_ZH, ASSET_WORDS, VEHICLE_CLASSES
from seed_data.world.assets import ASSET_CLASSES, vehicle_classes


def test_asset_codes_are_the_ontologys():
    assert ASSET_CLASS_CODES == tuple(ASSET_CLASSES)
    assert set(VEHICLE_CLASSES) == set(vehicle_classes())


def test_every_asset_word_maps_to_a_known_class_with_a_chinese_name():
    for word, code in ASSET_WORDS:
        assert code in ASSET_CLASS_CODES or code == "vehicle", word
        assert code in ASSET_NAMES_ZH
