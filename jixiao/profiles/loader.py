"""Load and validate scoring profiles from TOML files.

A profile file holds only what differs from the profile it extends (``[profile] extends``,
by default the bundled ``cz2020-10``); every key is validated — unknown keys, wrong types,
weights that do not add up, bands or grades out of order — and every error is a
:class:`~jixiao.errors.ProfileError` in Chinese naming the file and the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from jixiao.errors import ProfileError
from jixiao.profiles.profile import EqualAbove, Level1, Profile, ReverseFormula

BUNDLED_DIR = Path(__file__).parent
DEFAULT_NAME = "cz2020-10"
_MAX_EXTENDS = 5

# key → expected kind; tables are dicts of keys. "level1" is a list of tables (LEVEL1_KEYS).
_NUM, _BOOL, _STR, _STRS, _INT = "number", "bool", "text", "texts", "integer"

SCHEMA: dict[str, dict[str, str]] = {
    "profile": {
        "name": _STR,
        "title": _STR,
        "description": _STR,
        "taxonomy": _STR,
        "extends": _STR,
    },
    "weights": {"total": _NUM, "funds": _NUM, "indicators": _NUM},
    "execution": {"cap_at_weight": _BOOL, "reason_below_percent": _NUM},
    "quantitative": {"reverse_formula": _STR, "equal_above_target": _STR},
    "over_achievement": {"threshold_percent": _NUM, "deduct": _BOOL},
    "qualitative": {
        "full_from": _NUM,
        "partial_from": _NUM,
        "achieved_words": _STRS,
        "partial_words": _STRS,
        "failed_words": _STRS,
    },
    "grades": {"excellent": _NUM, "good": _NUM, "fair": _NUM},
    "lifecycle": {
        "cutoff_month": _INT,
        "execution_lag_points": _NUM,
        "forecast_gap_percent": _NUM,
        "over_target_percent": _NUM,
        "over_target_deduct_percent": _NUM,
        "target_weights": _NUM,
    },
    "evidence": {"full_marks_need_evidence": _BOOL},
    "totals": {
        "rescale_not_applicable": _BOOL,
        "not_applicable_words": _STRS,
        "places": _INT,
        "tolerance": _NUM,
    },
}
LEVEL1_KEYS: dict[str, str] = {
    "name": _STR,
    "weight": _NUM,
    "aliases": _STRS,
    "level2": _STRS,
    "required_level2": _STRS,
    "required": _BOOL,
}
TOP_KEYS = {*SCHEMA, "level1", "level2_aliases"}

_KIND_ZH = {
    _NUM: "数字",
    _BOOL: " true 或 false（不加引号）",
    _STR: "文字（用引号括起）",
    _STRS: '文字列表（如 ["甲", "乙"]）',
    _INT: "整数",
}


def bundled_path(name: str) -> Path:
    return BUNDLED_DIR / f"{name}.toml"


def profile_names() -> tuple[str, ...]:
    """Names of the bundled profiles, the default first."""
    names = sorted(p.stem for p in BUNDLED_DIR.glob("*.toml"))
    names.remove(DEFAULT_NAME)
    return (DEFAULT_NAME, *names)


def load_profile(name_or_path: str | Path | Profile | None = None) -> Profile:
    """A profile by bundled name (``sichuan``), by path to a TOML file, or the default.

    Raises :class:`ProfileError` (Chinese, naming the file and the key) when invalid.
    """
    if isinstance(name_or_path, Profile):
        return name_or_path
    path = resolve(name_or_path)
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise ProfileError(f"评分方案文件 {path}：无法读取（{exc.strerror or exc}）") from exc
    return _load_cached(str(path), mtime)


def resolve(name_or_path: str | Path | None) -> Path:
    """The file a profile name or path stands for."""
    if name_or_path is None or name_or_path == "":
        return bundled_path(DEFAULT_NAME)
    text = str(name_or_path)
    if isinstance(name_or_path, Path) or "/" in text or "\\" in text or text.endswith(".toml"):
        path = Path(text)
        if not path.is_file():
            if text == path.name and bundled_path(path.stem).is_file():  # “sichuan.toml”
                return bundled_path(path.stem)
            raise ProfileError(f"评分方案文件 {text}：文件不存在")
        return path
    if bundled_path(text).is_file():
        return bundled_path(text)
    if Path(text).is_file():
        return Path(text)
    raise ProfileError(
        f"未找到评分方案“{text}”：内置方案有 {'、'.join(profile_names())}，也可给出 .toml 文件的路径"
    )


@lru_cache(maxsize=64)
def _load_cached(path: str, _mtime: int) -> Profile:
    merged, chain = _merged_table(Path(path), 0)
    return _build(merged, path, chain)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh, parse_float=Decimal)
    except OSError as exc:
        raise ProfileError(f"评分方案文件 {path}：无法读取（{exc.strerror or exc}）") from exc
    except UnicodeDecodeError as exc:
        raise ProfileError(f"评分方案文件 {path}：不是 UTF-8 编码的文本") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"评分方案文件 {path}：TOML 格式错误（{exc}）") from exc


def _merged_table(path: Path, depth: int) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The file's table merged over the profile it extends; and the chain of files."""
    if depth > _MAX_EXTENDS:
        raise ProfileError(f"评分方案文件 {path}：profile.extends 嵌套过深（是否循环引用？）")
    raw = _read_toml(path)
    _check_keys(raw, path)
    parent_name = raw.get("profile", {}).get("extends")
    if parent_name is None and path.resolve() != bundled_path(DEFAULT_NAME).resolve():
        parent_name = DEFAULT_NAME
    if not parent_name:
        return raw, (str(path),)
    try:
        parent_path = resolve(parent_name)
    except ProfileError as exc:
        raise ProfileError(
            f"评分方案文件 {path}：键“profile.extends”指向的方案无法找到（{exc}）"
        ) from exc
    if parent_path.resolve() == path.resolve():
        raise ProfileError(f"评分方案文件 {path}：键“profile.extends”指向了自己")
    parent, chain = _merged_table(parent_path, depth + 1)
    merged: dict[str, Any] = {}
    for key in TOP_KEYS:
        if key in SCHEMA or key == "level2_aliases":
            if key == "profile":  # name/title/description belong to the file itself
                table = {"taxonomy": parent.get("profile", {}).get("taxonomy", "")}
                table.update({k: v for k, v in raw.get(key, {}).items() if k != "extends"})
            elif key == "level2_aliases":  # inherited aliases only for 二级 this taxonomy has
                level1 = raw.get("level1", parent.get("level1", []))
                known = {name for item in level1 for name in item.get("level2", ())}
                table = {a: c for a, c in parent.get(key, {}).items() if c in known}
                table.update(raw.get(key, {}))
            else:
                table = {**parent.get(key, {}), **raw.get(key, {})}
            merged[key] = table
        elif key in raw or key in parent:
            merged[key] = raw.get(key, parent.get(key))
    return merged, (str(path), *chain)


def _check_keys(raw: dict[str, Any], path: Path) -> None:
    """Unknown keys and wrong types, before anything is merged."""
    for key, value in raw.items():
        if key not in TOP_KEYS:
            raise ProfileError(
                f"评分方案文件 {path}：未知的键“{key}”（可用：{'、'.join(sorted(TOP_KEYS))}）"
            )
        if key == "level1":
            if not isinstance(value, list) or not value:
                raise ProfileError(f"评分方案文件 {path}：键“level1”应写成若干个 [[level1]] 表")
            for i, item in enumerate(value, 1):
                if not isinstance(item, dict):
                    raise ProfileError(f"评分方案文件 {path}：第{i}个 [[level1]] 应为表")
                _check_table(item, LEVEL1_KEYS, f"level1[{i}]", path)
                if "name" not in item:
                    raise ProfileError(f"评分方案文件 {path}：第{i}个 [[level1]] 缺少键“name”")
            continue
        if not isinstance(value, dict):
            raise ProfileError(f"评分方案文件 {path}：键“{key}”应为表（[{key}]）")
        if key == "level2_aliases":
            for alias, canonical in value.items():
                if not isinstance(canonical, str):
                    raise ProfileError(
                        f"评分方案文件 {path}：键“level2_aliases.{alias}”应为{_KIND_ZH[_STR]}"
                    )
            continue
        _check_table(value, SCHEMA[key], key, path)


def _check_table(table: dict[str, Any], spec: dict[str, str], prefix: str, path: Path) -> None:
    for key, value in table.items():
        full = f"{prefix}.{key}"
        if key not in spec:
            raise ProfileError(f"评分方案文件 {path}：未知的键“{full}”（可用：{'、'.join(spec)}）")
        if not _is_kind(value, spec[key]):
            raise ProfileError(
                f"评分方案文件 {path}：键“{full}”应为{_KIND_ZH[spec[key]]}，实际是{_shown(value)}"
            )


def _is_kind(value: Any, kind: str) -> bool:
    if kind == _BOOL:
        return isinstance(value, bool)
    if kind == _INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == _NUM:
        return isinstance(value, int | Decimal) and not isinstance(value, bool)
    if kind == _STR:
        return isinstance(value, str)
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _build(t: dict[str, Any], path: str, chain: tuple[str, ...]) -> Profile:
    """Build and validate the profile from a merged table (all keys present)."""

    def err(key: str, problem: str) -> ProfileError:
        return ProfileError(f"评分方案文件 {path}：键“{key}”{problem}")

    def get(table: str, key: str, convert: Callable[[Any], Any] = lambda v: v) -> Any:
        try:
            value = t[table][key]
        except KeyError:
            raise err(f"{table}.{key}", "缺失（所继承的方案中也没有）") from None
        return convert(value)

    dec = Decimal
    total = get("weights", "total", dec)
    funds = get("weights", "funds", dec)
    indicators = get("weights", "indicators", dec)
    if total <= 0:
        raise err("weights.total", f"应大于0，实际是 {total}")
    if funds < 0 or indicators < 0:
        raise err("weights.funds" if funds < 0 else "weights.indicators", "不能为负数")
    if funds + indicators != total:
        raise err(
            "weights.total",
            f"应等于预算执行分值与绩效指标分值之和：{funds} + {indicators} = {funds + indicators}，实际写的是 {total}",
        )

    level1 = _build_level1(t.get("level1"), err)
    given = [c.weight for c in level1 if c.weight is not None]
    if given and len(given) == len(level1) and sum(given) != indicators:
        parts = " + ".join(f"{c.name} {c.weight}" for c in level1)
        raise err(
            "level1.weight",
            f"各一级指标分值之和应等于 weights.indicators（{indicators}）：{parts} = {sum(given)}",
        )
    if sum(given, Decimal(0)) > indicators:
        raise err(
            "level1.weight",
            f"各一级指标分值之和 {sum(given)} 超过了 weights.indicators（{indicators}）",
        )

    known_level2 = {name for c in level1 for name in c.level2}
    aliases = tuple((str(a), str(c)) for a, c in t.get("level2_aliases", {}).items())
    for alias, canonical in aliases:
        if canonical not in known_level2:
            raise err(
                f"level2_aliases.{alias}",
                f"指向的二级指标“{canonical}”不在任何 [[level1]] 的 level2 中",
            )

    try:
        reverse = ReverseFormula(get("quantitative", "reverse_formula"))
    except ValueError:
        raise err(
            "quantitative.reverse_formula", '只能是 "ratio"（比例法）或 "linear"（线性法）'
        ) from None
    try:
        equal_above = EqualAbove(get("quantitative", "equal_above_target"))
    except ValueError:
        raise err(
            "quantitative.equal_above_target",
            '只能是 "full"（满分）、"ratio"（比例法）或 "linear"（线性法）',
        ) from None

    reason_below = get("execution", "reason_below_percent", dec)
    if not 0 <= reason_below <= 100:
        raise err(
            "execution.reason_below_percent", f"应在 0 到 100 之间（百分比），实际是 {reason_below}"
        )

    over = get("over_achievement", "threshold_percent", dec)
    if over <= 100:
        raise err("over_achievement.threshold_percent", f"应大于100（百分比），实际是 {over}")

    full_from = get("qualitative", "full_from", dec)
    partial_from = get("qualitative", "partial_from", dec)
    if not (0 < partial_from < full_from <= 100):
        raise err(
            "qualitative.partial_from",
            f"区间顺序不对：应满足 0 < partial_from < full_from ≤ 100，实际是 partial_from = {partial_from}，full_from = {full_from}",
        )
    words = {
        k: tuple(get("qualitative", k)) for k in ("achieved_words", "partial_words", "failed_words")
    }
    for key, value in words.items():
        if not value or any(not w.strip() for w in value):
            raise err(f"qualitative.{key}", "不能为空，也不能含空白词语")

    excellent = get("grades", "excellent", dec)
    good = get("grades", "good", dec)
    fair = get("grades", "fair", dec)
    if not (0 <= fair < good < excellent <= total):
        raise err(
            "grades.excellent",
            f"等级分数线顺序不对：应满足 0 ≤ fair < good < excellent ≤ {total}，实际是 {fair} / {good} / {excellent}",
        )

    places = get("totals", "places")
    if not 0 <= places <= 6:
        raise err("totals.places", f"应在 0 到 6 之间，实际是 {places}")
    tolerance = get("totals", "tolerance", dec)
    if tolerance < 0:
        raise err("totals.tolerance", "不能为负数")

    lifecycle = _build_lifecycle(get, err)

    name = t.get("profile", {}).get("name") or Path(path).stem
    return Profile(
        name=name,
        title=t.get("profile", {}).get("title") or name,
        description=t.get("profile", {}).get("description", ""),
        source=path,
        taxonomy=t.get("profile", {}).get("taxonomy", ""),
        total_weight=total,
        funds_weight=funds,
        indicators_weight=indicators,
        level1=level1,
        level2_aliases=aliases,
        execution_cap=get("execution", "cap_at_weight"),
        execution_reason_below=reason_below,
        reverse_formula=reverse,
        equal_above=equal_above,
        over_achievement_percent=over,
        over_achievement_deduct=get("over_achievement", "deduct"),
        band_full_from=full_from,
        band_partial_from=partial_from,
        achieved_words=words["achieved_words"],
        partial_words=words["partial_words"],
        failed_words=words["failed_words"],
        grade_excellent=excellent,
        grade_good=good,
        grade_fair=fair,
        rescale_not_applicable=get("totals", "rescale_not_applicable"),
        not_applicable_words=tuple(get("totals", "not_applicable_words")),
        places=places,
        tolerance=tolerance,
        full_marks_need_evidence=get("evidence", "full_marks_need_evidence"),
        **lifecycle,
    )


def _build_lifecycle(
    get: Callable[..., Any], err: Callable[[str, str], ProfileError]
) -> dict[str, Any]:
    """The [lifecycle] options (targets, monitoring, cross-stage checks: docs/lifecycle.md)."""
    dec = Decimal
    cutoff = get("lifecycle", "cutoff_month")
    if not 1 <= cutoff <= 12:
        raise err("lifecycle.cutoff_month", f"应在 1 到 12 之间（月份），实际是 {cutoff}")
    lag = get("lifecycle", "execution_lag_points", dec)
    if not 0 <= lag <= 100:
        raise err("lifecycle.execution_lag_points", f"应在 0 到 100 之间（百分点），实际是 {lag}")
    gap = get("lifecycle", "forecast_gap_percent", dec)
    if not 0 <= gap < 100:
        raise err("lifecycle.forecast_gap_percent", f"应在 0 到 100 之间（百分比），实际是 {gap}")
    over = get("lifecycle", "over_target_percent", dec)
    if over <= 100:
        raise err("lifecycle.over_target_percent", f"应大于100（百分比），实际是 {over}")
    deduct = get("lifecycle", "over_target_deduct_percent", dec)
    if not 0 <= deduct <= 100:
        raise err(
            "lifecycle.over_target_deduct_percent", f"应在 0 到 100 之间（百分比），实际是 {deduct}"
        )
    weights = get("lifecycle", "target_weights", dec)
    if weights < 0:
        raise err("lifecycle.target_weights", "不能为负数")
    return {
        "cutoff_month": cutoff,
        "execution_lag_points": lag,
        "forecast_gap_percent": gap,
        "over_target_percent": over,
        "over_target_deduct_percent": deduct,
        "target_weights": weights,
    }


def _build_level1(items: Any, err: Callable[[str, str], ProfileError]) -> tuple[Level1, ...]:
    if not items:
        raise err("level1", "缺失：至少要有一个 [[level1]]（一级指标）")
    seen: set[str] = set()
    result = []
    for i, item in enumerate(items, 1):
        name = item["name"].strip()
        if not name:
            raise err(f"level1[{i}].name", "不能为空")
        if name in seen:
            raise err(f"level1[{i}].name", f"重复：一级指标“{name}”出现了两次")
        seen.add(name)
        weight = item.get("weight")
        if weight is not None and Decimal(weight) < 0:
            raise err(f"level1[{i}].weight", "不能为负数")
        level2 = tuple(item.get("level2", ()))
        required_level2 = tuple(item.get("required_level2", ()))
        for r in required_level2:
            if r not in level2:
                raise err(f"level1[{i}].required_level2", f"中的“{r}”不在 level2 列表中")
        result.append(
            Level1(
                name=name,
                weight=Decimal(weight) if weight is not None else None,
                aliases=tuple(item.get("aliases", ())),
                level2=level2,
                required_level2=required_level2,
                required=item.get("required", True),
            )
        )
    return tuple(result)


def _shown(value: object) -> str:
    """A TOML value as the user typed it: text in Chinese quotes, the rest as written."""
    if isinstance(value, str):
        return f"“{value}”"
    if isinstance(value, bool):
        return " true" if value else " false"
    return f" {value}"
