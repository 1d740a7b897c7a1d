"""Which 二级 an indicator serves, told by its name.

The decision and management parts of the official project framework (财预〔2020〕10号 附件) name
their indicators after their 二级: 项目立项 holds 立项依据充分性 and 立项程序规范性, 绩效目标 holds
绩效目标合理性 and 绩效指标明确性, 资金投入 holds 预算编制科学性 and 资金分配合理性, 资金管理 (投入管理 /
财务管理 in the provinces' versions) holds 资金到位率, 预算执行率, 资金使用合规性, 财务监控有效性,
组织实施 (项目实施) holds 管理制度健全性 and 制度执行有效性. :func:`framework_fit` says whether a
name belongs under such a 二级, under another of them, or neither.


The 效益指标 of the official frameworks split into 经济效益, 社会效益, 生态效益 and 可持续影响; the
figures of their indicators all look alike (counts, rates), but their names say which they
measure: ``垃圾分类宣传覆盖户数`` the environment, ``建立长效工作制度数量`` what lasts, ``带动就业人数``
the economy. Used where a merged 二级 column lost its rows (column-major PDF text) to prefer the
placement in which each name serves its 二级 — and only when that placement is the one best.
"""

from __future__ import annotations

# the first theme whose word a name holds, in this order (垃圾分类宣传 is about the environment
# before it is a publicity count)
_THEMES = (
    (
        "ecology",
        (
            "生态",
            "环境",
            "垃圾",
            "绿化",
            "植树",
            "造林",
            "森林",
            "污染",
            "排放",
            "节能",
            "减排",
            "水质",
            "空气",
        ),
    ),
    ("lasting", ("可持续", "长效", "持续", "长期", "机制", "制度")),
    ("economy", ("经济", "收入", "增收", "产值", "就业", "税收", "营收", "利润", "创收")),
    ("society", ("社会", "群众", "居民", "知晓", "受益", "宣传", "普法", "信访", "办结", "安全")),
)
_LABELS = (
    ("生态", "ecology"),
    ("可持续", "lasting"),
    ("影响", "lasting"),
    ("经济", "economy"),
    ("社会", "society"),
)


# a framework 二级 (by a word of its label) and the words of the names it holds
_FRAMEWORK = (
    ("立项", ("立项",)),
    ("绩效目标", ("绩效目标", "绩效指标")),
    ("资金投入", ("预算编制", "资金分配")),
    ("资金管理", ("资金到位", "预算执行", "资金使用", "财务监控")),
    ("投入管理", ("资金到位", "预算执行")),
    ("财务管理", ("资金使用", "财务监控", "财务管理")),
    ("实施", ("管理制度", "制度执行", "实施")),
)


def framework_fit(level2: str, name: str) -> int | None:
    """1 when the name is one a framework 二级 holds, -1 when it is one only another framework
    二级 holds, 0 when it is none of theirs; None when ``level2`` is no framework 二级."""
    own = next((words for w, words in _FRAMEWORK if w in level2), None)
    if own is None:
        return None
    if any(w in name for w in own):
        return 1
    return -1 if any(w in name for _, words in _FRAMEWORK for w in words) else 0


def name_theme(name: str) -> str | None:
    return next((t for t, words in _THEMES if any(w in name for w in words)), None)


def label_theme(level2: str) -> str | None:
    """The theme of a benefit 二级 (生态效益指标 → ecology); None for any other 二级."""
    return next((t for w, t in _LABELS if w in level2), None)
