"""Build the example report: an invented investigative trade-press story that uses every part of the model.

Everything here is fiction written for this project: the publisher (Perimeter Weekly), the company
(Corvid Optics), the think tank, the Norland commission, every person, every URL under ``.example``,
and the words of every non-legal document quoted, including the fact sheet attributed to the UN human
rights office. Only the legal instruments are real, and their provisions are quoted word for word from
the texts in ``../shared/legal``.

The story follows the shape of a report about a camera maker's statements on human-rights law, so it
exercises each element the model was designed around: a byline shared by a team and a reporter, a
date-only publication date, a translated block quote from an investor call with an editor's insertion
and emphasis, quoted constitutional provisions with their citations, block-quoted and listed
provisions of four instruments, whole instruments cited by name, scare quotes, a ``sic``, bare and
bracketed elisions, an editor's note, promos, related reports, reader comments and corrections.

The body is written with the short constructors of `newsmodel.build` (`p`, `em`, `q`, `cite`,
`section`, ...): plain strings become text, lists become tuples, and a quote's keyword arguments say
where its words come from. The declarations (people, sources, instruments) and the parts `build` has
no shorthand for (promos, related reports, comments, corrections) use the model's classes directly.

Run it as a script to print a summary; `build_report` is what tests and other scripts import.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import newsmodel
from newsmodel.build import (
    blockquote,
    br,
    cite,
    elision,
    em,
    figure,
    inlines,
    insertion,
    item,
    link,
    note,
    ol,
    p,
    q,
    report,
    scare,
    section,
    sic,
    strong,
    ul,
    work,
)
from newsmodel.model import (
    Block,
    Comment,
    Comments,
    Correction,
    CorrectionKind,
    Identifier,
    Inline,
    InlineQuote,
    Instrument,
    InstrumentKind,
    LegalStatus,
    ListItem,
    Occasion,
    Organization,
    Paragraph,
    Person,
    Promo,
    RelatedReport,
    Relation,
    Report,
    Section,
    SourceDocument,
    Translation,
)
from newsmodel.tree import iter_nodes

__all__ = ["build_report", "main"]

SITE = "https://perimeterweekly.example"
CORVID_SITE = "https://www.corvid-optics.example"
LONDON_SPRING = timezone(timedelta(hours=1))  # British Summer Time, in force from 26 March 2023

#: The quotation marks the page typed around most quotes; `q(..., marks=...)` records them.
CURLY = "“”"
#: The page's scare quotes.
SINGLE = "‘’"


def newsletter_promo(id: str) -> Promo:
    """The newsletter prompt the page repeats inside the body (`newsmodel.build` has no promo helper)."""
    return Promo(
        content=inlines("Get the Perimeter Weekly morning briefing on sensors, drones and security"),
        kind="newsletter",
        url=f"{SITE}/newsletter",
        id=id,
    )


# --- who is who ------------------------------------------------------------------------------------


def agents() -> tuple[Person | Organization, ...]:
    """Every person and organisation the report names, declared once."""
    return (
        Organization(id="pw", name="Perimeter Weekly", url=SITE),
        Organization(id="pw-investigations", name="Perimeter Weekly Investigations Team", parent="pw"),
        Person(
            id="whitcombe",
            name="Dana Whitcombe",
            role="senior reporter",
            url=f"{SITE}/staff/dana-whitcombe",
            affiliation="pw",
        ),
        Person(id="lin-qiaoyun", name="Lin Qiaoyun", role="translator", affiliation="pw"),
        Organization(id="corvid", name="Corvid Optics Co., Ltd.", short_name="Corvid", url=CORVID_SITE),
        Person(id="qiao", name="Qiao Renfeng", role="chair", affiliation="corvid"),
        Organization(
            id="zird",
            name="Zhongyuan Institute for Rights and Development",
            short_name="ZIRD",
            url="https://www.zird-rights.example/en",
        ),
        Person(
            id="fang",
            name="Fang Deming",
            role="chair; a retired provincial Communist Party official",
            affiliation="zird",
        ),
        Organization(
            id="ohchr",
            name="Office of the United Nations High Commissioner for Human Rights",
            short_name="UN Human Rights",
            url="https://www.ohchr.org",
        ),
        Organization(id="norland-gov", name="Government of Norland"),
        Organization(
            id="nehrc",
            name="Norland Equality and Human Rights Commission",
            short_name="NEHRC",
            parent="norland-gov",
        ),
        Organization(id="lerin", name="Lérin Gestion"),
        Person(id="marchal", name="Hélène Marchal", role="equity analyst", affiliation="lerin"),
        Person(id="xj-official", role="a senior provincial government official in Xinjiang"),
    )


def sources() -> tuple[SourceDocument, ...]:
    """Documents quoted in the report that are not law."""
    return (
        SourceDocument(
            id="zird-essay",
            title="Rights Must Grow from National Conditions",
            kind="essay",
            author="fang",
            publisher="zird",
            url="https://www.zird-rights.example/en/essays/national-conditions",
            date=date(2022, 12, 10),
            language="en",
        ),
        SourceDocument(
            id="un-factsheet",
            title="Human Rights Treaties: Who Is Bound?",
            kind="fact sheet",
            publisher="ohchr",
            language="en",
        ),
        SourceDocument(
            id="corvid-esg",
            title="Corvid Optics 2022 Environmental, Social and Governance Report",
            kind="ESG report",
            author="corvid",
            publisher="corvid",
            url=f"{CORVID_SITE}/esg/2022-report.pdf",
            date=date(2023, 2, 28),
            language="en",
        ),
    )


def instruments() -> tuple[Instrument, ...]:
    """The legal instruments the report quotes or names, with whom they bind."""
    un = "international"
    return (
        Instrument(
            id="intl-bill",
            title="International Bill of Human Rights",
            kind=InstrumentKind.COLLECTION,
            jurisdiction=un,
            issuing_body="United Nations",
            status=LegalStatus.UNKNOWN,
            status_note="A collection: the Declaration binds no one, the two Covenants bind the states "
            "party to them.",
        ),
        Instrument(
            id="udhr",
            title="Universal Declaration of Human Rights",
            kind=InstrumentKind.DECLARATION,
            short_name="UDHR",
            aliases=("the Declaration", "the Universal Declaration"),
            jurisdiction=un,
            issuing_body="UN General Assembly",
            adopted=date(1948, 12, 10),
            status=LegalStatus.NON_BINDING,
            status_note="A General Assembly resolution, not a treaty.",
            identifiers=(Identifier(scheme="un-symbol", value="A/RES/217(III)"),),
            url="https://www.un.org/en/about-us/universal-declaration-of-human-rights",
            part_of="intl-bill",
        ),
        Instrument(
            id="iccpr",
            title="International Covenant on Civil and Political Rights",
            kind=InstrumentKind.TREATY,
            short_name="ICCPR",
            jurisdiction=un,
            issuing_body="UN General Assembly",
            adopted=date(1966, 12, 16),
            status=LegalStatus.BINDING_ON_PARTIES,
            status_note="Binds the states that ratified or acceded to it; China signed in 1998 and has "
            "not ratified.",
            identifiers=(Identifier(scheme="unts", value="999 UNTS 171"),),
            url="https://www.ohchr.org/en/instruments-mechanisms/instruments/"
            "international-covenant-civil-and-political-rights",
            part_of="intl-bill",
        ),
        Instrument(
            id="icescr",
            title="International Covenant on Economic, Social and Cultural Rights",
            kind=InstrumentKind.TREATY,
            short_name="ICESCR",
            jurisdiction=un,
            issuing_body="UN General Assembly",
            adopted=date(1966, 12, 16),
            status=LegalStatus.BINDING_ON_PARTIES,
            status_note="Binds the states that ratified or acceded to it; China ratified in 2001, the "
            "United States has signed but not ratified.",
            identifiers=(Identifier(scheme="unts", value="993 UNTS 3"),),
            url="https://www.ohchr.org/en/instruments-mechanisms/instruments/"
            "international-covenant-economic-social-and-cultural-rights",
            part_of="intl-bill",
        ),
        Instrument(
            id="ungps",
            title="Guiding Principles on Business and Human Rights",
            kind=InstrumentKind.GUIDELINES,
            short_name="UN Guiding Principles",
            aliases=("UNGPs",),
            jurisdiction=un,
            issuing_body="UN Human Rights Council",
            adopted=date(2011, 6, 16),
            status=LegalStatus.NON_BINDING,
            status_note="Endorsed by Human Rights Council resolution 17/4: guidance for states and "
            "companies, not a treaty.",
            identifiers=(Identifier(scheme="un-symbol", value="A/HRC/17/31"),),
            url="https://www.ohchr.org/sites/default/files/documents/publications/"
            "guidingprinciplesbusinesshr_en.pdf",
        ),
        Instrument(
            id="prc-constitution",
            title="Constitution of the People's Republic of China",
            kind=InstrumentKind.CONSTITUTION,
            short_name="PRC Constitution",
            jurisdiction="CN",
            issuing_body="National People's Congress",
            adopted=date(1982, 12, 4),
            status=LegalStatus.BINDING,
            status_note="Quoted in the English translation of the text as amended on 11 March 2018.",
        ),
        Instrument(
            id="us-constitution",
            title="Constitution of the United States",
            kind=InstrumentKind.CONSTITUTION,
            short_name="US Constitution",
            jurisdiction="US",
            issuing_body="Constitutional Convention",
            adopted=date(1787, 9, 17),
            status=LegalStatus.BINDING,
            url="https://www.archives.gov/founding-docs/constitution-transcript",
        ),
        Instrument(
            id="us-bill-of-rights",
            title="Bill of Rights",
            kind=InstrumentKind.AMENDMENT,
            short_name="US Bill of Rights",
            aliases=("the first ten amendments",),
            jurisdiction="US",
            issuing_body="United States Congress, ratified by the states",
            adopted=date(1791, 12, 15),
            status=LegalStatus.BINDING,
            url="https://www.archives.gov/founding-docs/bill-of-rights-transcript",
            part_of="us-constitution",
        ),
        Instrument(
            id="eu-charter",
            title="Charter of Fundamental Rights of the European Union",
            kind=InstrumentKind.CHARTER,
            short_name="EU Charter",
            aliases=("the Charter",),
            jurisdiction="EU",
            issuing_body="European Parliament, Council and Commission",
            adopted=date(2000, 12, 7),
            status=LegalStatus.BINDING,
            status_note="Binding since 1 December 2009; it addresses the EU's institutions, and member "
            "states only when they implement Union law.",
            identifiers=(Identifier(scheme="celex", value="12016P/TXT"),),
            url="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12016P/TXT",
        ),
    )


# --- the body, section by section --------------------------------------------------------------------

INVESTOR_CALL = Occasion(
    name="Corvid Optics fourth-quarter 2022 results call (Mandarin)",
    date=date(2023, 3, 14),
    place="Shenzhen, by conference line",
    url=f"{CORVID_SITE}/investors/events/2023-03-14-results-call",
)

#: The words of the call that the report comes back to: the lede and two later sections re-quote them.
REGIONS = "understood differently from one region to another"
SUPPLIERS = "ask questions of us that they never ask of their own suppliers"


def requote(words: str) -> InlineQuote:
    """Words of the investor call quoted again: `requotes=` points at the block quote (id "q-call")."""
    return q(words, speaker="corvid", occasion=INVESTOR_CALL, requotes="q-call", marks=CURLY)


def lede() -> tuple[Block, ...]:
    return (
        p(
            "Corvid Optics, the Shenzhen maker of thermal cameras and drone gimbal sensors whose equipment "
            "watches streets and checkpoints across Xinjiang, told international investors this month "
            "that human rights are ",
            requote(REGIONS),
            " and that inside China it applies the Chinese reading, according to a recording of the "
            "company's results call reviewed by ",
            em("Perimeter Weekly"),
            ".",
            id="lede",
        ),
        # All the page kept of this image is its file name: no alt text, no caption.
        figure("corvid_optics_call_slide_04.png", id="fig-slide"),
    )


def the_call() -> Section:
    return section(
        "What Corvid Told Investors",
        p(
            "The call, held on March 14 for holders of the company's Shenzhen-listed shares, dealt mostly "
            "with margins. Near the end, a fund manager asked whether Corvid's contracts with "
            "public-security bureaus in Xinjiang, where the UN human rights office reported serious "
            "violations against Uyghurs in 2022 and where officials describe detention sites as ",
            scare("vocational training", marks=SINGLE),
            " centres, put European sales at risk. A ",
            link(INVESTOR_CALL.url or SITE, "recording", title="Corvid Optics investor relations"),
            " is on the company's investor site.",
        ),
        p("The company's investor relations office answered in Mandarin. The translation below is ours:"),
        blockquote(
            p(
                "Human rights are not a simple subject. There is an ",
                # A citation with no provision ("") names the whole instrument.
                cite("intl-bill", "", "International Bill of Human Rights"),
                ", but human rights are ",
                REGIONS,
                ", and every ",
                insertion("UN", reason="clarification"),
                " member reads those texts through its own history.",
            ),
            p(
                "Our position is simple. ",
                em(
                    "Inside China we follow Chinese law, and in every other market we follow the law "
                    "of that market.",
                    editor=True,  # emphasis added by Perimeter Weekly
                ),
                " A company that makes components cannot be asked to pick one legal system over another.",
            ),
            p(
                "We sell in more than 90 countries. Some overseas customers ",
                SUPPLIERS,
                ".",
                id="p-markets",
            ),
            id="q-call",
            speaker="corvid",
            occasion=INVESTOR_CALL,
            language="en",
            original_language="zh",
            translator="lin-qiaoyun",
        ),
        p(
            "Hélène Marchal, who covers the company for the Paris fund manager Lérin Gestion, said she sent "
            "a written follow-up after the call: ",
            q(
                "Quand la loi chinoise et vos engagements ESG divergent, lequel l’emporte ?",
                speaker="marchal",
                date=date(2023, 3, 15),
                language="fr",
                original_language="fr",
                marks="«»",
                translations=[
                    Translation(
                        language="en",
                        content=inlines("When Chinese law and your ESG commitments diverge, which one wins?"),
                        translator="whitcombe",
                    ),
                ],
            ),
            " She said she had had no reply.",
        ),
        note(
            "Corvid published its English-language ESG report, quoted below, on February 28, "
            "two weeks before the call. Questions we sent the company on March 20 and March 24 "
            "had not been answered by March 29.",
            date=date(2023, 3, 29),
            id="note-timing",
        ),
        id="s-call",
    )


def prc_item(label: str, article: int, words: str, marks: str) -> ListItem:
    """A labelled item: what the provision is about, the quoted article, then the report's citation."""
    provision = f"article {article}"
    return item(
        p(
            q(words, provision=provision, instrument="prc-constitution", marks=marks),
            " ",
            cite("prc-constitution", provision, f"({provision})"),
        ),
        label=[strong(label)],
    )


def prc_law() -> Section:
    # Words of the 2018 English translation, as in ../shared/legal/prc-constitution/en.json.
    return section(
        "The Carve-Outs in China's Constitution",
        p(
            "Following Chinese law at home sounds unremarkable until one reads how that law is built. ",
            cite("prc-constitution", "", "China's constitution"),
            " promises freedom of speech, of the press, of assembly and of religious belief, and since "
            "2004 it has stated that ",
            q(
                "The state shall respect and protect human rights.",
                provision="article 33",
                instrument="prc-constitution",
                marks=CURLY,
            ),
            " Yet each promise comes with duties owed to the state, and some with explicit exceptions:",
        ),
        newsletter_promo("promo-1"),
        newsletter_promo("promo-2"),
        ul(
            prc_item(
                "Faith:",
                36,
                "No one shall use religion to engage in activities that disrupt public order, impair the "
                "health of citizens or interfere with the state’s education system. Religious groups and "
                "religious affairs shall not be subject to control by foreign forces.",
                '""',
            ),
            prc_item(
                "Detention and security:",
                28,
                "The state shall maintain public order, suppress treason and other criminal activities "
                "that jeopardize national security, punish criminal activities, including those that "
                "endanger public security or harm the socialist economy, and punish and reform criminals.",
                CURLY,
            ),
            prc_item(
                "Private letters:",
                40,
                "Except in cases necessary for national security or criminal investigation, when public "
                "security organs or procuratorial organs shall examine correspondence in accordance with "
                "procedures prescribed by law, no organization or individual shall infringe on a "
                "citizen’s freedom and confidentiality of correspondence for any reason.",
                '""',
            ),
            prc_item(
                "Every right:",
                51,
                "When exercising their freedoms and rights, citizens of the People’s Republic of China "
                "shall not undermine the interests of the state, society or collectives, or infringe upon "
                "the lawful freedoms and rights of other citizens.",
                CURLY,
            ),
            id="list-prc",
        ),
        id="s-prc",
    )


def doctrine() -> Section:
    slogan = q(
        "Human Rights Rooted in National Conditions",
        speaker="zird",
        source="zird-essay",
        id="q-slogan",
        marks=CURLY,
    )
    return section(
        slogan,
        p(
            "The slogan is a favourite of the Zhongyuan Institute for Rights and Development, a Beijing "
            "think tank that state media quote often and that is chaired by Fang Deming, a retired "
            "provincial Communist Party official."
        ),
        p(
            "An essay on the institute's English-language site, ",
            work("Rights Must Grow from National Conditions", source="zird-essay"),
            ", casts universal rights as a foreign import. Three passages:",
        ),
        blockquote(
            p(
                "Human rights in our country can only advance under the steady leadership of the "
                "Party, and never apart from it."
            ),
            p(
                "Of all rights the right to ",
                insertion("economic", reason="clarification"),
                " development comes first, since every other right rests upon it.",
            ),
            p(
                "Certain Western governments have ",
                elision(omitted="for many years"),
                " ",
                em("paid those who would split Xinjiang and Tibet from the motherland", editor=True),
                ", and they have no standing to lecture China.",
            ),
            id="q-essay",
            source="zird-essay",
        ),
        id="s-doctrine",
    )


def udhr_line(words: str, provision: str, last: bool = False) -> Paragraph:
    """One provision of the block-quoted list; the list's ";" is the report's, not the Declaration's."""
    return p(q(words, provision=provision, instrument="udhr"), "" if last else ";")


def international_law() -> Section:
    return section(
        "Measured Against International Law",
        p(
            "None of those qualifications appears in the founding human rights text of the United "
            "Nations, adopted by the General Assembly in December 1948:"
        ),
        section(
            cite("udhr", "", "Universal Declaration of Human Rights"),
            # Block-quoted, and printed without article numbers: only the words say which article.
            blockquote(
                udhr_line(
                    "No one shall be subjected to arbitrary interference with his privacy, family, "
                    "home or correspondence",
                    "article 12",
                ),
                udhr_line(
                    "Everyone has the right to freedom of thought, conscience and religion", "article 18"
                ),
                udhr_line(
                    "Everyone has the right to freedom of peaceful assembly and association", "article 20(1)"
                ),
                udhr_line(
                    "No one shall be subjected to arbitrary arrest, detention or exile",
                    "article 9",
                    last=True,
                ),
                id="q-udhr",
                instrument="udhr",
            ),
            level=3,
            id="s-udhr",
        ),
        id="s-intl",
    )


def who_is_bound() -> Section:
    return section(
        "What Binds Whom",
        p(
            "The Declaration is a resolution, not a treaty. ",
            q(
                "It sets the standard every state is measured against, but it creates no duty a court can "
                "enforce",
                speaker="nehrc",
                marks=CURLY,
            ),
            ", as Norland's Equality and Human Rights Commission puts it. The binding parts of the ",
            cite("intl-bill", "", "International Bill of Human Rights"),
            " are the two Covenants of 1966, and they bind only the states that join them.",
        ),
        p(
            "China signed the ",
            cite("iccpr", "", "International Covenant on Civil and Political Rights"),
            " in 1998 and has never ratified it; it ratified the ",
            cite("icescr", "", "economic, social and cultural rights covenant"),
            " in 2001. The United States ratified the civil and political covenant in 1992 and has left the "
            "other unratified since signing it in 1977.",
            id="p-ratification",
        ),
        p("A fact sheet from the UN human rights office sets out the rule:"),
        blockquote(
            p(
                "A covenant is a treaty. Its obligations fall on the States that have accepted it, by "
                "ratification or by accession, and on no State that has stayed outside it."
            ),
            id="q-factsheet",
            source="un-factsheet",
        ),
        id="s-bound",
    )


def western_buyers() -> Section:
    return section(
        "Corvid's Jab at Western Buyers",
        p(
            "Corvid's complaint that foreign customers ",
            requote(SUPPLIERS),
            " was aimed at European integrators, several of whom have paused orders since January while "
            "they audit their camera suppliers.",
        ),
        id="s-buyers",
    )


def us_and_eu() -> Section:
    def listed(instrument: str, provision: str, *words: str | Inline) -> ListItem:
        return item(p(q(*words, provision=provision, instrument=instrument, marks=CURLY), ";"))

    return section(
        "Against American and European Law",
        p(
            "The rights texts that govern Corvid's largest export customers do not make the freedoms they "
            "grant conditional on loyalty to the state:"
        ),
        section(
            ["The ", cite("us-bill-of-rights", "", "US Bill of Rights")],
            ul(
                listed(
                    "us-constitution",
                    "amendment 4",
                    "The right of the people to be secure in their persons, houses, papers, and effects, "
                    "against unreasonable searches and seizures, shall not be violated",
                ),
                listed(
                    "us-constitution",
                    "amendment 1",
                    "Congress shall make no law respecting an establishment of religion, or prohibiting "
                    "the free exercise thereof; or abridging the freedom of speech, or of the press; or the "
                    "right of the people peaceably to assemble, and to petition the Government for a "
                    "redress of grievances",
                ),
                id="list-us",
            ),
            level=3,
            id="s-us",
        ),
        section(
            ["The ", cite("eu-charter", "", "EU Charter of Fundamental Rights")],
            ul(
                # The page typed each omission as a bare "…", without brackets.
                listed(
                    "eu-charter",
                    "article 21(1)",
                    "Any discrimination based on any ground such as sex, race, colour, ethnic or social "
                    "origin",
                    elision(bare=True, omitted=", genetic features, language,"),
                    " religion or belief",
                    elision(bare=True, omitted=", political or any other opinion,"),
                    " membership of a national minority",
                    elision(bare=True, omitted=", property, birth, disability, age or sexual orientation"),
                    " shall be prohibited",
                ),
                listed(
                    "eu-charter",
                    "article 8(1)",
                    "Everyone has the right to the protection of personal data concerning him or her",
                ),
                listed(
                    "eu-charter",
                    "article 10(1)",
                    "Everyone has the right to freedom of thought, conscience and religion",
                ),
                id="list-eu",
            ),
            level=3,
            id="s-eu",
        ),
        id="s-us-eu",
    )


def two_audiences() -> Section:
    return section(
        "Two Audiences, Two Positions",
        p(
            "The Mandarin call drew little notice outside China. In English, Corvid tells a wider "
            "readership something else. Its first ",
            em("Environmental, Social and Governance Report"),
            ", published on February 28, commits the company to international standards:",
        ),
        figure(
            f"{SITE}/media/2023/03/corvid-esg-cover.jpg",
            alt="Cover of Corvid Optics' 2022 ESG report: a quadcopter drone over a row of wind turbines",
            media_type="image/jpeg",
            width=1600,
            height=900,
            caption="Corvid's first ESG report gives human rights two of its 84 pages.",
            credit="Image: Corvid Optics",
            id="fig-esg",
        ),
        blockquote(
            p(
                "Corvid Optics respects the rights set out in the ",
                cite("udhr", "", "Universal Declaration of Human Rights"),
                ", the UN ",
                cite("icescr", "", "International Covenant on Economic, Social and Cultural Rights"),
                " and the ",
                cite("iccpr", "", "International Covenant on Civil and Political Rights"),
                ". We are building these commitments into our procedures in line with the ",
                cite(
                    "ungps",
                    "",
                    "UN ",
                    sic("Guiding Principals", correction="Guiding Principles"),
                    " on Business and Human Rights",
                ),
                ", as our ",
                link(f"{CORVID_SITE}/esg/human-rights-policy", "Human Rights Policy"),
                " explains.",
            ),
            p(
                "As our chair, Qiao Renfeng, told employees when the policy was launched: ",
                q("A camera nobody trusts is a camera nobody buys.", speaker="qiao", marks=CURLY),
            ),
            id="q-esg",
            speaker="corvid",
            source="corvid-esg",
            language="en",
        ),
        p("The report does not mention Xinjiang."),
        id="s-esg",
    )


def our_questions() -> Section:
    return section(
        "What We Asked Corvid",
        p(
            "We sent Corvid written questions on March 20. The first two concerned component prices; "
            "the others were these:"
        ),
        # Each string becomes a list item of one paragraph; the list is numbered from 3.
        ol(
            "When Chinese law and the commitments in your ESG report conflict, which does Corvid follow?",
            "Does Corvid still supply equipment to public-security bureaus in Xinjiang?",
            "Will Corvid publish the human rights due-diligence process its ESG report promises?",
            start=3,
            id="list-questions",
        ),
        p(strong("Corvid had not answered by the time of publication.")),
        id="s-questions",
    )


def echo() -> Section:
    return section(
        "An Echo of Beijing's Line",
        p(
            "Beijing's stock reply to criticism of its record is that no outside power may define human "
            "rights for China. ",
            q(
                "Nobody has the right to hand China a ready-made definition of human rights",
                speaker="xj-official",
                date=date(2023, 2, 21),
                marks=CURLY,
            ),
            ", a senior provincial official told visiting diplomats in February. Corvid's line that "
            "rights are ",
            requote(REGIONS),
            " says the same thing more politely.",
        ),
        id="s-echo",
    )


def body() -> tuple[Block, ...]:
    return (
        *lede(),
        the_call(),
        prc_law(),
        doctrine(),
        international_law(),
        who_is_bound(),
        western_buyers(),
        us_and_eu(),
        two_audiences(),
        our_questions(),
        echo(),
    )


# --- around the body ---------------------------------------------------------------------------------


def related() -> tuple[RelatedReport, ...]:
    def entry(relation: Relation, slug: str, title: str, day: date, teaser: str) -> RelatedReport:
        return RelatedReport(
            relation=relation, title=title, url=f"{SITE}/reports/{slug}", date=day, teaser=teaser
        )

    return (
        entry(
            Relation.CITES,
            "corvid-xinjiang-tenders",
            "Corvid Optics Named in 41 Xinjiang Police Tenders",
            date(2022, 11, 8),
            "Procurement notices from 2017 to 2022 list Corvid thermal cameras and drone sensors for "
            "checkpoints in at least 12 counties...",
        ),
        entry(
            Relation.FOLLOWS,
            "corvid-esg-report-first-look",
            "Corvid's First ESG Report: 84 Pages, 2 on Human Rights",
            date(2023, 3, 2),
            "The Shenzhen sensor maker has published its first sustainability report, and the human rights "
            "section is short...",
        ),
        entry(
            Relation.FOLLOW_UP,
            "corvid-answers-rights-questions",
            'Corvid Responds: "We Comply With the Law Wherever We Operate"',
            date(2023, 4, 18),
            "Five weeks after our questions, Corvid Optics sent a two-paragraph statement that answers none "
            "of them directly...",
        ),
        entry(
            Relation.CITED_BY,
            "corvid-drops-distributors",
            "Corvid Optics Loses 2 European Distributors Over Audit Demands",
            date(2023, 6, 12),
            "Distributors in Germany and the Netherlands have ended their contracts after Corvid declined "
            "to open its...",
        ),
        entry(
            Relation.CITED_BY,
            "thermal-human-rights-scorecard-2023",
            "2023 Human Rights Scorecard: 14 Thermal Camera Makers Ranked",
            date(2023, 9, 4),
            "We scored 14 makers of thermal cameras on disclosure, due diligence and remedy. Three scored "
            "zero on...",
        ),
        entry(
            Relation.CITED_BY,
            "eu-parliament-two-audiences",
            'MEPs Cite "Two Audiences" Problem in Surveillance Export Debate',
            date(2023, 10, 19),
            "Members of the European Parliament quoted our reporting on Corvid Optics during a debate on "
            "dual-use export...",
        ),
        entry(
            Relation.RELATED,
            "drone-sensor-export-rules-2023",
            "Drone Sensor Export Rules: What Changed on January 1, 2023",
            date(2023, 1, 5),
            "New dual-use controls cover cooled thermal cores above a set resolution. Here is what "
            "integrators need...",
        ),
        entry(
            Relation.RELATED,
            "integrators-pause-corvid",
            'Integrators Pause Corvid Orders: "We Cannot Sign the Audit Clause"',
            date(2023, 2, 14),
            "Three European integrators told us they have stopped ordering from Corvid until it accepts "
            "supplier...",
        ),
        entry(
            Relation.RELATED,
            "ungps-for-camera-makers",
            "The UN Guiding Principles, Explained for Camera Makers",
            date(2022, 9, 20),
            "The 31 principles are not law, but buyers increasingly write them into contracts. A "
            "plain-language guide...",
        ),
        entry(
            Relation.RELATED,
            "thermal-vendors-xinjiang-2022",
            "5 Thermal Vendors, 1 Province: Who Sells What in Xinjiang",
            date(2022, 6, 30),
            "Public tender data show five vendors account for most thermal camera purchases by Xinjiang "
            "security...",
        ),
        entry(
            Relation.RECENT,
            "lidar-perimeter-test",
            "Lidar Perimeter Sensors Tested: 3 Models, 1 Winter Night",
            date(2023, 3, 28),
            "We ran three lidar perimeter units through a night of sleet and wind. Only one kept its false "
            "alarm rate...",
        ),
        entry(
            Relation.RECENT,
            "drone-detection-webinar",
            "Drone Detection Webinar - April 2023 - 12 Vendors - Register Now",
            date(2023, 3, 28),
            "Twelve drone detection vendors will present over two days. Members can submit questions "
            "ahead of...",
        ),
        entry(
            Relation.RECENT,
            "vendor-says-thermal-fever-claims",
            'Vendor Withdraws "Fever Detection" Claim After Regulator Letter',
            date(2023, 3, 27),
            "A thermal camera vendor has removed fever detection claims from its brochures after a letter "
            "from the...",
        ),
        entry(
            Relation.RECENT,
            "gimbal-prices-q1-2023",
            "Gimbal Sensor Prices: Q1 2023 Survey of 60 Integrators",
            date(2023, 3, 27),
            "Average prices for stabilised gimbal sensors fell for the third quarter in a row, our survey "
            "of...",
        ),
    )


def comments() -> Comments:
    return Comments(
        count=4,
        notice=inlines(
            "Comments are open to subscribers. ",
            link(f"{SITE}/login", "Sign in"),
            " or ",
            link(f"{SITE}/subscribe", "subscribe"),
            ".",
        ),
        items=(
            Comment(
                id="c1",
                date=date(2023, 3, 29),
                content=(
                    p(
                        "So which law will Corvd ",
                        scare("follow", marks=SINGLE),
                        " when a customer in Lyon asks for the audit trail? Their ESG people and their IR "
                        "people should have lunch together sometime.",
                    ),
                ),
            ),
            Comment(
                id="c2",
                date=date(2023, 3, 29),
                content=(
                    p(
                        "Rights that change with the region, what a concept ! Next they will tell us data "
                        "protection depends on the weather....."
                    ),
                ),
            ),
            Comment(
                id="c3",
                date=date(2023, 3, 30),
                content=(
                    p(
                        'Calling it "rights rooted in national conditions" is like a lock maker saying '
                        '"security depends on the door"...'
                    ),
                ),
            ),
            Comment(
                id="c4",
                date=date(2023, 3, 31),
                content=(
                    p(
                        link(
                            "https://news.example.org/2023/02/xinjiang-thermal-tenders",
                            "Tender papers show Xinjiang police bought thermal cameras by the thousand",
                        ),
                        br(),
                        "Worth reading next to this one...",
                    ),
                ),
            ),
        ),
    )


def corrections() -> tuple[Correction, ...]:
    return (
        Correction(
            date=date(2023, 4, 3),
            kind=CorrectionKind.CORRECTION,
            anchors=("p-ratification",),
            content=inlines(
                "An earlier version of this report said China ratified the economic, social and cultural ",
                "rights covenant in 2003. It did so in 2001.",
            ),
        ),
        Correction(
            date=datetime(2023, 4, 3, 16, 40, tzinfo=LONDON_SPRING),
            kind=CorrectionKind.CLARIFICATION,
            anchors=("q-call",),
            content=inlines("We have made clear that the English translation of Corvid's reply is our own."),
        ),
    )


def build_report() -> Report:
    """The example report, built fresh on each call."""
    return report(
        "Corvid Optics: At Home, Chinese Law Decides What Human Rights Mean",
        id="urn:uuid:5f0c2a9e-8d3b-4c61-9a57-2e4f1b7d6c30",
        url=f"{SITE}/reports/corvid-optics-chinese-rights-law",
        standfirst=[
            "On a Mandarin results call, the thermal camera and drone sensor maker said rights are read ",
            "differently by region. Its English ESG report says something else.",
        ],
        authors=["pw-investigations", "whitcombe"],
        publisher="pw",
        published=date(2023, 3, 29),
        modified=datetime(2023, 4, 3, 16, 40, tzinfo=LONDON_SPRING),
        language="en",
        dateline="LONDON",
        topics=["human-rights", "supply-chain", "investor-relations"],
        tags=["Corvid Optics", "Xinjiang", "ESG", "UDHR", "PRC Constitution", "EU Charter"],
        agents=agents(),
        sources=sources(),
        instruments=instruments(),
        body=body(),
        related=related(),
        comments=comments(),
        corrections=corrections(),
    )


def main() -> None:
    """Build the report and write it next to this script as examples/example.json (native JSON)."""
    report = build_report()
    blocks = sum(isinstance(n, Block) for _, n in iter_nodes(report))
    target = Path(__file__).with_name("example.json")
    newsmodel.dump(report, "json", target)
    print(f"{report.headline}\n{len(report.body)} top-level blocks, {blocks} blocks in all; wrote {target}")


if __name__ == "__main__":
    main()
