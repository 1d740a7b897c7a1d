"""Normalisation used to match labels: pinyin, traditional characters, widths, spaces, numbering."""

from jixiao.textnorm import clean, fold, has_traditional, join_wrapped, label_key, strip_pinyin


def test_inline_pinyin_after_characters_is_removed():
    assert strip_pinyin("項(xiàng)目") == "項目"
    assert strip_pinyin("農(nóng)田水利") == "農田水利"


def test_neutral_tone_syllables_go_too_when_the_page_annotates():
    assert strip_pinyin("項(xiàng)目的(de)績(jì)效") == "項目的績效"


def test_latin_in_parentheses_that_is_not_pinyin_stays():
    assert strip_pinyin("执行率(B/A)") == "执行率(B/A)"
    assert strip_pinyin("数据(data)") == "数据(data)"  # no tone marks anywhere: not pinyin


def test_traditional_to_simplified_only_when_traditional():
    assert has_traditional("項目績效")
    assert clean("項(xiàng)目名稱") == "项目名称"
    assert clean("项目名称") == "项目名称"


def test_wrapped_cells_join_without_spaces_between_chinese():
    assert join_wrapped("年度\n\n指标值") == "年度指标值"
    assert join_wrapped("绩\n效\n指\n标") == "绩效指标"
    assert join_wrapped("Word\nExcel") == "Word Excel"


def test_fold_removes_spaces_and_widths():
    assert fold("产 出 指 标") == "产出指标"
    assert fold("（万元）") == "(万元)"
    assert fold("１００％") == "100%"


def test_clean_keeps_chinese_punctuation():
    assert clean("加强宣传，提高素质。") == "加强宣传，提高素质。"


def test_label_key_strips_numbering_points_colon_and_seal():
    assert label_key("指标1：落实主题党日活动") == "落实主题党日活动"
    assert label_key("（1）财政拨款") == "财政拨款"
    assert label_key("其中：人员支出") == "人员支出"
    assert label_key("产 出 指 标 (50分)") == "产出指标"
    assert label_key("年度资金总额:") == "年度资金总额"
    assert label_key("实施单位 (盖章)") == "实施单位"
    assert label_key("1.项目年度目标完成情况") == "项目年度目标完成情况"


def test_label_key_keeps_numbers_that_are_not_numbering():
    assert label_key("0-6岁儿童健康管理数") == "0-6岁儿童健康管理数"
    assert label_key("指标2") == "指标2"  # a placeholder row, not numbering


def test_halfwidth_changes_only_full_width_ascii():
    from jixiao.textnorm import halfwidth

    assert halfwidth("≤３．６４万元（１）") == "≤3.64万元(1)"
    assert halfwidth("①５０㎡") == "①50㎡"


def test_numbering_with_full_width_digits_is_stripped():
    from jixiao.textnorm import strip_numbering

    assert strip_numbering("（１）财政拨款") == "财政拨款"


def test_repair_ocr_of_form_words_and_figures():
    from jixiao.textnorm import repair_ocr

    text, done = repair_ocr("项Fl资金(万兀)年初预匏数保障人数2370人IO指标")
    assert text == "项目资金(万元)年初预算数保障人数2370人10指标"
    assert done == ["项Fl→项目", "万兀→万元", "预匏→预算", "IO→10"]
    assert repair_ocr("1O0%")[0] == "100%"
    assert repair_ocr("≥2l次22次2O2O")[0] == "≥21次22次2020"  # a figure ending in l or O
    # letters that are words stay: an English name, IOS, a licence plate
    assert repair_ocr("IOS系统、Lotus、粤B1234")[0] == "IOS系统、Lotus、粤B1234"
