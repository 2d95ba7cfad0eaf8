"""A PDF's pages kept out of the worker's memory: the same pixels back, one page at a time."""
import numpy as np

from extractors.intake.stored_pages import StoredPages


def _page(seed: int) -> np.ndarray:
    page = np.full((1754, 1240, 3), 250, np.uint8)      # paper, with a block of print
    page[200:260, 100:1100] = np.random.default_rng(seed).integers(0, 80, (60, 1000, 3), dtype=np.uint8)
    return page


def test_pages_come_back_exactly_and_slices_read_the_same_file() -> None:
    pages = [_page(k) for k in range(4)]
    stored = StoredPages(pages)
    assert len(stored) == 4
    assert all(np.array_equal(stored[k], pages[k]) for k in range(4))
    assert np.array_equal(stored[-1], pages[-1])
    rest = stored[1:]
    assert isinstance(rest, StoredPages) and len(rest) == 3 and np.array_equal(rest[0], pages[1])
    assert [p.shape for p in rest] == [(1754, 1240, 3)] * 3
    del stored                                           # a slice keeps the pages readable
    assert np.array_equal(rest[2], pages[3])


def test_a_decoded_page_is_the_readers_own() -> None:
    stored = StoredPages([_page(0)])
    page = stored[0]
    page[:] = 0                                          # a reader that draws on its copy
    assert stored[0].max() == 250
