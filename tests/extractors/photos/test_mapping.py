from extractors.photos.mapping import ASSET_CLASS_CODES, imagenet_to_asset
from seed_data.world.assets import ASSET_CLASSES


def test_codes_are_the_ontologys_asset_classes():
    assert ASSET_CLASS_CODES == frozenset(ASSET_CLASSES)


def test_table_maps_known_imagenet_classes_only_onto_known_codes():
    table = imagenet_to_asset()
    assert table[867] == ("trailer truck", "tractor_trailer")
    assert table[561][1] == "forklift"
    assert 134 not in table          # crane the bird, not the machine (517)
    assert {code for _, code in table.values()} <= ASSET_CLASS_CODES
    assert all(0 <= i < 1000 for i in table)
