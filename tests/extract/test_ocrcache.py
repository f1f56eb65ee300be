"""The OCR cache on its own: keys, round trips, damage, privacy and pruning."""

from __future__ import annotations

import os
import stat
import time

from PIL import Image

from carcheck.extract.ocr import Engine, OcrWord, Recognised
from carcheck.ocrcache import MAX_AGE_DAYS, Cache, default_folder

ENGINE = Engine("/usr/bin/tesseract", "tesseract 5.3.0", osd=True)
READ = Recognised((OcrWord("Nonreactive", 10, 20, 90, 18, 93.5, (1, 2, 3)),), turned=180)


def test_a_reading_comes_back_as_it_was_put(tmp_path):
    cache = Cache(tmp_path)
    picture = Image.new("L", (40, 30), 255)
    key = cache.key(ENGINE, picture, 200.0)
    assert cache.get(key) is None
    cache.put(key, READ)
    assert cache.get(key) == READ


def test_the_key_is_the_picture_and_how_it_is_read(tmp_path):
    cache = Cache(tmp_path)
    white = Image.new("L", (40, 30), 255)
    dotted = white.copy()
    dotted.putpixel((3, 4), 0)
    key = cache.key(ENGINE, white, 200.0)
    assert key == cache.key(ENGINE, white.copy(), 200.0)
    assert key != cache.key(ENGINE, dotted, 200.0)  # one pixel changed
    assert key != cache.key(ENGINE, white, 300.0)
    newer = Engine(ENGINE.path, "tesseract 5.4.0", osd=True)
    assert key != cache.key(newer, white, 200.0)


def test_a_damaged_entry_is_a_miss_not_an_error(tmp_path):
    cache = Cache(tmp_path)
    key = "ab" + "0" * 38
    cache.put(key, READ)
    path = tmp_path / "ocr" / "ab" / f"{key}.json"
    path.write_text('{"words": [["cut', encoding="utf-8")
    assert cache.get(key) is None


def test_entries_are_private_and_old_ones_are_pruned(tmp_path):
    cache = Cache(tmp_path / "c")
    cache.put("aa" + "1" * 38, READ)
    cache.put("bb" + "2" * 38, READ)
    old = tmp_path / "c" / "ocr" / "aa" / ("aa" + "1" * 38 + ".json")
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "c").stat().st_mode) == 0o700
    long_ago = time.time() - (MAX_AGE_DAYS + 1) * 86400
    os.utime(old, (long_ago, long_ago))
    cache.prune()
    assert not old.exists()
    assert cache.get("bb" + "2" * 38) == READ


def test_an_unwritable_cache_is_silently_skipped(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = Cache(blocker)
    cache.put("cc" + "3" * 38, READ)  # no exception
    assert cache.get("cc" + "3" * 38) is None


def test_the_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CARCHECK_CACHE_DIR", str(tmp_path / "x"))
    assert default_folder() == tmp_path / "x"
    monkeypatch.delenv("CARCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_folder() == tmp_path / "xdg" / "carcheck"
