"""What a 效益 indicator is about, told by its name: the 二级 of the benefit framework it serves.

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
    ("ecology", ("生态", "环境", "垃圾", "绿化", "植树", "造林", "森林", "污染", "排放", "节能", "减排", "水质", "空气")),
    ("lasting", ("可持续", "长效", "持续", "长期", "机制", "制度")),
    ("economy", ("经济", "收入", "增收", "产值", "就业", "税收", "营收", "利润", "创收")),
    ("society", ("社会", "群众", "居民", "知晓", "受益", "宣传", "普法", "信访", "办结", "安全")),
)
_LABELS = (("生态", "ecology"), ("可持续", "lasting"), ("影响", "lasting"), ("经济", "economy"), ("社会", "society"))


def name_theme(name: str) -> str | None:
    return next((t for t, words in _THEMES if any(w in name for w in words)), None)


def label_theme(level2: str) -> str | None:
    """The theme of a benefit 二级 (生态效益指标 → ecology); None for any other 二级."""
    return next((t for w, t in _LABELS if w in level2), None)
