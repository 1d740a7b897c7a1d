"""Safe extraction of submitted .zip archives."""

from __future__ import annotations

import zipfile
from pathlib import Path

from jixiao.batch import archive
from jixiao.batch.archive import extract_zip, safe_parts


def test_entries_escaping_the_folder_are_refused() -> None:
    assert safe_parts("街道/表.txt") == ("街道", "表.txt")
    assert safe_parts("../表.txt") is None
    assert safe_parts("a/../../表.txt") is None
    assert safe_parts("/etc/passwd") is None
    assert safe_parts("C:/Windows/表.txt") is None
    assert safe_parts("..\\..\\表.txt") is None


def test_gbk_names_from_windows_are_decoded(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    gbk = "自评表.txt".encode("gbk")  # Windows stores names in GBK without the UTF-8 flag
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("X" * (len(gbk) - 4) + ".txt", "单位=甲")
    path.write_bytes(path.read_bytes().replace(b"X" * (len(gbk) - 4) + b".txt", gbk))

    out = extract_zip(path, "a.zip", tmp_path / "x")

    assert [shown for _, shown in out.files] == ["a.zip!/自评表.txt"]
    assert (tmp_path / "x/自评表.txt").read_text(encoding="utf-8") == "单位=甲"


def test_zip_bomb_entry_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.txt", b"0" * (archive.RATIO_FLOOR * 3))  # compresses about 1000:1
        zf.writestr("ok.txt", "单位=甲")

    out = extract_zip(path, "bomb.zip", tmp_path / "x")

    assert [shown for _, shown in out.files] == ["bomb.zip!/ok.txt"]
    assert "压缩炸弹" in out.refusals[0].reason
    assert not (tmp_path / "x/big.txt").exists()


def test_total_size_limit_stops_extraction(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 10)
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("a.txt", "12345678")
        zf.writestr("b.txt", "12345678")

    out = extract_zip(path, "a.zip", tmp_path / "x")

    assert [shown for _, shown in out.files] == ["a.zip!/a.txt"]
    assert "超过" in out.refusals[0].reason


def test_nested_archives_are_opened_and_symlinks_refused(tmp_path: Path) -> None:
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("乙/表.txt", "单位=乙")
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w") as zf:
        zf.write(inner, "年度材料/inner.zip")
        link = zipfile.ZipInfo("链接.txt")
        link.create_system = 3
        link.external_attr = 0o120777 << 16  # a symlink
        zf.writestr(link, "/etc/passwd")

    out = extract_zip(outer, "outer.zip", tmp_path / "x")

    assert [shown for _, shown in out.files] == ["outer.zip!/年度材料/inner.zip!/乙/表.txt"]
    assert [r.display for r in out.refusals] == ["outer.zip!/链接.txt"]


def test_a_damaged_archive_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "坏.zip"
    path.write_bytes(b"PK\x03\x04 not really")
    out = extract_zip(path, "坏.zip", tmp_path / "x")
    assert out.files == [] and "已损坏" in out.refusals[0].reason


def test_an_archive_is_extracted_once_until_it_changes(tmp_path: Path) -> None:
    from jixiao.batch.archive import extract_once

    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("乙/表.txt", "单位=乙")
        zf.writestr("../坏.txt", "x")
    first = extract_once(path, "a.zip", tmp_path / "x")
    (tmp_path / "x/乙/表.txt").write_text(
        "已解压", encoding="utf-8"
    )  # proves the second call did not unpack

    second = extract_once(path, "a.zip", tmp_path / "x")

    assert second.files == first.files and second.refusals == first.refusals
    assert (tmp_path / "x/乙/表.txt").read_text(encoding="utf-8") == "已解压"
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("丙.txt", "单位=丙")
    third = extract_once(path, "a.zip", tmp_path / "x")
    assert (
        len(third.files) == 2
        and (tmp_path / "x/乙/表.txt").read_text(encoding="utf-8") == "单位=乙"
    )
