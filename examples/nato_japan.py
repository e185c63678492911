"""The article's argument map, built with the Python API.

Philip Shetler-Jones, "The geopolitical implications of a NATO liaison office
in Japan", Britain's World (Council on Geostrategy), 2023. The same map is
written in the native file format in ``examples/nato_japan.yaml``; a test
asserts that both are equal.

Every ``quote`` is the article's exact wording (its curly quotes included);
``text`` is a paraphrase that keeps the speaker's modality, also recorded in
``qualifier``. Statements attributed to others (Nikkei Asia, NATO, China's
Foreign Ministry, the Global Times, George Beebe, Beijing) are given as the
article reports them. Each objection's ``note`` says whether and how the
article answers it; ``concedes`` relations record what the author grants.

The map has two theses (claims tagged ``thesis``): the analytic one (the office
will help to clarify geopolitical trends) and the advocacy of the closing
paragraphs (the office's three benefits). Run it to list, per thesis, the
objections that still threaten it::

    python examples/nato_japan.py
"""

from __future__ import annotations

import argmap

TITLE = "The geopolitical implications of a NATO liaison office in Japan"

NIKKEI_REPORT = argmap.Source(
    publisher="Nikkei Asia",
    date="2023-05-03",
    note=(
        "The article says 'a Nikkei Asia report on May 3rd'; the year is inferred from "
        "its context (the April 2023 ministerial, the Lithuania summit 'this July')."
    ),
)

STRATEGIC_CONCEPT = argmap.Source(
    title="NATO 2022 Strategic Concept",
    publisher="NATO",
    date="2022",
)


def build() -> argmap.ArgumentMap:
    """Build the map of the article."""
    m = argmap.ArgumentMap(
        title=TITLE,
        source=argmap.Source(
            title=TITLE,
            author="Philip Shetler-Jones",
            publisher="Britain's World (Council on Geostrategy)",
            date="2023",
        ),
    )

    # The article answers Beebe's concerns and Beijing's reaction several times over, on
    # purpose; the Nikkei report is the occasion of the article and argues nothing.
    m.check_config = {
        "ignore": ["redundant-rebuttal"],
        "per-statement-ignores": {"nikkei-report": ["isolated-statement"]},
        # coverage of the article's text: its body, from the first sentence to the last
        "coverage-start": "A Nikkei Asia report on May 3rd",
        "coverage-end": "could be the basis for improving understanding",
    }

    # ------------------------------------------------------------------ actors
    m.actor(
        "shetler-jones",
        "Philip Shetler-Jones",
        affiliation="Council on Geostrategy",
        role="James Cook Associate Fellow in Indo-Pacific Geopolitics",
        kind="person",
    )
    m.actor("nikkei-asia", "Nikkei Asia", kind="media")
    m.actor("nato", "North Atlantic Treaty Organisation (NATO)", kind="organisation")
    m.actor(
        "china-mfa",
        "China's Foreign Ministry",
        affiliation="Government of the People's Republic of China",
        kind="government",
    )
    m.actor(
        "global-times",
        "Global Times",
        role="Chinese state-affiliated newspaper",
        kind="media",
    )
    m.actor(
        "beebe",
        "George Beebe",
        affiliation="Quincy Institute",
        role="Director of Grand Strategy; former Central Intelligence Agency official",
        kind="person",
    )
    m.actor(
        "beijing",
        "Beijing (the government of the People's Republic of China)",
        kind="government",
    )

    # ---------------- The two theses: what the office will show, and what it will do
    m.claim(
        (
            "If the reported office comes to fruition, it will help to clarify some "
            "geopolitical trends concerning NATO and the Indo-Pacific."
        ),
        id="clarifies-trends",
        by="shetler-jones",
        quote=(
            "if it does come to fruition, it will help to clarify some geopolitical trends "
            "concerning NATO and the Indo-Pacific"
        ),
        tags=["thesis"],
        note=(
            "The article's analytic thesis, stated in its opening paragraph. It is "
            "conditional ('if it does come to fruition') and is argued by the paragraph on "
            "the changed security environment; nobody in the article disputes it."
        ),
    )
    m.claim(
        (
            "A NATO liaison presence in the Indo-Pacific, an office in Tokyo, would benefit"
            " the alliance and its partners there: better common understanding of the "
            "region, partners bound together, and better understanding of NATO in Asia."
        ),
        id="office-serves-alliance",
        by="shetler-jones",
        quote="the benefits of a liaison presence in the Indo-Pacific",
        tags=["thesis"],
        note=(
            "The article's advocacy, reconstructed from its closing paragraphs, which name "
            "three benefits ('The main benefit', 'The second benefit', 'a third benefit'); "
            "the quote is the article's own phrase for them. Beijing's and Beebe's "
            "objections are raised against this thesis, not against the analytic one."
        ),
    )

    # ---------------------------- The news, the stir, and why it should not surprise
    m.evidence(
        (
            "A Nikkei Asia report on 3 May suggested that NATO is planning to open a "
            "liaison office in Japan."
        ),
        id="nikkei-report",
        by="nikkei-asia",
        quote=(
            "A Nikkei Asia report on May 3rd suggesting the North Atlantic Treaty "
            "Organisation (NATO) is planning to open a liaison office in Japan"
        ),
        qualifier="suggesting",
        source=NIKKEI_REPORT,
        note=(
            "The occasion of the article and the subject of both theses (the planned "
            "office); it argues for or against nothing, so it is linked to nothing. The "
            "article gives the report's gist, not its words."
        ),
    )
    m.evidence(
        (
            "Although NATO's response was rather non-committal, the report still caused "
            "quite a stir."
        ),
        id="caused-stir",
        by="shetler-jones",
        quote="but still caused quite a stir",
    )
    m.claim(
        (
            "Considering how NATO's diplomatic instruments and NATO-Japan relations have "
            "developed, news that such an office is being discussed among allies and with "
            "Japan should not cause much surprise."
        ),
        id="not-surprising",
        by="shetler-jones",
        quote=(
            "Considering how the alliance’s diplomatic instruments and NATO-Japan relations"
            " have developed over the years, news that this is being discussed among allies"
            " and with Japan should not cause much surprise"
        ),
        qualifier="should not cause much surprise",
        note=(
            "A side claim of the opening paragraph, not a reason for the theses: 'But if it"
            " does come to fruition, it will help to clarify ...' sets the thesis against "
            "it. It grants the stir the report caused while holding it unwarranted."
        ),
    )
    m.evidence(
        (
            "NATO's response to the report, from its spokesperson Oana Lungescu, was rather"
            " non-committal: NATO has been a little coy about the story."
        ),
        id="lungescu-noncommittal",
        by="shetler-jones",
        quote="a rather non-committal response from Oana Lungescu, the NATO spokesperson",
        note=(
            "The author's description of NATO's response; Lungescu's own words are not "
            "quoted. The article later offers the allies' differences as a partial "
            "explanation of this coyness (see allied-differences)."
        ),
    )

    # -------- 'The first of its kind in the region': a side claim the author rejects
    m.claim(
        ("The planned office in Japan would be the first NATO office of its kind in the region."),
        id="first-of-its-kind",
        by="nikkei-asia",
        quote="the first of its kind in the region",
        source=NIKKEI_REPORT,
        note=(
            "Someone else's claim, which the author argues against ('Contrary to the claim "
            "that ...'). The article does not say who made it; it follows the Nikkei Asia "
            "report, so it is attributed to that report. Not a thesis of the article: the "
            "author's two objections to it bear on no thesis and do not count as open "
            "challenges."
        ),
    )
    m.objection(
        (
            "There is nothing new in NATO having liaison offices, even outside the North "
            "Atlantic area, including in Asia."
        ),
        id="liaison-offices-not-new",
        by="shetler-jones",
        quote=(
            "there is nothing new in NATO having liaison offices, even outside the North "
            "Atlantic area, including in Asia"
        ),
        tags=["precedent"],
        note=(
            "The author's objection to the side claim 'first of its kind'. Nothing in the "
            "article disputes it, so it stands, and the side claim falls. Caveat the map "
            "records but the article does not raise: the claim concerned 'the region', "
            "while the counterexamples lie in New York, Vienna, Europe, Central Asia and "
            "the Gulf, none in East Asia."
        ),
    )
    m.claim(
        "NATO's liaison offices roughly fall into three categories.",
        id="three-categories",
        by="shetler-jones",
        quote="They roughly fall into three categories.",
        qualifier="roughly",
        tags=["precedent"],
    )
    m.evidence(
        ("NATO's offices in New York and Vienna coordinate its business with the UN and the OSCE."),
        id="un-osce-offices",
        by="shetler-jones",
        quote=(
            "Offices in New York and in Vienna coordinate NATO business with the main "
            "multilateral security organisations to which its members belong, the United "
            "Nations (UN) and the Organization for Security and Co-operation, respectively."
        ),
        tags=["precedent", "first-category"],
    )
    m.evidence(
        (
            "NATO's offices in Georgia (since 2010), Bosnia and Herzegovina and Moldova "
            "(since 2017) support partnership projects and practise public diplomacy; such "
            "offices help prepare countries to become members."
        ),
        id="partnership-offices",
        by="shetler-jones",
        quote=(
            "The second type of liaison office, as NATO has had in Georgia since 2010, but "
            "also in Bosnia and Herzegovina, and Moldova (since 2017), supports the "
            "implementation of NATO partnership projects and practises public diplomacy to "
            "inform citizens about the alliance. Such offices contribute to the process of "
            "preparing countries to become NATO members."
        ),
        tags=["precedent", "second-category"],
    )
    m.evidence(
        (
            "NATO has maintained a Liaison Office and an Information and Documentation "
            "Center in Kyiv since the 1990s."
        ),
        id="kyiv-office",
        by="shetler-jones",
        quote=(
            "In the case of Ukraine, for instance, NATO has maintained a Liaison Office and"
            " an Information and Documentation Center in Kyiv since the 1990s."
        ),
        tags=["precedent", "second-category"],
    )
    m.objection(
        "It is not quite correct that an office in Japan would be NATO's first in Asia.",
        id="not-first-in-asia",
        by="shetler-jones",
        quote="It is not quite correct that an office in Japan would be a first in Asia",
        qualifier="not quite correct",
        tags=["precedent"],
        note=(
            "The author's second objection to the side claim; nothing disputes it. He "
            "hedges ('not quite correct') and shifts from 'the region' to 'Asia': his "
            "counterexample, Tashkent, is in Central Asia."
        ),
    )
    m.evidence(
        (
            "NATO's Central Asia regional liaison office, for dialogue and practical "
            "relations with five Central Asian partners, was hosted in Tashkent, "
            "Uzbekistan, from 2013 to 2017."
        ),
        id="tashkent-precedent",
        by="shetler-jones",
        quote=(
            "the NATO Central Asia regional liaison office for enhancing dialogue and "
            "practical relations with five Central Asian partners was hosted in Tashkent, "
            "Uzbekistan from 2013 to 2017"
        ),
        tags=["precedent", "third-category"],
        note=(
            "The premise of 'not a first in Asia': an office in Asia existed before. It is "
            "also an example of the third, regional type; being an example does not make "
            "that type the relevant model, so it is not linked to regional-type-relevant."
        ),
    )
    m.evidence(
        (
            "Another regional office is the NATO-Istanbul Cooperation Initiative (ICI) "
            "Regional Centre in Kuwait; the ICI, set up in 2004, promotes security "
            "cooperation in the broader Middle East."
        ),
        id="kuwait-precedent",
        by="shetler-jones",
        quote=(
            "Another example of this type is the NATO-Istanbul Cooperation Initiative (ICI)"
            " Regional Centre in Kuwait. The ICI was set up in 2004 to promote NATO "
            "security cooperation in the broader Middle East region, with countries "
            "including Bahrain, Kuwait, Qatar, the United Arab Emirates, and with selective"
            " participation by Saudi Arabia and Oman."
        ),
        tags=["precedent", "third-category"],
    )

    # --------------------------- What the office would be: a regional liaison office
    m.claim(
        (
            "The third type, NATO's regional liaison offices, is probably more relevant "
            "than the other two for imagining what the Japan office could look like."
        ),
        id="regional-type-relevant",
        by="shetler-jones",
        quote=(
            "The third type of NATO liaison office, which has a regional scope, is probably"
            " more relevant for imagining what the Japan office could look like."
        ),
        qualifier="probably",
        tags=["precedent", "third-category"],
    )
    m.evidence(
        (
            "The Nikkei report indicated that the Tokyo office would serve not only, and "
            "not even principally, NATO-Japan relations, but NATO's partnerships in the "
            "region."
        ),
        id="nikkei-regional-scope",
        by="nikkei-asia",
        quote=(
            "The Nikkei report indicated that the Tokyo office would serve not only and not"
            " even principally NATO-Japan relations, but NATO partnerships in the region."
        ),
        source=NIKKEI_REPORT,
    )
    m.claim(
        (
            "Much of the work of the Asia-Pacific liaison office in Tokyo would be serving "
            "NATO's partnerships across the region."
        ),
        id="tokyo-regional-hub",
        by="shetler-jones",
        quote=(
            "That will account for much of the work of the Asia-Pacific liaison office in Tokyo."
        ),
    )
    m.claim(
        (
            "Given the distances and the pull of challenges close to NATO, putting the "
            "agenda of dialogue and projects into practice will require dedicated "
            "resources, clear channels to NATO headquarters and a regular presence in "
            "Seoul, Canberra and Auckland."
        ),
        id="agenda-needs-presence",
        by="shetler-jones",
        quote=(
            "putting this agenda of dialogues and project implementation into practice will"
            " require dedicated resources and clear channels back to NATO’s headquarters in"
            " Brussels – not to mention regular presence in and close contact with Seoul, "
            "Canberra and Auckland"
        ),
    )
    m.claim(
        (
            "NATO and the 'Indo-Pacific four' hold political dialogue on shared interests "
            "and are committed to stepping up practical cooperation on cyberspace, new "
            "technology and countering disinformation."
        ),
        id="ip4-agenda",
        by="shetler-jones",
        quote=(
            "The ‘Indo-Pacific four’ and NATO are also committed to stepping up practical "
            "cooperation in areas including cyberspace, new technology and countering "
            "disinformation."
        ),
        tags=["indo-pacific-four"],
    )
    m.evidence(
        (
            "NATO holds that political dialogue lets NATO and its partners enhance their "
            "mutual situational awareness of security developments in the Euro-Atlantic and"
            " Indo-Pacific regions."
        ),
        id="nato-political-dialogue",
        by="nato",
        quote=(
            "Political dialogue ensures that NATO and its partners can enhance their mutual"
            " situational awareness on security developments in the Euro-Atlantic and "
            "Indo-Pacific regions."
        ),
        tags=["indo-pacific-four"],
    )
    m.evidence(
        (
            "The heads of state of the four Indo-Pacific partners attended the June 2022 "
            "NATO Summit, and the four were represented at the April 2023 Foreign Affairs "
            "Ministerial."
        ),
        id="ip4-at-summits",
        by="shetler-jones",
        quote=(
            "The heads of state of these four Indo-Pacific countries attended the June 2022"
            " NATO Summit, and were also represented at the April 2023 Foreign Affairs’ "
            "Ministerial."
        ),
        tags=["indo-pacific-four"],
    )

    # -------------------------------------------------------------------- Why Japan?
    m.claim(
        (
            "Japan is a fitting host: NATO-Japan relations have been on an upward "
            "trajectory for some time."
        ),
        id="japan-natural-host",
        by="shetler-jones",
        quote="their relations have been on an upward trajectory for some time",
        tags=["why-japan"],
    )
    m.evidence(
        (
            "NATO and Japan will sign a new Individually Tailored Partnership Programme "
            "before the NATO Summit in Lithuania in July."
        ),
        id="itpp",
        by="shetler-jones",
        quote=(
            "NATO and Japan will sign a new Individually Tailored Partnership Programme "
            "before the NATO Summit in Lithuania this July"
        ),
        tags=["why-japan"],
    )
    m.evidence(
        (
            "Tokyo's proactive use of NATO and the G7 to tie like-minded Euro-Atlantic and "
            "Indo-Pacific countries together gained salience when NATO's Indo-Pacific "
            "partners (Australia, New Zealand, South Korea, Japan) formed a grouping in "
            "2022."
        ),
        id="tokyo-multilateralism",
        by="shetler-jones",
        quote=(
            "Tokyo’s proactive use of multilateral platforms such as NATO and the Group of "
            "Seven (G7) to strengthen ties between the like minded countries of the "
            "Euro-Atlantic and Indo-Pacific acquired added salience with the formation in "
            "2022 of a new grouping of NATO’s Indo-Pacific partners, including Australia, "
            "New Zealand, South Korea and Japan."
        ),
        tags=["why-japan", "indo-pacific-four"],
    )
    m.claim(
        (
            "Japan's exposure to the Russian threat is another reason why Tokyo is a "
            "fitting location for the office."
        ),
        id="japan-russia-exposure",
        by="shetler-jones",
        quote=(
            "Japan’s exposure to the Russian threat is another reason why Tokyo is a "
            "fitting location for the office"
        ),
        tags=["why-japan"],
    )

    # -------------- Beijing's reaction (the first of the 'two noteworthy reactions')
    m.objection(
        (
            "NATO's continued eastward foray into the Asia-Pacific and interference in "
            "regional affairs will inevitably undermine regional peace and stability and "
            "stoke camp confrontation."
        ),
        id="beijing-destabilising",
        by="china-mfa",
        quote=(
            "NATO’s continued eastward foray into the Asia-Pacific and interference in "
            "regional affairs will inevitably undermine regional peace and stability and "
            "stoke camp confrontation."
        ),
        qualifier="inevitably",
        tags=["china-reaction"],
        note=(
            "Answered. The passage that follows both Chinese reactions answers Beijing's "
            "reaction as a whole: the principles NATO is founded on, a state's right to "
            "choose its foreign policy and to collective self-defence, are those the "
            "smaller Indo-Pacific nations hold dear, so partnering with them is no "
            "'interference in regional affairs'. The closing paragraph answers it again "
            "('No-one likes a bully.'). The prediction of instability itself is not "
            "disputed head-on; the answer goes to its premise."
        ),
    )
    m.objection(
        "Regional countries should be highly vigilant about NATO's presence.",
        id="mfa-vigilance",
        by="china-mfa",
        quote="This calls for high vigilance among regional countries.",
        tags=["china-reaction", "recommendation"],
        note=(
            "Answered. The Foreign Ministry's recommendation, in its quoted words though "
            "not in the author's text. The principles passage answers it directly: the "
            "regional countries hold NATO's principles dear, so they have no call to be "
            "vigilant about NATO; and the closing 'No-one likes a bully.' says whom they do"
            " have cause to be wary of (larger states that coerce)."
        ),
    )
    m.objection(
        (
            "The office is 'a poisonous thorn sticking into Asia': no longer a symbolic "
            "move but a substantial move to build a so-called security defence around "
            "China."
        ),
        id="global-times-thorn",
        by="global-times",
        quote=(
            "a poisonous thorn sticking into Asia…The NATO liaison office in Japan is no "
            "longer a symbolic move but a substantial move to build a so-called security "
            "defence around China."
        ),
        tags=["china-reaction"],
        note=(
            "Answered, and conceded only in part. The Global Times 'expressed its opinion "
            "less prosaically', that is, the same opinion as the Foreign Ministry, and the "
            "principles passage that follows answers both; the closing paragraph ('No-one "
            "likes a bully.') answers it again. 'There is no denying ... an indicator of "
            "change' grants only that the office signals change (which the author's own "
            "analytic thesis says), not the charge of a 'so-called security defence' around"
            " China."
        ),
    )
    m.evidence(
        (
            "Even the Global Times reads the office as no longer a symbolic move but a "
            "substantial one."
        ),
        id="gt-substantial-move",
        by="global-times",
        quote="no longer a symbolic move but a substantial move",
        tags=["china-reaction"],
        note=(
            "Beijing's own reading, taken as evidence for the analytic thesis: the office "
            "would be a sign of geopolitical change. The map's reading; the article does "
            "not say so in words."
        ),
    )
    m.rebuttal(
        (
            "The principles NATO is founded on, the right of states to determine their own "
            "foreign policy and to exercise collective self-defence, happen to be the same "
            "principles the smaller nations of the Indo-Pacific hold dear."
        ),
        id="shared-principles",
        by="shetler-jones",
        quote=(
            "The principles NATO is founded on – the right of states to determine their own"
            " foreign policy, and to exercise collective self-defence – happen to be the "
            "same principles that are held dear by the smaller nations of the Indo-Pacific."
        ),
        note=(
            "A paragraph of its own right after both Chinese reactions, and again in the "
            "last paragraph ('The good news is that ...'), where it grounds the third "
            "benefit. The standalone paragraph may be the magazine's pull quote rather than"
            " the author's placement; either way the author offers it against Beijing's "
            "reaction: in the last paragraph the regional nations' own principles, and "
            "'No-one likes a bully.', tell against both the 'interference' charge and the "
            "call for 'vigilance'."
        ),
    )
    m.claim(
        (
            "There is no denying that opening a NATO regional liaison office in East Asia "
            "is an indicator of change in the global security environment."
        ),
        id="security-environment-changed",
        by="shetler-jones",
        quote=(
            "There is no denying that the opening of a NATO regional liaison office in East"
            " Asia is an indicator of change in the global security environment."
        ),
        tags=["geopolitical-trend"],
        note=(
            "A concession and a reason at once: it grants the Global Times that the office "
            "is no symbolic move (it signals change), and that change is the 'geopolitical "
            "trend' of the analytic thesis. It does not grant the 'security defence' "
            "charge."
        ),
    )
    m.evidence(
        (
            "After 9/11 the Tashkent office reflected NATO's focus on Afghanistan; as the "
            "terrorist threat moved westward it closed, while the Kuwait office remained "
            "open."
        ),
        id="offices-follow-threats",
        by="shetler-jones",
        quote=(
            "After 9/11, the opening of a Central Asia regional office in Tashkent, "
            "Uzbekistan, reflected the geopolitical focus on – and a NATO mission in – "
            "Afghanistan. As the source of the identified terrorist threat moved westward, "
            "the Tashkent office closed while the regional office in Kuwait remained open."
        ),
        tags=["precedent", "geopolitical-trend"],
    )
    m.claim(
        (
            "Today the 'Indo-Pacific four' are the relevant partnership grouping for facing"
            " the challenges the PRC's 'stated ambitions and coercive policies' pose to "
            "NATO's interests, security and values."
        ),
        id="ip4-faces-prc",
        by="shetler-jones",
        quote=(
            "Today the ‘Indo-Pacific four’ are the relevant partnership grouping for facing"
            " what the alliance identified in its 2022 Strategic Concept as the challenges "
            "posed by the People’s Republic of China’s (PRC) ‘stated ambitions and coercive"
            " policies’ to NATO interests, security and values."
        ),
        tags=["indo-pacific-four", "geopolitical-trend"],
    )
    m.evidence(
        (
            "NATO's 2022 Strategic Concept identifies the PRC's 'stated ambitions and "
            "coercive policies' as challenges to NATO's interests, security and values."
        ),
        id="strategic-concept-prc",
        by="nato",
        quote="stated ambitions and coercive policies",
        source=STRATEGIC_CONCEPT,
    )

    # --------- The second reaction: allies' differences, and George Beebe's concerns
    m.claim(
        (
            "The second reaction reflects different views among allies on whether their "
            "China policy should have a transatlantic framing or run through NATO, and on "
            "how to approach Indo-Pacific partnerships; this might explain in part why NATO"
            " has been a little coy about the story."
        ),
        id="allied-differences",
        by="shetler-jones",
        quote=(
            "reflects different views among allies about the extent to which their China "
            "policy should have a transatlantic framing or run through NATO, and how to "
            "approach Indo-Pacific partnerships"
        ),
        qualifier="might explain in part",
        tags=["western-concern"],
        note=(
            "The author grants the ground of Beebe's first concern (allies do differ), not "
            "the concern itself; and offers the differences to explain NATO's coyness, not "
            "as evidence drawn from it."
        ),
    )
    m.evidence(
        (
            "The Indo-Pacific policies of Germany and the Netherlands, but not France, "
            "mention intensifying security cooperation through NATO's 'partnerships across "
            "the globe'."
        ),
        id="indo-pacific-policies",
        by="shetler-jones",
        quote=(
            "The Indo-Pacific policies of Germany and the Netherlands, but not France, "
            "mention intensifying security cooperation through NATO’s ‘partnerships across "
            "the globe’ with countries in the region."
        ),
        tags=["western-concern"],
    )
    m.objection(
        (
            "The office could exacerbate differences between the United States and some "
            "Europeans about how to deal with China."
        ),
        id="beebe-transatlantic-rift",
        by="beebe",
        quote=(
            "exacerbate differences between the United States and some Europeans about how "
            "to deal with China"
        ),
        qualifier="could",
        tags=["western-concern"],
        note=(
            "Answered directly: 'far from contributing to these risks' the benefits include"
            " ways to mitigate them, and an office working for all the allies 'may also "
            "succeed in narrowing some of the perception gaps'. The author grants the "
            "premise (allies do differ); his answer is hedged ('may', 'some')."
        ),
    )
    m.objection(
        (
            "Moving NATO into Asian affairs is likely to bring Russia and China even closer"
            " together, into what could amount to a de facto alliance against what they see"
            " as a common Western or NATO enemy."
        ),
        id="beebe-russia-china-alliance",
        by="beebe",
        quote=(
            "likely to bring Russia and China even closer together into what could amount "
            "to a de facto alliance between the two of them against what they see as a "
            "common Western or NATO enemy"
        ),
        qualifier="likely",
        tags=["western-concern"],
        note=(
            "Answered directly, four times: the benefits mitigate the risk, among them "
            "helping allies keep abreast of the mingling of threats from the PRC and "
            "Russia; a liaison officer 'seems unlikely' to have much impact; and 'that ship"
            " may have sailed already'. Not addressed by the article: the second answer "
            "(little impact) sits uneasily with the benefits it claims for the same office."
        ),
    )

    # ------------- The author's answers to Beebe: the benefits of a liaison presence
    m.rebuttal(
        (
            "Far from contributing to these risks, the benefits of a liaison presence in "
            "the Indo-Pacific include new ways to mitigate them."
        ),
        id="benefits-mitigate-risks",
        by="shetler-jones",
        quote=(
            "far from contributing to these risks, the benefits of a liaison presence in "
            "the Indo-Pacific include new ways to mitigate them"
        ),
    )
    m.claim(
        (
            "The office's main benefit is improved common understanding of the situation in"
            " the region."
        ),
        id="benefit-common-understanding",
        by="shetler-jones",
        quote="The main benefit is improved common understanding of the situation in the region.",
        tags=["benefit"],
    )
    m.rebuttal(
        (
            "An office that assesses and reports developments in the region for all the "
            "allies may also succeed in narrowing some of the perception gaps among them."
        ),
        id="narrows-perception-gaps",
        by="shetler-jones",
        quote=(
            "A liaison office that works for all the allies in assessing and reporting "
            "developments there may also succeed in narrowing some of the perception gaps "
            "among them."
        ),
        qualifier="may",
    )
    m.rebuttal(
        (
            "An office in Tokyo will help allies keep abreast of the mingling of NATO's "
            "challenges and threats from the PRC and Russia."
        ),
        id="keeps-allies-abreast",
        by="shetler-jones",
        quote=(
            "will help allies keep abreast of the mingling of NATO’s challenges and threats"
            " from the PRC and Russia"
        ),
        note=(
            "The specific mitigation of Beebe's second concern: allies who follow how the "
            "PRC's and Russia's challenges mingle can respond to their alignment."
        ),
    )
    m.claim(
        (
            "The second benefit comes from helping to bind together the partners in the "
            "region that share Euro-Atlantic interests and offer the resources to stiffen "
            "the open international order against assault."
        ),
        id="benefit-binds-partners",
        by="shetler-jones",
        quote=(
            "The second benefit comes from helping to bind together the partners in the "
            "region that share Euro-Atlantic interests and offer the resources needed to "
            "stiffen the open international order against assault."
        ),
        tags=["benefit"],
    )
    m.rebuttal(
        (
            "It seems unlikely that the presence of a liaison officer could have much "
            "impact on whether China and Russia form an alliance."
        ),
        id="liaison-officer-little-impact",
        by="shetler-jones",
        quote="it seems unlikely that the presence of a liaison officer could have much impact",
        qualifier="it seems unlikely",
    )
    m.rebuttal(
        (
            "Beijing's rhetoric about NATO suggests that ship may have sailed already: "
            "China may already stand with Russia against NATO, whatever the office does."
        ),
        id="ship-has-sailed",
        by="shetler-jones",
        quote=(
            "Beijing’s rhetoric about NATO as ‘the sewage of the Cold War’ suggests that "
            "ship may have sailed already"
        ),
        qualifier="may",
    )
    m.evidence(
        "Beijing calls NATO 'the sewage of the Cold War'.",
        id="sewage-rhetoric",
        by="beijing",
        quote="the sewage of the Cold War",
    )

    # -------------------------- The third benefit, and the closing answer to Beijing
    m.claim(
        (
            "A third benefit of a forward NATO presence is promoting understanding in Asia "
            "of NATO and what it represents."
        ),
        id="benefit-promotes-understanding",
        by="shetler-jones",
        quote=(
            "a third benefit provided by a forward NATO presence, which is promoting "
            "understanding in Asia about NATO and what it represents"
        ),
        tags=["benefit"],
    )
    m.claim(
        (
            "Misleading information and vitriol about NATO spread to Asian audiences have "
            "grown with Russia's war against Ukraine and worse PRC-Europe relations, "
            "suggesting that NATO's strategic communication must adapt to overcome hostile "
            "narratives."
        ),
        id="hostile-narratives",
        by="shetler-jones",
        quote=(
            "The flow of misleading information and vitriol about the alliance being spread"
            " to Asian audiences has increased with the Russian war against Ukraine and "
            "deterioration in PRC-Europe relations, suggesting the need to adapt NATO’s "
            "strategic communication to overcome hostile narratives."
        ),
        tags=["benefit"],
    )
    m.evidence(
        (
            "As with Europeans under Soviet domination in the Cold War, one legacy of the "
            "colonial experience in Asia is a firm commitment to defend national "
            "sovereignty against coercion by larger states."
        ),
        id="colonial-legacy",
        by="shetler-jones",
        quote=(
            "As with Europeans who came under Soviet domination during the Cold War, one "
            "legacy of the colonial experience in Asia is a firm commitment to defend "
            "national sovereignty against coercion by larger states."
        ),
    )
    m.rebuttal(
        (
            "No-one likes a bully: the smaller nations of the region resist coercion by "
            "larger states, so it is not NATO that they need to be wary of."
        ),
        id="no-one-likes-a-bully",
        by="shetler-jones",
        quote="No-one likes a bully.",
        note=(
            "The article's last answer to Beijing, in four words. After the PRC's 'coercive"
            " policies' (the Strategic Concept) and Beijing's rhetoric, the bully meant is "
            "not hard to see; the map's reading, which the article leaves implicit."
        ),
    )
    m.claim(
        (
            "The resonance of those principles, also rights guaranteed under the UN "
            "Charter, could be the basis for improving understanding and extending common "
            "ground between NATO and partners in the Indo-Pacific."
        ),
        id="principles-common-ground",
        by="shetler-jones",
        quote=(
            "The resonance of those principles, which are also rights guaranteed under the "
            "UN Charter, could be the basis for improving understanding and extending "
            "common ground between NATO and partners in the Indo-Pacific."
        ),
        qualifier="could",
        tags=["benefit"],
    )

    # --------------------------------------------------------------- relations
    m.relate(
        "not-surprising",
        "caused-stir",
        "concedes",
        note=(
            "The author grants that the report 'still caused quite a stir' and holds that "
            "it should not have caused much surprise."
        ),
    )
    m.relate("liaison-offices-not-new", "not-surprising", "supports")
    m.relate("japan-natural-host", "not-surprising", "supports")
    m.relate(
        "allied-differences",
        "lungescu-noncommittal",
        "supports",
        note="An explanation, offered hedged ('might explain in part').",
    )
    m.relate("liaison-offices-not-new", "first-of-its-kind", "objects")
    m.relate("not-first-in-asia", "first-of-its-kind", "objects")
    m.relate("three-categories", "liaison-offices-not-new", "supports")
    m.relate("un-osce-offices", "three-categories", "supports")
    m.relate("partnership-offices", "three-categories", "supports")
    m.relate("kyiv-office", "partnership-offices", "supports")
    m.relate("tashkent-precedent", "three-categories", "supports")
    m.relate("kuwait-precedent", "three-categories", "supports")
    m.relate("tashkent-precedent", "not-first-in-asia", "supports")
    m.relate("nikkei-regional-scope", "regional-type-relevant", "supports")
    m.relate("regional-type-relevant", "tokyo-regional-hub", "supports")
    m.relate("agenda-needs-presence", "tokyo-regional-hub", "supports")
    m.relate("ip4-agenda", "agenda-needs-presence", "supports")
    m.relate("nato-political-dialogue", "ip4-agenda", "supports")
    m.relate("ip4-at-summits", "ip4-agenda", "supports")
    m.relate("tokyo-regional-hub", "office-serves-alliance", "supports")
    m.relate("itpp", "japan-natural-host", "supports")
    m.relate("tokyo-multilateralism", "japan-natural-host", "supports")
    m.relate("japan-russia-exposure", "japan-natural-host", "supports")
    m.relate("japan-natural-host", "office-serves-alliance", "supports")
    m.relate("beijing-destabilising", "office-serves-alliance", "objects")
    m.relate("beijing-destabilising", "mfa-vigilance", "supports")
    m.relate("mfa-vigilance", "office-serves-alliance", "objects")
    m.relate("global-times-thorn", "office-serves-alliance", "objects")
    m.relate("shared-principles", "beijing-destabilising", "rebuts")
    m.relate("shared-principles", "mfa-vigilance", "rebuts")
    m.relate("shared-principles", "global-times-thorn", "rebuts")
    m.relate("no-one-likes-a-bully", "beijing-destabilising", "rebuts")
    m.relate("no-one-likes-a-bully", "global-times-thorn", "rebuts")
    m.relate("no-one-likes-a-bully", "mfa-vigilance", "rebuts")
    m.relate(
        "security-environment-changed",
        "global-times-thorn",
        "concedes",
        note=(
            "Grants that the office is no longer a symbolic move (it signals change), not "
            "the 'so-called security defence' charge."
        ),
    )
    m.relate("gt-substantial-move", "clarifies-trends", "supports")
    m.relate("security-environment-changed", "clarifies-trends", "supports")
    m.relate("offices-follow-threats", "security-environment-changed", "supports")
    m.relate("ip4-faces-prc", "security-environment-changed", "supports")
    m.relate("strategic-concept-prc", "ip4-faces-prc", "supports")
    m.relate("indo-pacific-policies", "allied-differences", "supports")
    m.relate(
        "allied-differences",
        "beebe-transatlantic-rift",
        "concedes",
        note=(
            "Grants the ground of the concern (allies do differ), not that the office widens it."
        ),
    )
    m.relate("beebe-transatlantic-rift", "office-serves-alliance", "objects")
    m.relate("beebe-russia-china-alliance", "office-serves-alliance", "objects")
    m.relate("benefits-mitigate-risks", "beebe-transatlantic-rift", "rebuts")
    m.relate("benefits-mitigate-risks", "beebe-russia-china-alliance", "rebuts")
    m.relate("narrows-perception-gaps", "beebe-transatlantic-rift", "rebuts")
    m.relate("keeps-allies-abreast", "beebe-russia-china-alliance", "rebuts")
    m.relate("liaison-officer-little-impact", "beebe-russia-china-alliance", "rebuts")
    m.relate("ship-has-sailed", "beebe-russia-china-alliance", "rebuts")
    m.relate("sewage-rhetoric", "ship-has-sailed", "supports")
    m.relate("benefit-common-understanding", "office-serves-alliance", "supports")
    m.relate("benefit-common-understanding", "benefits-mitigate-risks", "supports")
    m.relate("benefit-common-understanding", "narrows-perception-gaps", "supports")
    m.relate("japan-russia-exposure", "keeps-allies-abreast", "supports")
    m.relate("keeps-allies-abreast", "benefits-mitigate-risks", "supports")
    m.relate("benefit-binds-partners", "office-serves-alliance", "supports")
    m.relate("benefit-promotes-understanding", "office-serves-alliance", "supports")
    m.relate("hostile-narratives", "benefit-promotes-understanding", "supports")
    m.relate("principles-common-ground", "benefit-promotes-understanding", "supports")
    m.relate("shared-principles", "principles-common-ground", "supports")
    m.relate("colonial-legacy", "shared-principles", "supports")
    m.relate("colonial-legacy", "no-one-likes-a-bully", "supports")
    return m


def main() -> None:
    """Print, for each thesis, the objections that still threaten it."""
    m = build()
    for thesis in m.theses():
        unanswered = m.unanswered_objections(thesis=thesis.id)
        print(f"{thesis.id}: {len(unanswered)} unanswered objection(s) bear on it")
        for o in unanswered:
            print(f"  - {o.id} (by {m.get_actor(o.by).name})")


if __name__ == "__main__":
    main()
