"""The plain forms of target declaration (the table itself is :mod:`layout`)."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from jixiao_web.targets.models import TargetRound


class TargetRoundForm(forms.Form):
    year = forms.IntegerField(label="预算年度", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label="类型", choices=TargetRound.Kind.choices)
    deadline = forms.DateField(label="截止日期", widget=forms.DateInput(attrs={"type": "date"}))
    title = forms.CharField(label="名称（可不填）", required=False, max_length=200)

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        year, deadline = data.get("year"), data.get("deadline")
        today = timezone.localdate()
        if deadline and deadline < today:
            self.add_error("deadline", f"截止日期 {deadline:%Y-%m-%d} 已经过去，请选择今天或以后的日期。")
        elif year and deadline and deadline.year > year:
            # targets are declared with the budget request, before the budget year ends
            self.add_error("deadline", f"{year} 年度的绩效目标应在 {year} 年底之前申报。")
        if year and year < today.year - 1:
            self.add_error("year", f"{year} 年度已经过去，目标申报针对下一年度或本年度的预算。")
        return data
