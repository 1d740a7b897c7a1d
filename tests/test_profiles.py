"""Scoring profiles: bundled files, validation errors that name the file and the key, docs."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.errors import ProfileError
from jixiao.model import Grade
from jixiao.profiles import EqualAbove, Profile, ReverseFormula, load_profile, profile_names
from jixiao.profiles.loader import LEVEL1_KEYS, SCHEMA

D = Decimal
DOCS = Path(__file__).parents[1] / "docs" / "scoring.md"


def write(tmp_path: Path, body: str, name: str = "我市方案.toml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_bundled_profiles_load_default_first() -> None:
    names = profile_names()
    assert names[0] == "cz2020-10"
    assert {"sichuan", "cz2021-101", "city-20-80"} <= set(names)
    for name in names:
        p = load_profile(name)
        assert p.name == name
        assert p.funds_weight + p.indicators_weight == p.total_weight


def test_default_profile_is_10_hao() -> None:
    p = load_profile(None)
    assert p is load_profile("cz2020-10")  # cached
    assert (p.funds_weight, p.indicators_weight) == (D(10), D(90))
    assert [(c.name, c.weight) for c in p.level1] == [
        ("产出指标", D(50)),
        ("效益指标", D(30)),
        ("满意度指标", D(10)),
    ]
    assert p.execution_cap and p.reverse_formula == ReverseFormula.RATIO
    assert p.equal_above == EqualAbove.FULL
    assert (p.band_full_from, p.band_partial_from) == (D(80), D(60))
    assert (p.grade_excellent, p.grade_good, p.grade_fair) == (D(90), D(80), D(60))
    assert p.over_achievement_percent == D(130) and not p.over_achievement_deduct
    assert not p.rescale_not_applicable


def test_dataclass_defaults_equal_the_default_file() -> None:
    """``Profile()`` scalar defaults and cz2020-10.toml must not drift apart."""
    loaded, plain = load_profile(None), Profile()
    for f in dataclasses.fields(Profile):
        value = getattr(plain, f.name)
        if isinstance(value, tuple) and not value:  # taxonomy and words live in the file
            continue
        if f.name in {"source", "description"}:
            continue
        assert getattr(loaded, f.name) == value, f.name


def test_variants() -> None:
    sichuan = load_profile("sichuan")
    assert sichuan.indicators_weight == D(90)
    assert all(c.weight is None for c in sichuan.level1)
    assert (
        sichuan.find_level1("成本指标") is not None and not sichuan.find_level1("成本指标").required
    )
    assert sichuan.band_partial_from == D(60)  # inherited from the default

    cz101 = load_profile("cz2021-101")
    assert cz101.level1_of_level2("经济成本指标").name == "成本指标"
    assert "成本指标" not in cz101.find_level1("产出指标").level2

    city = load_profile("city-20-80")
    assert city.funds_weight == D(20) and city.band_partial_from == D(50)
    assert city.grade(D(85)) == Grade.EXCELLENT
    assert load_profile(None).grade(D(85)) == Grade.GOOD


def test_name_matching_ignores_points_numbering_and_traditional_characters() -> None:
    p = load_profile(None)
    assert p.find_level1("一、产出指标（50分）").name == "产出指標".replace("標", "标")
    assert p.weight_of("效益指标(30分)") == D(30)
    assert p.canonical_level2("進(jìn)度指標(biāo)") == "时效指标"
    assert p.canonical_level2("经济效益") == "经济效益指标"
    assert p.level1_of_level2("服务对象满意度指标").name == "满意度指标"
    assert p.find_level1("投入指标") is None


def test_grades_at_the_borders() -> None:
    p = load_profile(None)
    assert [p.grade(D(x)) for x in ("90", "89.99", "80", "60", "59.99")] == [
        Grade.EXCELLENT,
        Grade.GOOD,
        Grade.GOOD,
        Grade.FAIR,
        Grade.POOR,
    ]
    assert p.grade(None) is None


def test_a_copied_file_needs_only_what_differs(tmp_path: Path) -> None:
    path = write(tmp_path, '[profile]\ntitle = "我市"\n[grades]\nexcellent = 95\n')
    p = load_profile(path)
    assert p.name == "我市方案" and p.title == "我市"
    assert p.grade_excellent == D(95) and p.funds_weight == D(10)
    assert load_profile(str(path)) == p


def test_evidence_for_full_marks_is_off_by_default_and_can_be_asked(tmp_path: Path) -> None:
    assert not load_profile(None).full_marks_need_evidence
    path = write(tmp_path, "[evidence]\nfull_marks_need_evidence = true\n")
    assert load_profile(path).full_marks_need_evidence
    assert load_profile(path).grade_excellent == D(90)  # the rest from the default


def test_extends_another_bundled_profile(tmp_path: Path) -> None:
    path = write(tmp_path, '[profile]\nextends = "city-20-80"\n[grades]\nexcellent = 85\n')
    p = load_profile(path)
    assert p.funds_weight == D(20) and p.grade_excellent == D(85)


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("[scoring]\nx = 1\n", "scoring"),  # unknown table
        ("[grades]\nexcelent = 90\n", "grades.excelent"),  # typo
        ('[grades]\nexcellent = "九十"\n', "grades.excellent"),  # text for a number
        ("[execution]\ncap_at_weight = 1\n", "execution.cap_at_weight"),  # number for a bool
        ("[weights]\nfunds = true\n", "weights.funds"),  # bool for a number
        ("[weights]\nfunds = 20\n", "weights.total"),  # 20 + 90 ≠ 100
        ("[weights]\ntotal = 0\nfunds = 0\nindicators = 0\n", "weights.total"),
        ('[[level1]]\nname = "产出指标"\nweight = 80\n', "level1.weight"),  # 80 ≠ 90
        ('[[level1]]\nname = "产出"\n[[level1]]\nname = "产出"\n', "level1[2].name"),
        ("[[level1]]\nweight = 90\n", "name"),
        (
            '[[level1]]\nname = "产出"\nlevel2 = ["数量指标"]\nrequired_level2 = ["质量指标"]\n',
            "level1[1].required_level2",
        ),
        ('[level2_aliases]\n"进度" = "不存在的指标"\n', "level2_aliases.进度"),
        ("[qualitative]\nfull_from = 60\npartial_from = 80\n", "qualitative.partial_from"),
        ("[qualitative]\nfull_from = 120\n", "qualitative.partial_from"),
        ("[qualitative]\nachieved_words = []\n", "qualitative.achieved_words"),
        ("[grades]\nexcellent = 70\ngood = 80\n", "grades.excellent"),
        ('[quantitative]\nreverse_formula = "square"\n', "quantitative.reverse_formula"),
        ('[quantitative]\nequal_above_target = "half"\n', "quantitative.equal_above_target"),
        ("[over_achievement]\nthreshold_percent = 90\n", "over_achievement.threshold_percent"),
        ("[execution]\nreason_below_percent = 120\n", "execution.reason_below_percent"),
        ("[totals]\nplaces = 9\n", "totals.places"),
        ("[totals]\ntolerance = -0.01\n", "totals.tolerance"),
        ('[evidence]\nfull_marks_need_evidence = "是"\n', "evidence.full_marks_need_evidence"),
        ("[evidence]\nfull_marks = true\n", "evidence.full_marks"),  # unknown key
        ('[profile]\nextends = "nowhere"\n', "profile.extends"),
        ('[profile]\nextends = "我市方案.toml"\n', "profile.extends"),  # extends itself
    ],
)
def test_validation_errors_name_file_and_key(tmp_path: Path, body: str, key: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    message = str(info.value)
    assert str(path) in message
    assert key in message
    assert re.search(r"[\u4e00-\u9fff]", message)


def test_wrong_type_shows_the_value_as_typed(tmp_path: Path) -> None:
    path = write(tmp_path, '[weights]\nfunds = "十"\n[execution]\ncap_at_weight = "yes"\n')
    with pytest.raises(ProfileError, match="应为数字，实际是“十”"):
        load_profile(path)
    path = write(tmp_path, '[execution]\ncap_at_weight = "yes"\n', "布尔.toml")
    with pytest.raises(ProfileError, match="应为 true 或 false（不加引号），实际是“yes”"):
        load_profile(path)


def test_toml_syntax_error(tmp_path: Path) -> None:
    path = write(tmp_path, "[grades\nexcellent = 90\n")
    with pytest.raises(ProfileError, match="TOML"):
        load_profile(path)


def test_unknown_name_and_missing_file() -> None:
    with pytest.raises(ProfileError, match="cz2020-10"):  # lists what exists
        load_profile("shanghai")
    with pytest.raises(ProfileError, match="不存在"):
        load_profile("/nonexistent/方案.toml")


def test_profile_passes_through() -> None:
    p = load_profile("sichuan")
    assert load_profile(p) is p


def test_every_option_is_documented() -> None:
    """docs/scoring.md names every key of a profile file (section.key)."""
    text = DOCS.read_text(encoding="utf-8")
    keys = [f"{table}.{key}" for table, spec in SCHEMA.items() for key in spec]
    keys += [f"level1.{key}" for key in LEVEL1_KEYS] + ["level2_aliases"]
    missing = [k for k in keys if f"`{k}`" not in text]
    assert not missing, f"not documented in docs/scoring.md: {missing}"
    for name in profile_names():
        assert f"`{name}`" in text, name


def test_bundled_file_name_accepted() -> None:
    assert load_profile("sichuan.toml").name == "sichuan"


def test_default_file_writes_every_key() -> None:
    """The default file is the complete, commented template a bureau copies."""
    import tomllib

    from jixiao.profiles import bundled_path

    raw = tomllib.loads(bundled_path("cz2020-10").read_text(encoding="utf-8"))
    for table, spec in SCHEMA.items():
        for key in spec:
            assert key in raw[table], f"{table}.{key}"
    for item in raw["level1"]:
        assert set(item) == set(LEVEL1_KEYS)
    assert raw["level2_aliases"]
