from extractors.verify.tamper import THRESHOLD, check_tamper, find_tamper


def _centre_inside(box, patch, margin=0.03):
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return patch[0] - margin <= cx <= patch[2] + margin and patch[1] - margin <= cy <= patch[3] + margin


def test_an_edited_amount_is_found_where_it_was_pasted(shots):
    tampered = shots["tamper_clean"]
    finding = find_tamper(tampered.image)
    assert _centre_inside(finding.box, tampered.truth["alteration"]["box"])


def test_the_same_page_unedited_passes_and_a_finding_says_where(shots):
    assert check_tamper(shots["clean"].image).passed is True
    assert check_tamper(shots["phone"].image).passed is True
    assert THRESHOLD > find_tamper(shots["clean"].image).score


def test_tampered_page_scores_above_its_genuine_twin(shots):
    assert find_tamper(shots["tamper_clean"].image).score > find_tamper(shots["clean"].image).score
