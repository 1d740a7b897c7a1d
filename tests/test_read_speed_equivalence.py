"""Speed work must not change a reading: the shortcuts against their plain definitions
(invented lines of the shape, not copies of any document)."""

from __future__ import annotations

import itertools

from jixiao.readers.text import next_form


def _table_head_plain(line: str) -> bool:
    return sum(1 for g in next_form._HEAD_GROUPS if g.search(line)) >= 4


_WORDS = ("三级指标", "分值", "得分", "目标值", "完成值", "备注", "项目名称", "  ", "|")


def test_table_head_shortcut_agrees_with_the_count() -> None:
    for n in range(0, 6):
        for combo in itertools.permutations(_WORDS, n):
            line = "  ".join(combo)
            assert next_form._table_head(line) == _table_head_plain(line), line


def _form(name: str) -> list[str]:
    return [
        "某某单位项目支出绩效自评表",
        f"项目名称    {name}",
        "项目资金（万元）    年初预算数    全年预算数    全年执行数",
        "年度资金总额    12    12    11",
        "一级指标    二级指标    三级指标    指标值    完成值    分值    得分",
        "产出指标    数量指标    培训人次    ≥30人次    35人次    20    20",
        "",
    ]


def test_second_form_found_after_the_first_table() -> None:
    lines = _form("乡村书屋补充图书") + _form("河道保洁服务")
    assert next_form.next_form_start(lines) == 7


def test_same_form_header_again_is_one_form() -> None:
    first = _form("乡村书屋补充图书")
    lines = first + first[1:]
    assert next_form.next_form_start(lines) is None


def test_lines_without_cells_are_skipped() -> None:
    lines = ["|  |  |", "   ", *_form("乡村书屋补充图书"), "｜", *_form("河道保洁服务")]
    assert next_form.next_form_start(lines) == 10


def test_to_simplified_agrees_with_zhconv() -> None:
    import random

    import zhconv
    from zhconv import zhconv as impl

    from jixiao.textnorm import has_traditional, to_simplified

    invented = (
        "某某區婦女聯合會部門整體支出績效自評表，項目資金（萬元）年初預算數、全年執行數；"
        "產出指標數量指標開展困難婦女慰問幫扶≥30人次，乾淨整潔，後續發展，著力於覆蓋面。"
    )
    keys = list(impl.getdict("zh-hans"))
    rnd = random.Random(5)
    texts = [invented, zhconv.convert(invented, "zh-tw"), zhconv.convert(invented, "zh-hk")]
    for _ in range(3000):
        texts.append(
            "".join(
                rnd.choice(keys) if rnd.random() < 0.7 else rnd.choice("的是在项目资金預算0.%")
                for _ in range(rnd.randint(1, 30))
            )
        )
    for text in texts:
        if has_traditional(text):
            assert to_simplified(text) == zhconv.convert(text, "zh-hans"), text


def test_number_prefixes_agree_with_the_plain_definition() -> None:
    from jixiao.extract import runtogether as rt

    def plain(s: str, pos: int, max_int: int) -> list[int]:
        m = rt._DIGITS.match(s, pos)
        if not m:
            return []
        run = m.group(0)
        return [
            pos + k
            for k in range(1, len(run) + 1)
            if rt._valid_number(run[:k]) and len(run[:k].split(".")[0]) <= max_int
        ]

    for n in range(1, 7):
        for chars in itertools.product("0.15", repeat=n):
            s = "名称" + "".join(chars) + "%"
            for max_int in (3, 4, 9):
                assert rt._number_prefixes(s, 2, max_int) == plain(s, 2, max_int), (s, max_int)
    long_run = "名" + "1234567890123.45"
    for max_int in (3, 4, 9):
        assert rt._number_prefixes(long_run, 1, max_int) == plain(long_run, 1, max_int)


def test_has_traditional_agrees_with_the_set() -> None:
    import random

    from jixiao import textnorm

    chars = sorted(textnorm._TRAD_CHARS)
    rnd = random.Random(9)
    texts = ["", "12.5", "项目资金（万元）", "項目資金（萬元）", "𠮷野家", "𠮷項目"]
    for _ in range(5000):
        texts.append(
            "".join(
                rnd.choice(chars)
                if rnd.random() < 0.03
                else chr(rnd.randint(0x20000, 0x2A6DF))
                if rnd.random() < 0.02
                else chr(rnd.randint(0x3000, 0x9FFF))
                for _ in range(rnd.randint(0, 20))
            )
        )
    for text in texts:
        assert textnorm.has_traditional(text) == (not textnorm._TRAD_CHARS.isdisjoint(text)), text


def test_glue_gate_hides_no_glued_cell() -> None:
    import random

    from jixiao.extract import form

    alphabet = "0123456789.%－—-+≥≤<>=不低于达到万元次项人满意度全年召开）)“”。 ５"
    rnd = random.Random(11)
    texts = ["1010", "－－", "150.00130.0086.67%", "全年召开4次专题会5", "≥54次59次", "达到"]
    texts += [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 14))) for _ in range(20000)
    ]
    for text in texts:
        glued = bool(
            form._GLUED.search(text)
            or form._POINTS_PAIR.fullmatch(text.strip())
            or form._WORDS_THEN_POINTS.fullmatch(text.strip())
        )
        assert not glued or form._MAY_GLUE.search(text), text


def test_break_search_room_covers_every_match() -> None:
    from re import _parser  # type: ignore[attr-defined]

    from jixiao.extract import runtogether as rt

    for pattern in rt._BREAK_PATTERNS:
        widest = _parser.parse(pattern.pattern).getwidth()[1]
        assert widest + 1 + 1 < rt._BREAK_ROOM  # the match, one character of lookahead, the start
    text = "名称达到预期目标达到预期5-完成全年任务性" * 3
    for pos in range(len(text)):
        for last in range(pos, len(text)):
            plain = sorted(
                {
                    m.start()
                    for pattern in rt._BREAK_PATTERNS
                    for m in pattern.finditer(text, pos)
                    if m.start() <= last
                }
            )
            assert rt._breaks(text, pos, last) == plain


# cell texts of the shapes a target, an actual or a glued pair of figures takes (invented)
_CELL_TEXTS = (
    "≥95%",
    "９６．５％",
    "≤３．６４万元",
    "不少于12次",
    "每月1次",
    "明显改善",
    "  30人次 ",
    "—",
    "",
    "1010",
    "4038",
    "1622.1397.18%",
    "全年召开4次专题会5",
    "2020年完成",
    "達到預期",
    "98.5%－",
)


def test_measure_once_per_text_agrees_with_parsing_each_cell() -> None:
    from dataclasses import replace

    from jixiao.document import Cell
    from jixiao.extract import form
    from jixiao.measure import parse_measure
    from jixiao.model import Location
    from jixiao.textnorm import clean, halfwidth

    def plain(cell: Cell):  # type: ignore[no-untyped-def]
        printed = clean(cell.text)
        half = halfwidth(printed)
        m = parse_measure(half, cell.location)
        return m if m is None or half == printed else replace(m, text=printed.strip())

    for k, text in enumerate(_CELL_TEXTS * 2):  # each text met twice, at two places
        cell = Cell(text, Location("表.txt", line=k + 1))
        assert form._measure(cell) == plain(cell), text


def test_may_hold_two_agrees_with_the_three_patterns() -> None:
    from jixiao.extract import form

    for text in _CELL_TEXTS:
        plain = bool(
            form._MAY_GLUE.search(text)
            and (
                form._GLUED.search(form._half(text))
                or form._POINTS_PAIR.fullmatch(text.strip())
                or form._WORDS_THEN_POINTS.fullmatch(text.strip())
            )
        )
        assert form._may_hold_two(text) == plain, text


def test_places_checked_from_the_printed_exponent_first() -> None:
    from decimal import Decimal

    from jixiao.bounds import MONEY, POINTS, YEAR, Bound

    def plain(bound: Bound, value: Decimal) -> str | None:
        if value and (value.adjusted() > 15 or not bound.low <= value <= bound.high):
            return bound._range()
        exponent = value.normalize().as_tuple().exponent
        assert isinstance(exponent, int)
        if -exponent > bound.places:
            return "应为整数" if bound.places == 0 else f"小数位数过多（最多 {bound.places} 位）"
        return None

    printed = (
        "0",
        "0.000",
        "2021",
        "2021.0",
        "2021.50",
        "12.3456",
        "12.34567",
        "12.345670000",
        "-0.5",
        "1E+2",
        "100.00000000",
        "99.99999",
        "3.1415926535897932384626433832795028",
    )
    for bound in (MONEY, POINTS, YEAR):
        for text in printed:
            value = Decimal(text)
            assert bound.problem(value) == plain(bound, value), (bound, text)


def test_fit_fund_once_per_row_gives_a_fresh_placement() -> None:
    from jixiao.extract.values import Role, fit_fund

    roles = [Role.INITIAL, Role.BUDGET, Role.SPENT, Role.RATE, Role.WEIGHT, Role.SCORE]
    values = ["120.00", "96.00", "80%", "10", "8"]  # no 年初预算数: 96 ÷ 120 = 80 %
    first = fit_fund(values, roles)
    assert first == [1, 2, 3, 4, 5]
    assert first is not None
    first.append(99)  # a caller may change its list: the next row's placement is untouched
    assert fit_fund(list(values), list(roles)) == [1, 2, 3, 4, 5]
    assert fit_fund(["120.00", "96.00", "70%"], roles[:4]) is None  # the rate does not hold


def test_align_and_short_row_once_per_row_give_fresh_lists() -> None:
    from jixiao.extract.short_rows import place_short_row
    from jixiao.extract.values import Role, align

    roles = [Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE, Role.DEVIATION]
    values = ["≥30人次", "5", "5"]  # the 完成值 cell vanished: which one is blank is not printed
    placed = align(values, roles)
    placed.append(7)
    assert align(list(values), list(roles)) == placed[:-1]
    short = place_short_row(values, roles)
    assert short is not None
    short[0].append(7)
    short[1].append(7)
    again = place_short_row(tuple(values), tuple(roles))
    assert again is not None and 7 not in again[0] and 7 not in again[1]
    assert align([], roles) == []


def test_clause_before_without_a_pattern_agrees_with_the_pattern() -> None:
    from decimal import Decimal

    from jixiao.extract import prose
    from jixiao.model import Figure, Num

    # invented sentences: the figure printed once, twice, inside a longer figure (1650, 0.650,
    # ١650 with an Arabic-Indic digit), overlapping itself (1.11.1), at the start, and clauses
    # cut by each mark
    sentences = [
        "该项目年初预算安排资金650万元，实际支出650万元。",
        "全年预算1650万元；其中市级资金650万元：已拨付0.650万元",
        "650万元为年初预算安排资金,实际到位资金650万元;结余０650万元",
        "预算安排资金١650万元。追加安排资金650万元",
        "安排1.11.1万元，其中资金1.1万元",
        "无此数",
        "",
    ]
    labels = ["资金", "预算安排资金", "实际", "", "结余", "其中资金", "追加安排资金"]
    printed = ["650", "650万元", "1.1", "1.11.1", "万元", "０650", ""]
    for sentence in sentences:
        for label in labels:
            for text in printed:
                fig = Figure(label, Num(Decimal(1), text), sentence=sentence)
                assert prose._clause_before(fig) == prose._clause_before_plain(fig), (
                    sentence,
                    label,
                    text,
                )


def test_long_text_walk_agrees_with_the_plain_walk() -> None:
    from dataclasses import fields
    from decimal import Decimal

    from jixiao import bounds
    from jixiao.model import Evaluation, FundRow, Indicator, Kind, Location, Measure, Num, Text

    # the fields the walk measures where it meets them: a new field must be walked too
    assert [f.name for f in fields(Num)] == ["value", "text", "unit", "location"]
    assert [f.name for f in fields(Text)] == ["text", "location"]
    limit, room = bounds.MAX_TEXT, bounds._LOCATION_ROOM
    long = "长" * (limit + 1)
    edge = "边" * limit
    # a location just within and just beyond the room its file name and cell may take
    locs = [
        None,
        Location("某单位自评表.txt", line=3, cell="第3行第2列"),
        Location("甲" * (limit - room - 3), cell="第1行"),  # exactly the limit
        Location("甲" * (limit - room - 2), cell="第1行"),
    ]
    outcomes = set()
    for loc in locs:
        for text in ("12.5", edge, long):
            for unit in (None, "万元", long):
                num = Num(Decimal("12.5"), text, unit, loc)
                label = Text(text, loc)
                ev = Evaluation(
                    Kind.PROJECT,
                    source="某单位自评表.txt",
                    year=num,
                    funds=(FundRow(label=Text("资金总额", loc), budget=num),),
                    indicators=(Indicator(name=label, target=Measure(text, location=loc)),),
                    notes=("第2行：没有读出执行率",),
                )
                for value in (num, label, ev, (num, label), loc, text):
                    got = bounds._long(value)
                    assert got == _long_plain(value), (loc, text, unit)
                    outcomes.add(got)
    assert outcomes == {True, False}


def test_column_role_character_test_agrees_with_the_rules() -> None:
    from jixiao.extract import vocab, vocab_official
    from jixiao.textnorm import label_key

    # each pattern's branches need a word of _ROLE_WORDS
    for pattern in (vocab._SPENT, vocab._BUDGET, vocab._TARGET, vocab._ACTUAL):
        for branch in pattern.pattern.replace("(?:实际|全年)?", "").split("|"):
            word = branch.strip("^$")
            assert word in vocab._ROLE_WORDS, branch
    labels = {
        label_key(label)
        for table in (
            vocab_official.COLUMN_LABELS,
            vocab_official.FIELD_LABELS,
            vocab_official.FUND_LABELS,
            vocab_official.SECTION_LABELS,
            vocab_official.CATEGORY_LABELS,
        )
        for label, _, _ in table
    } | set(vocab._ROLE_WORDS)
    # invented cells of a table: names, values, reasons
    labels |= {"培训人次", "≥30人次", "群众满意度", "受天气影响进度延后", "项目完工率", "合计"}
    keys = set()
    for label in labels:
        keys.add(label)
        keys.update(label[i:j] for i in range(len(label)) for j in range(i + 1, len(label) + 1))
        keys.update(label + tail for tail in ("(分)", "(万元)", "(%)", "(A)", "(B/A)", ":"))
        keys.update(head + label for head in ("实际", "全年", "年度", "1"))
        if 4 <= len(label) <= 5:
            keys.update("".join(p) for p in itertools.permutations(label))
    for key in keys:
        assert vocab.column_role(key) == vocab._column_role(key), key


def test_report_figure_pattern_agrees_with_its_plain_form() -> None:
    from jixiao.extract import report_figures

    # invented report sentences: money, rates, head counts, figures in figures and dates
    sentences = [
        "全年预算安排资金1,650.50万元，实际支出1650万元，执行率为100%。",
        "在职12人（其中行政编制8人），2023年共培训3,000人次，名额10名。",
        "版本1.2.3万元、12,34万元、0.5%、１２万元、5 万元/年、3‰、7名单、4人民",
        "项目资金12.5亿元，千元以下零星支出9千元；.5万元；,5元；1,000,000元",
        "",
    ]
    for s in sentences:
        got = [(m.span(), m.groupdict()) for m in report_figures.FIGURE.finditer(s)]
        plain = [(m.span(), m.groupdict()) for m in report_figures._FIGURE_PLAIN.finditer(s)]
        assert got == plain, s
        assert bool(report_figures.FIGURE.search(s)) == bool(report_figures._FIGURE_PLAIN.search(s))


def _long_plain(value: object) -> bool:
    """``bounds._long`` by its definition: every field of every record walked the same way."""
    from jixiao import bounds

    stack: list[object] = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind in bounds._LEAVES:
            continue
        if kind is tuple:
            stack.extend(item)
        elif isinstance(item, str):
            if len(item) > bounds.MAX_TEXT:
                return True
        elif kind is bounds.Location:
            if len(item.source) + len(item.cell or "") + bounds._LOCATION_ROOM > bounds.MAX_TEXT:
                return True
        elif kind is bounds.Text:
            if len(item.text) > bounds.MAX_TEXT:
                return True
            if item.location is not None:
                stack.append(item.location)
        else:
            if kind not in bounds._PARTS:
                bounds._PARTS[kind] = bounds._parts_of(item)
            if (parts := bounds._PARTS[kind]) is not None:
                stack.extend(parts(item))
    return False
