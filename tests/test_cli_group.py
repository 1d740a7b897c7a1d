from pathlib import Path

from click.testing import CliRunner

from jixiao import read
from jixiao.cli import main


def test_unknown_command_is_one_chinese_line() -> None:
    result = CliRunner().invoke(main, ["chek", "x.txt"])
    assert result.exit_code == 2
    assert "没有命令 chek" in result.output
    assert "check" in result.output
    assert "Traceback" not in result.output


def test_group_help_is_chinese() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "显示本帮助并退出" in result.output


def test_text_cut_inside_a_character_is_still_read(tmp_path: Path) -> None:
    form = "2021年度部门整体支出绩效自评表\n\t人员编制\n\t3\n\t实有人数\n\t4\n你"
    path = tmp_path / "cut.txt"
    path.write_bytes(form.encode()[:-1])  # the download stopped inside “你”
    evaluation = read(path)
    assert evaluation.staff_authorized is not None and evaluation.staff_authorized.value == 3
    assert evaluation.staff_actual is not None and evaluation.staff_actual.value == 4
