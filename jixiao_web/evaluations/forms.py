"""Django forms for the few plain forms (the evaluation table itself is :mod:`layout`)."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.utils import timezone

from jixiao_web.evaluations.models import Round, available_profiles

IMPORT_SUFFIXES = (".txt", ".csv", ".tsv", ".docx", ".xlsx", ".xls", ".doc", ".pdf", ".json")


class ChineseForm(forms.Form):
    """Labels end with a full-width colon (评价年度：), as Chinese forms print them."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("label_suffix", "：")
        super().__init__(*args, **kwargs)


class RoundForm(ChineseForm):
    year = forms.IntegerField(label="评价年度", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label="类型", choices=Round.Kind.choices)
    deadline = forms.DateField(label="截止日期", widget=forms.DateInput(attrs={"type": "date"}))
    profile = forms.ChoiceField(label="评分规则", required=False)
    title = forms.CharField(label="名称（可不填）", required=False, max_length=200)

    def __init__(self, *args, choose_region: bool = False, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["profile"].choices = available_profiles()
        if choose_region:  # a superuser without a region of their own
            from jixiao_web.accounts.models import Region

            self.fields["region"] = forms.ModelChoiceField(
                label="财政局", queryset=Region.objects.all()
            )

    def clean_deadline(self):  # type: ignore[no-untyped-def]
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(
                f"截止日期 {deadline:%Y-%m-%d} 已经过去，请选择今天或以后的日期。"
            )
        return deadline

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        year, deadline = data.get("year"), data.get("deadline")
        if year and year > timezone.localdate().year:
            self.add_error("year", f"{year} 年度尚未开始，自评针对已经结束（或正在进行）的年度。")
        elif year and deadline and deadline.year < year:
            self.add_error("deadline", f"截止日期应在 {year} 年度之后或当年内。")
        return data


class DeadlineForm(ChineseForm):
    deadline = forms.DateField(label="新的截止日期", widget=forms.DateInput(attrs={"type": "date"}))

    def clean_deadline(self):  # type: ignore[no-untyped-def]
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(f"截止日期 {deadline:%Y-%m-%d} 已经过去。")
        return deadline


class ImportForm(ChineseForm):
    file = forms.FileField(label="自评表文件")

    def clean_file(self):  # type: ignore[no-untyped-def]
        f = self.cleaned_data["file"]
        suffix = Path(f.name).suffix.lower()
        if suffix not in IMPORT_SUFFIXES:
            raise forms.ValidationError(
                f"不支持的文件类型“{suffix or '无扩展名'}”，可导入：{'、'.join(IMPORT_SUFFIXES)}"
            )
        if f.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"文件过大（上限 {settings.MAX_UPLOAD_BYTES // 1024 // 1024} MB）"
            )
        if f.size == 0:
            raise forms.ValidationError("文件是空的")
        return f
