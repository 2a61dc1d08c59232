"""The built-in drop-furniture transform."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsmodel
from newsmodel import Comments, Promo, find
from newsmodel.build import p, report
from newsmodel.errors import OptionError
from newsmodel.transforms.furniture import drop_furniture

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "example.json"


def _with_furniture() -> newsmodel.Report:
    return report(
        "Headline",
        id="r",
        body=[
            p("Text."),
            Promo(content=(newsmodel.Text(text="Sign up"),), kind="newsletter"),
            Promo(content=(newsmodel.Text(text="Join"),), kind="membership"),
        ],
        comments=Comments(notice=(newsmodel.Text(text="Only members may comment."),)),
    )


def test_drops_every_promo_and_the_comment_notice() -> None:
    clean = drop_furniture(_with_furniture())
    assert not list(find(clean, Promo))
    assert clean.comments is not None
    assert clean.comments.notice == ()
    assert clean.body == (p("Text."),)


def test_kinds_keep_other_promos_and_the_notice() -> None:
    clean = drop_furniture(_with_furniture(), kinds=["newsletter"])
    assert [x.kind for x in find(clean, Promo)] == ["membership"]
    assert clean.comments is not None
    assert clean.comments.notice


def test_nothing_to_drop_returns_the_same_report() -> None:
    plain = report("Headline", id="r", body=[p("Text.")])
    assert drop_furniture(plain) is plain


def test_through_the_api_and_its_options() -> None:
    example = newsmodel.load(EXAMPLE)
    assert list(find(example, Promo))
    clean = newsmodel.apply_transforms(example, ["drop-furniture"])
    assert not list(find(clean, Promo))
    with pytest.raises(OptionError, match="kinds"):
        newsmodel.apply_transforms(example, ["drop-furniture"], options={"kinds": "newsletter"})


def test_through_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "clean.json"
    code = newsmodel.cli.run(["convert", str(EXAMPLE), "--transform", "drop-furniture", "-o", str(out)])
    assert code == 0
    assert not list(find(newsmodel.load(out), Promo))
