from extractors.verify.recapture import THRESHOLD, check_recapture, recapture_features


def test_screen_recapture_scores_above_a_direct_photo_of_the_same_page(shots):
    screen = recapture_features(shots["screen"].image)
    assert screen.score() >= THRESHOLD > recapture_features(shots["phone"].image).score()
    assert screen.scores()["screen"] >= THRESHOLD


def test_print_recapture_is_caught_and_named(shots):
    result = check_recapture(shots["print"].image)
    assert result.passed is False and result.severity == "hard"
    assert "print" in result.detail_en or "photocopy" in result.detail_en


def test_genuine_captures_pass(shots):
    for name in ("clean", "phone", "original"):
        result = check_recapture(shots[name].image)
        assert result.passed is True, (name, result)
