"""抽查复核 pages (the bureau's): draws of a round with their rule and seed, re-scoring the
drawn forms, the per-unit history of 自评不实 gaps; and the year-over-year page (a unit its own
years, the bureau its region's units and score inflation)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jixiao.lifecycle import rescoring, sampling
from jixiao_web.accounts.models import Unit
from jixiao_web.evaluations import charts
from jixiao_web.evaluations.access import membership, visible_rounds
from jixiao_web.evaluations.layout import target_label
from jixiao_web.evaluations.models import Round
from jixiao_web.evaluations.workflow import EDITORS, REVIEWERS, Status, WorkflowError
from jixiao_web.reevaluation.models import SAMPLED, SampleDraw, SampleItem
from jixiao_web.reevaluation.yearly import region_inflation, unit_years


def _bureau(user: Any) -> None:
    m = membership(user)
    if not user.is_superuser and (m is None or m.role not in REVIEWERS):
        raise PermissionDenied("只有财政局审核人或管理员可以进行抽查复核。")


def unit_notices(user: Any) -> list[SampleItem]:
    """For a unit's dashboard: its forms drawn for 抽查复核 (the result once confirmed)."""
    m = membership(user)
    if m is None or m.role not in EDITORS or m.unit_id is None:
        return []
    return list(
        SampleItem.objects.filter(submission__unit_id=m.unit_id)
        .select_related("submission__round", "draw")
        .order_by("-draw__drawn_at", "-id")[:10]
    )


def visible_draws(user: Any) -> Any:
    rounds = visible_rounds(user)
    return SampleDraw.objects.select_related("round", "drawn_by").filter(round__in=rounds)


def _decimal_list(text: str) -> tuple[Decimal, ...]:
    parts = [p.strip() for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()]
    try:
        return tuple(Decimal(p) for p in parts)
    except ArithmeticError:
        raise forms.ValidationError(f"“{text}”不是用逗号分隔的数字。") from None


class DrawForm(forms.Form):
    round = forms.ModelChoiceField(label="评价轮次", queryset=Round.objects.none())
    share = forms.DecimalField(
        label="每层抽取比例（%）", min_value=Decimal("0.1"), max_value=100, initial=20
    )
    amount_bands = forms.CharField(
        label="金额分档界限（万元，逗号分隔）", initial="100, 500", required=False
    )
    lag_below = forms.DecimalField(
        label="执行率低于（%）为执行滞后", min_value=0, max_value=100, initial=80
    )
    attention_all = forms.BooleanField(label="重点监控项目全部抽取", required=False, initial=True)
    threshold = forms.DecimalField(
        label="自评不实阈值（自评高出复核的分数）", min_value=0, max_value=100, initial=5
    )
    seed = forms.IntegerField(
        label="随机种子（留空则随机生成；填写已记录的种子可复现抽取）",
        required=False,
        min_value=0,
        max_value=10**15,
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = visible_rounds(user).order_by("-year", "title")

    def clean_amount_bands(self) -> tuple[Decimal, ...]:
        return _decimal_list(self.cleaned_data.get("amount_bands") or "")

    def rule(self) -> sampling.Rule:
        c = self.cleaned_data
        return sampling.Rule(
            share=c["share"] / 100,
            amount_bands=c["amount_bands"],
            lag_below=c["lag_below"],
            attention_all=c["attention_all"],
            threshold=c["threshold"],
        )


@require_GET
@login_required
def index(request: HttpRequest) -> HttpResponse:
    _bureau(request.user)
    return render(
        request,
        "reevaluation/index.html",
        {"draws": visible_draws(request.user)[:100], "form": DrawForm(request.user)},
    )


@require_POST
@login_required
def draw_new(request: HttpRequest) -> HttpResponse:
    _bureau(request.user)
    form = DrawForm(request.user, request.POST)
    if form.is_valid():
        try:
            d = SampleDraw.make(
                by=request.user,
                round=form.cleaned_data["round"],
                rule=form.rule(),
                seed=form.cleaned_data["seed"],
            )
        except (ValueError, WorkflowError) as exc:
            messages.error(request, f"未抽取：{exc}")
        else:
            messages.success(
                request,
                f"已从 {d.population} 份已通过的自评中抽取 {d.items.count()} 份（种子 {d.seed}）。",
            )
            return redirect("reeval_draw", pk=d.pk)
    draws = visible_draws(request.user)[:100]
    return render(request, "reevaluation/index.html", {"draws": draws, "form": form}, status=400)


def get_draw(user: Any, pk: int) -> SampleDraw:
    _bureau(user)
    try:
        return visible_draws(user).get(pk=pk)
    except SampleDraw.DoesNotExist:
        raise Http404("没有找到这次抽查。") from None


@require_GET
@login_required
def draw(request: HttpRequest, pk: int) -> HttpResponse:
    d = get_draw(request.user, pk)
    items = list(
        d.items.select_related("submission", "submission__unit", "scored_by", "draw__round")
    )
    recorded = tuple(str(i.submission_id) for i in items)
    return render(
        request,
        "reevaluation/draw.html",
        {
            "d": d,
            "items": items,
            "untrue": sum(1 for i in items if i.gap.untrue),
            "scored": sum(1 for i in items if i.score is not None),
            "reproduced": sorted(d.redraw_keys()) == sorted(recorded),
            "sampled_states": "、".join(Status(s).label for s in SAMPLED),
        },
    )


@require_POST
@login_required
def score(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    d = get_draw(request.user, pk)
    it = d.items.filter(pk=item).select_related("submission", "draw__round").first()
    if it is None:
        raise Http404("这次抽查没有这份自评。")
    text = request.POST.get("score", "").strip()
    try:
        value = Decimal(text)
        if not value.is_finite():
            raise ArithmeticError
        it.rescore(by=request.user, score=value, comment=request.POST.get("comment", "")[:2000])
    except ArithmeticError:
        messages.error(request, f"未保存：“{text[:20]}”不是数字。")
    except WorkflowError as exc:
        messages.error(request, f"未保存：{exc}")
    else:
        messages.success(
            request,
            f"已保存{it.submission.unit.name}的抽查复核得分 {value}" + (it.untrue_note or "。"),
        )
    return redirect("reeval_draw", pk=d.pk)


@require_GET
@login_required
def history(request: HttpRequest) -> HttpResponse:
    """Per unit, every re-evaluated form across years: self, re-evaluated score, gap, 自评不实."""
    _bureau(request.user)
    items = (
        SampleItem.objects.filter(draw__round__in=visible_rounds(request.user), score__isnull=False)
        .select_related("submission__unit", "submission__round", "draw__round")
        .order_by("submission__unit__name", "-submission__round__year")
    )
    units: dict[str, list[SampleItem]] = {}
    for it in items:
        units.setdefault(it.submission.unit.name, []).append(it)
    rows = [(name, its, sum(1 for i in its if i.gap.untrue)) for name, its in units.items()]
    return render(request, "reevaluation/history.html", {"units": rows})


@require_GET
@login_required
def years(request: HttpRequest) -> HttpResponse:
    """A unit's years side by side; for the bureau also the region's score inflation."""
    m = membership(request.user)
    if m is None and not request.user.is_superuser:
        raise PermissionDenied("您的账号没有所属单位或地区。")
    is_unit = m is not None and m.role in EDITORS
    if is_unit:
        assert m is not None
        units = Unit.objects.filter(pk=m.unit_id)
    else:
        _bureau(request.user)
        units = Unit.objects.select_related("department").order_by("department__name", "name")
        if m is not None and not request.user.is_superuser:
            units = units.filter(department__region_id=m.scope_region.pk)
    wanted = request.GET.get("unit", "")
    unit = units.filter(pk=wanted).first() if wanted.isdigit() else None
    if unit is None and is_unit:
        unit = units.first()
    ctx: dict[str, Any] = {
        "units": units,
        "unit": unit,
        "rows": unit_years(unit.pk) if unit else [],
    }
    if not is_unit:
        region_id = m.scope_region.pk if m is not None else None
        stats = region_inflation(region_id) if region_id else []
        ctx["stats"] = stats
        if stats:
            latest = stats[-1]
            ctx["latest"] = latest
            ctx["full_chart"] = mark_safe(
                charts.bar_chart_svg(
                    "自评满分占比（%，按年度）",
                    [charts.Bar(str(y.year), int(y.full_share or 0)) for y in stats],
                )
            )
            above = sorted(
                (
                    (u.mean_gap, u.unit)
                    for u in latest.units.values()
                    if u.mean_gap and u.mean_gap > 0
                ),
                reverse=True,
            )[:15]
            ctx["gap_chart"] = (
                mark_safe(
                    charts.bar_chart_svg(
                        f"{latest.year}年度 自评高出复核的单位（平均分差）",
                        [charts.Bar(name, gap) for gap, name in above],
                        height=max(120, 40 + 22 * len(above)),
                        horizontal=True,
                    )
                )
                if above
                else ""
            )
    return render(request, "reevaluation/years.html", ctx)


def _item(user: Any, pk: int, item: int) -> tuple[SampleDraw, SampleItem]:
    d = get_draw(user, pk)
    it = (
        d.items.filter(pk=item)
        .select_related("submission__unit", "submission__round", "draw__round")
        .first()
    )
    if it is None:
        raise Http404("这次抽查没有这份自评。")
    return d, it


def _posted_overrides(
    post: Any, keys: list[str]
) -> tuple[dict[str, rescoring.Override], list[str]]:
    """The rows the reviewer changed (``row-<key>-score`` given) and what could not be read."""
    out, bad = {}, []
    for key in keys:
        text = post.get(f"row-{key}-score", "").strip()
        if not text:
            continue
        try:
            value = Decimal(text)
            if not value.is_finite():
                raise ArithmeticError
        except ArithmeticError:
            bad.append(f"“{text[:20]}”不是数字")
            continue
        out[key] = rescoring.Override(value, post.get(f"row-{key}-reason", "")[:2000])
    return out, bad


@require_http_methods(["GET", "POST"])
@login_required
def rows(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    """One drawn form re-scored row by row: the library's score of each row, the reviewer's
    overrides with reasons, the gaps per row and in total, 自评不实."""
    d, it = _item(request.user, pk, item)
    status, posted = 200, None
    ev = it.reevaluation()
    if request.method == "POST":
        overrides, bad = _posted_overrides(request.POST, [r.key for r in ev.rows])
        try:
            if bad:
                raise WorkflowError("；".join(bad))
            ev = it.save_rows(
                by=request.user, overrides=overrides, comment=request.POST.get("comment", "")
            )
        except WorkflowError as exc:
            messages.error(request, f"未保存：{exc}")
            status, posted = 400, request.POST  # shown again as typed
        else:
            messages.success(
                request, f"已保存逐行复核：复核得分 {ev.total}" + (it.untrue_note or "。")
            )
            return redirect("reeval_rows", pk=d.pk, item=it.pk)
    return render(
        request,
        "reevaluation/rows.html",
        {
            "d": d,
            "it": it,
            "ev": ev,
            "g": it.gap,
            "rows": [(_label(r.key), r, *_typed(r, posted)) for r in ev.rows],
        },
        status=status,
    )


def _label(key: str) -> str:
    return "预算执行" if key.startswith("funds") else target_label(key)


def _typed(r: rescoring.RowRescore, posted: Any) -> tuple[str, str]:
    """The row's override inputs: as posted (a refused save keeps what was typed) or saved."""
    if posted is not None:
        return posted.get(f"row-{r.key}-score", ""), posted.get(f"row-{r.key}-reason", "")
    return ("", "") if r.override is None else (str(r.override.score), r.override.reason)


@require_POST
@login_required
def confirm(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    d, it = _item(request.user, pk, item)
    try:
        it.confirm(by=request.user)
    except WorkflowError as exc:
        messages.error(request, f"未确认：{exc}")
    else:
        it.submission.refresh_from_db()
        messages.success(
            request,
            f"已确认：{it.submission.unit.name}的自评复核得分为 {it.submission.review_score}"
            f"（{it.submission.grade or '无等级'}），已通知该单位。",
        )
    return redirect("reeval_rows", pk=d.pk, item=it.pk)
