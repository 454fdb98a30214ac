"""Exercise pictures are kept between builds (atlas.pose_cache): the same picture with or without the
cache, a pose with problems is checked afresh every time, and an edit to the drawing code draws again."""

from __future__ import annotations

import pytest

from atlas import disk_cache, pose, pose_cache
from atlas.pose_schema import Picture

LYING_ON_A_BALL = {"position": "lying-back", "stage": "start",
                   "joints": {"right_hip": {"flexion": 45}, "right_knee": {"flexion": 90},
                              "left_hip": {"flexion": 45}, "left_knee": {"flexion": 90}},
                   "props": [{"item": "ball", "under": "right-upper-buttock"}]}


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_POSE_CACHE", str(tmp_path / "poses"))
    for kept in (pose_cache.CHECKED, pose_cache.DRAWN):
        monkeypatch.setattr(kept, "made", {})
    return tmp_path / "poses"


def a_new_process(monkeypatch) -> None:
    for kept in (pose_cache.CHECKED, pose_cache.DRAWN):
        monkeypatch.setattr(kept, "made", {})


def test_a_cached_picture_is_the_picture_drawn_afresh(cache, monkeypatch):
    picture = Picture.model_validate(LYING_ON_A_BALL)
    first = pose_cache.svg(picture)
    assert first == pose.svg(pose.solve(picture), pose.describe(picture))
    assert len(list(cache.glob("*.svg"))) == 1 and len(list(cache.glob("*.txt"))) == 1
    a_new_process(monkeypatch)
    monkeypatch.setattr(pose, "solve", lambda p: pytest.fail("solved again, not read from the cache"))
    assert Picture.model_validate(LYING_ON_A_BALL).model_dump() == picture.model_dump()  # checked from the cache
    assert pose_cache.svg(Picture.model_validate(LYING_ON_A_BALL)) == first


def test_a_pose_with_problems_is_never_remembered(cache, monkeypatch):
    floating = LYING_ON_A_BALL | {"props": [{"item": "ball", "under": "right-upper-buttock-typo"}]}
    for _ in range(2):
        with pytest.raises(ValueError, match="unknown body point 'right-upper-buttock-typo'"):
            Picture.model_validate(floating)
        a_new_process(monkeypatch)
    assert not list(cache.glob("*"))


def test_an_edit_to_the_drawing_code_draws_every_picture_again(cache, monkeypatch):
    picture = Picture.model_validate(LYING_ON_A_BALL)
    pose_cache.svg(picture)
    a_new_process(monkeypatch)
    edited = disk_cache.DiskCache("poses", "ATLAS_POSE_CACHE", "drawn by another version", pose_cache.DRAWN.looks_whole)
    monkeypatch.setattr(pose_cache, "DRAWN", edited)
    drawn = []
    monkeypatch.setattr(pose, "svg", lambda solved, label: drawn.append(label) or "<svg ></svg>")
    pose_cache.svg(picture)
    assert drawn, "the picture was read from a cache made by other drawing code"


def test_a_damaged_cache_file_is_drawn_again(cache, monkeypatch):
    picture = Picture.model_validate(LYING_ON_A_BALL)
    whole = pose_cache.svg(picture)
    (damaged,) = cache.glob("*.svg")
    damaged.write_text('<svg viewBox="0 0')  # a half-written file
    a_new_process(monkeypatch)
    assert pose_cache.svg(picture) == whole


def test_the_code_version_covers_the_drawing_and_its_schema():
    assert set(pose_cache._DRAWING_CODE) == {"pose.py", "pose_schema.py"}
    for name in pose_cache._DRAWING_CODE:
        assert (pose_cache.Path(pose_cache.__file__).parent / name).is_file()
