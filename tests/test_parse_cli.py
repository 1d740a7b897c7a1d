"""``jixiao parse``: summary, JSON, and bad input (one Chinese line on stderr, exit 2)."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from jixiao.cli import main
from jixiao.serialize import loads

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-2021-yuelu-fulian.txt"


@pytest.fixture
def runner():
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click ≥ 8.2 keeps stderr apart already
        return CliRunner()


def test_summary_in_chinese(runner):
    result = runner.invoke(main, ["parse", str(SEED)])
    assert result.exit_code == 0, result.output
    assert "长沙市岳麓区妇女联合会" in result.stdout
    assert "绩效指标（15 项）" in result.stdout


def test_json_contract(runner):
    result = runner.invoke(main, ["parse", str(SEED), "--json"])
    assert result.exit_code == 0
    data = loads(result.stdout)
    assert data["format"] == "jixiao/1" and data["kind"] == "department" and data["year"] == 2021
    assert data["staff"] == {"authorized": 3, "actual": 4}
    assert str(data["funds"][0]["budget"]) == "198.8" and str(data["funds"][0]["rate"]) == "106.87"
    assert (
        len(data["indicators"]) == 15 and len([s for s in data["report"] if s["level"] == 1]) == 5
    )


def _bad(runner, path: Path) -> str:
    result = runner.invoke(main, ["parse", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0]
    return lines[0]


def test_missing_file(runner, tmp_path):
    assert "不存在" in _bad(runner, tmp_path / "无此文件.txt")


def test_empty_file(runner, tmp_path):
    p = tmp_path / "空.txt"
    p.write_bytes(b"")
    assert "空" in _bad(runner, p)


def test_whitespace_only(runner, tmp_path):
    p = tmp_path / "白.txt"
    p.write_text(" \n\t\n", encoding="utf-8")
    assert "空" in _bad(runner, p)


def test_binary_file(runner, tmp_path):
    p = tmp_path / "图.txt"
    p.write_bytes(bytes(range(256)) * 8)
    assert "二进制" in _bad(runner, p)


def test_not_a_self_evaluation(runner, tmp_path):
    p = tmp_path / "菜谱.txt"
    p.write_text("番茄炒蛋\n鸡蛋两个，番茄一个。\n先炒蛋，再炒番茄。\n", encoding="utf-8")
    assert "不是绩效自评表或自评报告" in _bad(runner, p)


def test_a_news_item_on_performance_is_not_a_self_evaluation(runner, tmp_path):
    """A text that talks of 绩效 and 预算执行 (an invented news item) but has
    no table, no report outline and no figure of one, and names no evaluation, is refused."""
    p = tmp_path / "新闻.txt"
    p.write_text(
        "某区财政局近日组织各预算单位开展上半年预算绩效管理工作，重点关注预算执行进度滞后、"
        "资金量较大的项目，督促各单位及时纠偏，提高财政资金使用效益。\n",
        encoding="utf-8",
    )
    assert "不是绩效自评表或自评报告" in _bad(runner, p)


def test_gbk_text_is_read(runner, tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    result = runner.invoke(main, ["parse", str(p), "--json"])
    assert result.exit_code == 0 and loads(result.stdout)["unit"] == "长沙市岳麓区妇女联合会"


EXPLAIN_FORM = "\n".join(
    [
        "2023年度项目支出绩效自评表",
        "| 项目名称 | 乡村道路养护 | 主管部门 | 某某县交通运输局 |",
        "| 项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
        "| 年度资金总额 | 50 | 50 | 45 | 10 | 90% | 9 |",
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 |",
        "| 产出指标 | 数量指标 | 养护里程 | ≥30公里 | 32公里 | 90 | 90 |",
        "| 总分 | | | | | 90 | 89 |",
        "| 与本表无关的一句话 |",
    ]
)


def test_explain_names_cells_rules_and_unread_cells(runner, tmp_path):
    f = tmp_path / "form.txt"
    f.write_text(EXPLAIN_FORM, encoding="utf-8")
    plain = runner.invoke(main, ["parse", str(f)])
    assert "读取依据" not in plain.stdout
    result = runner.invoke(main, ["parse", str(f), "--explain"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    spent = next(ln for ln in lines if ln.strip().startswith("资金[年度资金总额].全年执行数"))
    assert "4：" in spent and "45" in spent and "资金表" in spent
    target = next(ln for ln in lines if ln.strip().startswith("指标[养护里程].指标值"))
    assert "6：≥30公里" in target and "表头" in target
    assert any(ln.strip().startswith("项目名称 ← 2：乡村道路养护") for ln in lines)
    unread = lines[lines.index(next(ln for ln in lines if ln.startswith("未读的单元格"))) :]
    assert any("与本表无关的一句话" in ln for ln in unread)
    assert not any("养护里程" in ln or "：45" in ln for ln in unread)
    total = next(ln for ln in lines if ln.strip().startswith("总分.得分"))
    assert "7：89" in total


def test_tracing_is_off_unless_asked():
    from jixiao import read_text
    from jixiao.extract.trace import active, tracing

    assert active() is None
    with tracing() as trace:
        read_text(EXPLAIN_FORM, "t.txt")
    assert active() is None and trace.placements
    n = len(trace.placements)
    read_text(EXPLAIN_FORM, "t.txt")  # outside the block: recorded nowhere
    assert len(trace.placements) == n
