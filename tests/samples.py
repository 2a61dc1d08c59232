"""Hand-built reports that exercise every node class and every kind of field value."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from newsmodel.model import (
    BlockQuote,
    Citation,
    Comment,
    Comments,
    Correction,
    CorrectionKind,
    EditorsNote,
    Elision,
    ElisionMark,
    Emphasis,
    Figure,
    Identifier,
    Image,
    InlineQuote,
    Insertion,
    Instrument,
    InstrumentKind,
    ItemList,
    LegalStatus,
    LineBreak,
    Link,
    ListItem,
    Occasion,
    Organization,
    Origin,
    Paragraph,
    Person,
    Promo,
    Provenance,
    ProvisionRef,
    ProvisionStep,
    RelatedReport,
    Relation,
    Report,
    ScareQuote,
    Section,
    Sic,
    SourceDocument,
    Strong,
    Text,
    Translation,
)

KATHMANDU = timezone(timedelta(hours=5, minutes=45))
NEWFOUNDLAND = timezone(-timedelta(hours=3, minutes=30))


def t(s: str) -> Text:
    return Text(text=s)


def minimal_report(**overrides: object) -> Report:
    """The smallest valid report: an id and a headline (plus whatever the caller adds)."""
    fields: dict[str, object] = {"id": "urn:example:minimal", "headline": "Minimal"}
    fields.update(overrides)
    return Report(**fields)  # type: ignore[arg-type]


def full_report() -> Report:
    """A report that uses every node class and every kind of field value.

    Dates and aware datetimes with odd offsets (+05:45, -03:30) and microseconds, every enum, tuples
    of strings and of nodes, optional nodes present, and every reference kind resolved.
    """
    agents = (
        Organization(id="paper", name="The Daily Example", short_name="TDE", url="https://paper.example"),
        Organization(id="desk", name="Investigations Desk", parent="paper"),
        Person(
            id="reporter",
            name="Ana Ruiz-Pérez",
            role="senior reporter",
            url="https://paper.example/staff/ana",
            affiliation="paper",
        ),
        Person(id="translator", name="李 明", role="translator", affiliation="paper"),
        Person(id="official", role="a senior official who asked not to be named"),
    )
    sources = (
        SourceDocument(
            id="factsheet",
            title="Fact sheet: who is bound?",
            kind="fact sheet",
            author="official",
            publisher="paper",
            url="https://paper.example/factsheet.pdf",
            date=date(2023, 3, 1),
            language="en",
        ),
    )
    instruments = (
        Instrument(id="bill", title="International Bill of Human Rights", kind=InstrumentKind.COLLECTION),
        Instrument(
            id="udhr",
            title="Universal Declaration of Human Rights",
            kind=InstrumentKind.DECLARATION,
            short_name="UDHR",
            aliases=("the Declaration", "the Universal Declaration"),
            jurisdiction="international",
            issuing_body="UN General Assembly",
            adopted=date(1948, 12, 10),
            status=LegalStatus.NON_BINDING,
            status_note="A General Assembly resolution, not a treaty.",
            identifiers=(Identifier(scheme="un-symbol", value="A/RES/217(III)"),),
            url="https://www.un.org/udhr",
            part_of="bill",
        ),
    )
    quote = InlineQuote(
        content=(
            t("we "),
            Insertion(content=(t("the company"),), reason="clarification"),
            t(" respect "),
            Emphasis(content=(t("all"),), origin=Origin.EDITOR),
            t(" laws "),
            Elision(mark=ElisionMark.BARE, omitted="and regulations"),
            Sic(content=(t("everywere"),), correction="everywhere"),
        ),
        provenance=Provenance(
            speaker="official",
            occasion=Occasion(
                name="Investor call",
                date=datetime(2023, 4, 1, 9, 30, tzinfo=KATHMANDU),
                place="Kathmandu",
                url="https://paper.example/call",
            ),
            language="en",
            original_language="zh",
            translator="translator",
        ),
        id="q1",
        translations=(Translation(language="fr", content=(t("nous respectons"),), translator="translator"),),
        marks="“”",
    )
    paragraph = Paragraph(
        content=(
            t("Tabs\tand “typographic” quotes, émoji 👩🏽‍💻 and <markup> & "),
            Strong(content=(t("strong"),)),
            t(", "),
            Link(url="https://example.org/a?b=c&d", content=(t("a link"),), title="A title"),
            LineBreak(),
            quote,
            t(" and "),
            ScareQuote(content=(t("re-education"),), marks="‘’"),
            t(" under "),
            Citation(
                instrument="udhr",
                path=(
                    ProvisionStep(unit="article", number="19"),
                    ProvisionStep(unit="paragraph", number="2a"),
                ),
                content=(t("article 19(2a)"),),
            ),
            t("."),
        ),
        id="p1",
    )
    block_quote = BlockQuote(
        content=(Paragraph(content=(t("Everyone has the right to freedom of opinion."),)),),
        provenance=Provenance(
            source="factsheet",
            provision=ProvisionRef(instrument="udhr", path=(ProvisionStep(unit="article", number="19"),)),
            date=datetime(2023, 4, 2, 23, 59, 59, 999999, tzinfo=NEWFOUNDLAND),
            requotes="q1",
        ),
        id="bq1",
        translations=(Translation(language="zh-Hans", content=(t("人人有权享有主张和发表意见的自由"),)),),
    )
    body = (
        Section(
            heading=(t("What was said"),),
            content=(
                paragraph,
                Section(heading=(t("Deeper"),), content=(block_quote,), level=3, id="s1-1"),
            ),
            level=2,
            id="s1",
        ),
        ItemList(
            items=(
                ListItem(content=(Paragraph(content=(t("first"),)),), label=(t("Religion:"),), id="li1"),
                ListItem(content=(Paragraph(content=(t("second"),)),)),
            ),
            ordered=True,
            start=3,
            id="list1",
        ),
        Figure(
            image=Image(
                src="https://paper.example/a.jpg", alt="", media_type="image/jpeg", width=640, height=480
            ),
            caption=(t("A caption"),),
            credit=(t("Photo: the desk"),),
            id="fig1",
        ),
        EditorsNote(
            content=(Paragraph(content=(t("This call took place before the vote."),)),),
            date=date(2023, 4, 3),
            id="note1",
        ),
        Promo(content=(t("Sign up"),), kind="newsletter", url="https://paper.example/news", id="promo1"),
    )
    return Report(
        id="urn:example:report:1",
        headline="A report that uses everything",
        url="https://paper.example/report-1",
        standfirst=(t("The "), Emphasis(content=(t("summary"),)), t(".")),
        authors=("reporter", "desk"),
        publisher="paper",
        published=datetime(2023, 4, 3, 8, 15, 30, 123456, tzinfo=KATHMANDU),
        modified=datetime(2023, 4, 4, 1, 0, tzinfo=UTC),
        language="en-GB",
        dateline="KATHMANDU",
        topics=("human rights", "surveillance"),
        tags=("cameras",),
        agents=agents,
        sources=sources,
        instruments=instruments,
        body=body,
        related=(
            RelatedReport(
                relation=Relation.FOLLOW_UP,
                title="The follow-up",
                url="https://paper.example/report-2",
                date=date(2023, 5, 1),
                teaser="It went on...",
            ),
            RelatedReport(relation=Relation.CITED_BY, title="Cited by"),
        ),
        comments=Comments(
            items=(
                Comment(
                    content=(Paragraph(content=(t("Great piece."),)),),
                    id="c1",
                    author="reader",
                    author_url="https://reader.example",
                    date=datetime(2023, 4, 3, 12, 0, tzinfo=UTC),
                ),
                Comment(content=(Paragraph(content=(t("Anonymous remark."),)),)),
            ),
            count=4,
            notice=(t("Only members may comment."),),
        ),
        corrections=(
            Correction(
                date=datetime(2023, 4, 4, 1, 0, tzinfo=UTC),
                content=(t("An earlier version misnamed the desk."),),
                anchors=("p1", "bq1"),
                kind=CorrectionKind.CLARIFICATION,
            ),
        ),
    )


def date_only_report() -> Report:
    """A report with day-precision dates and default (empty / None) optional fields."""
    return Report(
        id="urn:example:report:2",
        headline="Dates only",
        published=date(2019, 5, 28),
        modified=date(2019, 5, 28),
        body=(Paragraph(content=(t("One paragraph."),)),),
    )
