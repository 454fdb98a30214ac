"""Load and render run with the cycle collector paused (atlas.gc_pause), and it is back on afterwards,
also after an error, and left off if it was off."""

from __future__ import annotations

import gc

import pytest

from atlas.gc_pause import paused_gc
from atlas.load import load_site
from atlas.render import Renderer


def test_paused_during_the_call_and_back_after_it_even_after_an_error():
    seen = []

    @paused_gc
    def work(fail: bool):
        seen.append(gc.isenabled())
        if fail:
            raise ValueError("bad content")

    assert gc.isenabled()
    work(False)
    with pytest.raises(ValueError):
        work(True)
    assert seen == [False, False] and gc.isenabled()
    gc.disable()
    try:
        work(False)
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()


def test_load_and_render_are_the_paused_ones():
    assert load_site.__wrapped__ and Renderer.render_site.__wrapped__
