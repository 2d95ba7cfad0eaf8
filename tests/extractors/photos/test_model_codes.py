from extractors.photos.model_codes import classes_from_text


def test_machine_model_codes_name_their_kind():
    codes = {r.asset_class for r in classes_from_text(("三一 SY215C", "柳工 ZL50G", "合力 CPCD30", "徐工 QY25K"))}
    assert codes == {"excavator", "loader", "forklift", "crane"}


def test_vehicle_model_codes_under_gb_9417():
    assert [r.asset_class for r in classes_from_text(("SYM5310GJB",))] == ["concrete_mixer"]
    assert [r.asset_class for r in classes_from_text(("SY5310GJB",))] == ["concrete_mixer"]
    assert [r.asset_class for r in classes_from_text(("ZZ3257N3847",))] == ["dump_truck"]


def test_plain_text_names_nothing():
    assert classes_from_text(("老王五金店", "营业时间 8:00-22:00")) == ()
