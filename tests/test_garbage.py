import gc

import pytest

from leadership_cards.garbage import fewer_collections


def test_the_threshold_is_raised_inside_and_restored_after_even_on_an_error():
    before = gc.get_threshold()
    with pytest.raises(ValueError), fewer_collections():
        assert gc.get_threshold()[0] >= 20_000
        assert gc.get_threshold()[1:] == before[1:]
        raise ValueError
    assert gc.get_threshold() == before


def test_a_nested_block_leaves_the_outer_setting():
    before = gc.get_threshold()
    with fewer_collections():
        outer = gc.get_threshold()
        with fewer_collections():
            pass
        assert gc.get_threshold() == outer
    assert gc.get_threshold() == before
