"""The OCR cache as trusted input: whose folder it is, and whether an entry is its own.

What the cache says decides verdicts (an unsigned fax letter read as signed, if an entry
could be rewritten), so a folder another user owns or may write to is not used, and an
entry that was changed, planted or moved is a miss.
"""

from __future__ import annotations

import json
import os
import stat

import pytest
from PIL import Image

from carcheck.extract.ocr import Engine, OcrWord, Recognised
from carcheck.ocrcache import KEY_FILE, Cache, distrust
from tests.pdfs import AS_OF, complete_packet

ENGINE = Engine("/usr/bin/tesseract", "tesseract 5.3.0", osd=True)
UNSIGNED = Recognised((OcrWord("Sincerely,", 10, 20, 90, 18, 93.5, (1, 1, 1)),))
SIGNED = Recognised(
    (
        OcrWord("Electronically", 10, 20, 90, 18, 93.5, (1, 1, 2)),
        OcrWord("signed", 110, 20, 60, 18, 93.5, (1, 1, 2)),
    )
)


def entry(cache: Cache, key: str):
    return cache.ocr_folder / key[:2] / f"{key}.json"


def a_key(cache: Cache, shade: int = 255) -> str:
    return cache.key(ENGINE, Image.new("L", (40, 30), shade), 200.0)


# --- entries are authenticated ---------------------------------------------------------------


def test_a_rewritten_entry_is_a_miss(tmp_path):
    cache = Cache(tmp_path / "cache")
    key = a_key(cache)
    cache.put(key, UNSIGNED)
    assert cache.get(key) == UNSIGNED
    path = entry(cache, key)
    mac, payload = path.read_bytes().split(b"\n", 1)
    words = json.loads(payload)
    words["words"][0][0] = "Electronically signed by Jane Roe, MD"
    path.write_bytes(mac + b"\n" + json.dumps(words, separators=(",", ":")).encode())
    assert Cache(tmp_path / "cache").get(key) is None


def test_an_entry_planted_without_the_key_is_a_miss(tmp_path):
    cache = Cache(tmp_path / "cache")
    key = a_key(cache)
    cache.put(a_key(cache, 0), UNSIGNED)  # the folder and its key exist
    path = entry(cache, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"turned": 0, "words": [["signed", 1, 2, 3, 4, 95.0, 1, 1, 1]]}))
    assert cache.get(key) is None


def test_an_entry_moved_to_another_key_is_a_miss(tmp_path):
    cache = Cache(tmp_path / "cache")
    signed_key, unsigned_key = a_key(cache, 0), a_key(cache, 255)
    cache.put(signed_key, SIGNED)
    cache.put(unsigned_key, UNSIGNED)
    entry(cache, unsigned_key).write_bytes(entry(cache, signed_key).read_bytes())
    assert cache.get(unsigned_key) is None
    assert cache.get(signed_key) == SIGNED


def test_the_key_is_private_random_and_kept_beside_the_cache(tmp_path):
    first, second = Cache(tmp_path / "one"), Cache(tmp_path / "two")
    first.put(a_key(first), UNSIGNED)
    second.put(a_key(second), UNSIGNED)
    key_file = tmp_path / "one" / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(key_file.read_bytes()) == 32
    assert key_file.read_bytes() != (tmp_path / "two" / KEY_FILE).read_bytes()
    # An entry of one cache is not an entry of another user's (or folder's) cache.
    entry(second, a_key(second)).write_bytes(entry(first, a_key(first)).read_bytes())
    assert Cache(tmp_path / "two").get(a_key(second)) is None


def test_a_key_others_may_read_makes_the_cache_unusable(tmp_path):
    cache = Cache(tmp_path / "cache")
    key = a_key(cache)
    cache.put(key, UNSIGNED)
    os.chmod(tmp_path / "cache" / KEY_FILE, 0o644)
    assert Cache(tmp_path / "cache").get(key) is None


# --- whose folder it is ----------------------------------------------------------------------


def test_a_folder_others_may_write_is_not_used(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    os.chmod(folder, 0o777)  # as a folder made by hand, or by an old version, may be
    assert "written by other users" in (distrust(folder) or "")
    cache = Cache(folder)
    cache.put(a_key(cache), UNSIGNED)
    assert cache.get(a_key(cache)) is None
    assert os.listdir(folder) == []  # nothing written into it
    assert stat.S_IMODE(folder.stat().st_mode) == 0o777  # and not quietly "fixed"


def test_a_group_writable_ocr_folder_is_not_used(tmp_path):
    cache = Cache(tmp_path / "cache")
    cache.put(a_key(cache), UNSIGNED)
    os.chmod(cache.ocr_folder, 0o770)
    assert "ocr folder" in (distrust(tmp_path / "cache") or "")
    assert Cache(tmp_path / "cache").get(a_key(cache)) is None


def test_a_folder_of_another_user_is_not_used(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("only root can give a folder to another user")
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)
    assert "another user" in (distrust(folder) or "")
    assert Cache(folder).get(a_key(Cache(folder))) is None


def test_a_new_or_private_folder_is_used(tmp_path):
    assert distrust(tmp_path / "not-yet") is None
    cache = Cache(tmp_path / "not-yet")
    cache.put(a_key(cache), UNSIGNED)
    assert distrust(tmp_path / "not-yet") is None
    assert cache.get(a_key(cache)) == UNSIGNED


def test_pruning_follows_no_link_out_of_the_cache(tmp_path):
    cache = Cache(tmp_path / "cache")
    cache.put(a_key(cache), UNSIGNED)
    outside = tmp_path / "documents"
    outside.mkdir()
    (outside / "old.txt").write_text("keep me")
    os.utime(outside / "old.txt", (0, 0))
    os.symlink(outside, cache.ocr_folder / "zz")
    cache.prune()
    assert (outside / "old.txt").read_text() == "keep me"


def test_an_open_cache_folder_is_named_once_on_stderr_and_the_run_goes_on(run_cli, tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    os.chmod(folder, 0o777)
    packet = complete_packet(tmp_path / "packet")
    result = run_cli(
        ["check", packet, "--format", "json", "--as-of", AS_OF],
        env={"CARCHECK_CACHE_DIR": str(folder)},
    )
    assert result.code == 0
    assert result.stderr == (
        f"carcheck: note: the OCR cache folder {folder} can be written by other users "
        "(make it private: chmod 700); running without it\n"
    )
    assert os.listdir(folder) == []
