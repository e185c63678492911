"""The article's argument map, built with the Python API.

Philip Shetler-Jones, "The geopolitical implications of a NATO liaison office
in Japan", Britain's World (Council on Geostrategy), 2023. The same map is
written in the native file format in ``examples/nato_japan.yaml``; a test
asserts that both are equal.

Every ``quote`` is the article's exact wording (its curly quotes included);
``text`` is a paraphrase. Statements attributed to others (Nikkei Asia, NATO,
China's Foreign Ministry, the Global Times, George Beebe, Beijing) are given
as the article reports them. Each objection's ``note`` says whether and how
the article answers it.

Run it to list the objections the article leaves unanswered::

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

    # ------------------------------------------------------------------ actors
    m.actor(
        "shetler-jones",
        "Philip Shetler-Jones",
        affiliation="Council on Geostrategy",
        role="James Cook Associate Fellow in Indo-Pacific Geopolitics",
        kind="person",
    )
    m.actor("nikkei-asia", "Nikkei Asia", kind="media")
    m.actor(
        "lungescu",
        "Oana Lungescu",
        affiliation="NATO",
        role="NATO spokesperson",
        kind="person",
    )
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

    # ------------------------------------------------------------------ thesis
    thesis = m.claim(
        "If NATO's reported plan for a liaison office in Japan comes to fruition, the office "
        "will serve the alliance and its Indo-Pacific partnerships and help to clarify "
        "geopolitical trends concerning NATO and the Indo-Pacific.",
        id="office-serves-alliance",
        by="shetler-jones",
        quote=(
            "if it does come to fruition, it will help to clarify some geopolitical trends "
            "concerning NATO and the Indo-Pacific"
        ),
        tags=["thesis"],
        note=(
            "The article's thesis, reconstructed: the quote is its own statement in the "
            "opening paragraph; that the office serves the alliance and its partnerships "
            "is what the three benefits in the closing paragraphs argue."
        ),
    )
    not_surprising = m.claim(
        "Given how NATO's diplomatic instruments and NATO-Japan relations have developed, "
        "news that allies and Japan are discussing such an office should not surprise.",
        id="not-surprising",
        by="shetler-jones",
        supports=thesis,
        quote=(
            "Considering how the alliance’s diplomatic instruments and NATO-Japan relations "
            "have developed over the years, news that this is being discussed among allies "
            "and with Japan should not cause much surprise"
        ),
    )
    m.evidence(
        "Nikkei Asia reported on 3 May that NATO is planning to open a liaison office in Japan.",
        id="nikkei-report",
        by="nikkei-asia",
        supports=thesis,
        quote=(
            "A Nikkei Asia report on May 3rd suggesting the North Atlantic Treaty "
            "Organisation (NATO) is planning to open a liaison office in Japan"
        ),
        source=NIKKEI_REPORT,
        note=(
            "The occasion of the article; it supports the thesis only by establishing its "
            "subject (a planned office). The article gives the report's gist, not its words."
        ),
    )

    # --------------------------------------- 'the first of its kind in the region'
    first = m.claim(
        "The planned office in Japan would be the first NATO office of its kind in the region.",
        id="first-of-its-kind",
        by="nikkei-asia",
        quote="the first of its kind in the region",
        source=NIKKEI_REPORT,
        note=(
            "The article does not name who made this claim ('Contrary to the claim that "
            "...'); it comes straight after the Nikkei Asia report, so it is attributed to "
            "that report (as reported). A root claim the map argues against; the author's "
            "two objections defeat it."
        ),
    )
    not_new = m.objection(
        "There is nothing new in NATO having liaison offices, even outside the North "
        "Atlantic area and in Asia; they fall into three categories.",
        id="liaison-offices-not-new",
        by="shetler-jones",
        against=first,
        supports=not_surprising,
        quote=(
            "there is nothing new in NATO having liaison offices, even outside the North "
            "Atlantic area, including in Asia"
        ),
        tags=["precedent"],
        note=(
            "Unanswered, and standing: no one in the article disputes it. Caveat the map "
            "records but the article does not raise: the claim concerned 'the region', "
            "while the counterexamples lie in New York, Vienna, Europe, Central Asia and "
            "the Gulf, none in East Asia or the Indo-Pacific."
        ),
    )
    not_first_in_asia = m.objection(
        "It is not quite correct that an office in Japan would be NATO's first in Asia.",
        id="not-first-in-asia",
        by="shetler-jones",
        against=first,
        quote="It is not quite correct that an office in Japan would be a first in Asia",
        tags=["precedent"],
        note=(
            "Unanswered, and standing: no one in the article disputes it. The author hedges "
            "('not quite correct') and shifts from 'the region' to 'Asia': his counterexample "
            "is in Central Asia, and he later grants that a regional office in East Asia is "
            "'an indicator of change'."
        ),
    )
    m.evidence(
        "NATO's offices in New York and Vienna coordinate its business with the UN and the OSCE.",
        id="un-osce-offices",
        by="shetler-jones",
        supports=not_new,
        quote=(
            "Offices in New York and in Vienna coordinate NATO business with the main "
            "multilateral security organisations to which its members belong, the United "
            "Nations (UN) and the Organization for Security and Co-operation, respectively."
        ),
        tags=["precedent", "first-category"],
    )
    m.evidence(
        "NATO's offices in Georgia (since 2010), Bosnia and Herzegovina, Moldova (since "
        "2017) and Ukraine (in Kyiv since the 1990s) support partnership projects, practise "
        "public diplomacy and help prepare countries for membership.",
        id="partnership-offices",
        by="shetler-jones",
        supports=not_new,
        quote=(
            "The second type of liaison office, as NATO has had in Georgia since 2010, but "
            "also in Bosnia and Herzegovina, and Moldova (since 2017), supports the "
            "implementation of NATO partnership projects and practises public diplomacy to "
            "inform citizens about the alliance."
        ),
        tags=["precedent", "second-category"],
        note=(
            "The article adds: 'In the case of Ukraine, for instance, NATO has maintained a "
            "Liaison Office and an Information and Documentation Center in Kyiv since the "
            "1990s.'"
        ),
    )
    regional = m.claim(
        "The third type, NATO's regional liaison offices, is the most relevant model for "
        "what the Japan office could look like.",
        id="regional-type-relevant",
        by="shetler-jones",
        supports=not_new,
        quote=(
            "The third type of NATO liaison office, which has a regional scope, is probably "
            "more relevant for imagining what the Japan office could look like."
        ),
        tags=["precedent", "third-category"],
    )
    m.evidence(
        "NATO's Central Asia regional liaison office, for dialogue and practical relations "
        "with five Central Asian partners, was hosted in Tashkent, Uzbekistan, from 2013 "
        "to 2017.",
        id="tashkent-precedent",
        by="shetler-jones",
        supports=[not_first_in_asia, regional],
        quote=(
            "the NATO Central Asia regional liaison office for enhancing dialogue and "
            "practical relations with five Central Asian partners was hosted in Tashkent, "
            "Uzbekistan from 2013 to 2017"
        ),
        tags=["precedent", "third-category"],
    )
    m.evidence(
        "The NATO-Istanbul Cooperation Initiative Regional Centre in Kuwait is another "
        "regional office; the ICI, set up in 2004, promotes security cooperation with Gulf "
        "states.",
        id="kuwait-precedent",
        by="shetler-jones",
        supports=[regional, not_new],
        quote=(
            "Another example of this type is the NATO-Istanbul Cooperation Initiative (ICI) "
            "Regional Centre in Kuwait."
        ),
        tags=["precedent", "third-category"],
        note=(
            "The ICI partners named: Bahrain, Kuwait, Qatar and the United Arab Emirates, "
            "with selective participation by Saudi Arabia and Oman."
        ),
    )
    m.evidence(
        "Nikkei Asia's report indicated that the Tokyo office would serve NATO's "
        "partnerships in the region, not only or even principally NATO-Japan relations.",
        id="nikkei-regional-scope",
        by="nikkei-asia",
        supports=regional,
        quote=(
            "The Nikkei report indicated that the Tokyo office would serve not only and not "
            "even principally NATO-Japan relations, but NATO partnerships in the region."
        ),
        source=NIKKEI_REPORT,
    )

    # ------------------------------------------------------------- why Japan
    host = m.claim(
        "Japan is a natural host for the office: NATO-Japan relations have been on an "
        "upward trajectory for some time.",
        id="japan-natural-host",
        by="shetler-jones",
        supports=[not_surprising, thesis],
        quote="their relations have been on an upward trajectory for some time",
        tags=["why-japan"],
    )
    m.evidence(
        "NATO and Japan will sign a new Individually Tailored Partnership Programme before "
        "the NATO Summit in Lithuania in July.",
        id="itpp",
        by="shetler-jones",
        supports=host,
        quote=(
            "NATO and Japan will sign a new Individually Tailored Partnership Programme "
            "before the NATO Summit in Lithuania this July"
        ),
        tags=["why-japan"],
    )
    m.evidence(
        "Tokyo's active use of NATO and the G7 to tie like-minded Euro-Atlantic and "
        "Indo-Pacific countries together gained salience when NATO's Indo-Pacific partners "
        "(Australia, New Zealand, South Korea, Japan) formed a grouping in 2022.",
        id="tokyo-multilateralism",
        by="shetler-jones",
        supports=host,
        quote=(
            "Tokyo’s proactive use of multilateral platforms such as NATO and the Group of "
            "Seven (G7) to strengthen ties between the like minded countries of the "
            "Euro-Atlantic and Indo-Pacific acquired added salience with the formation in "
            "2022 of a new grouping of NATO’s Indo-Pacific partners, including Australia, "
            "New Zealand, South Korea and Japan."
        ),
        tags=["why-japan", "indo-pacific-four"],
    )
    hub = m.claim(
        "Much of the Tokyo office's work would be serving NATO's partnerships across the "
        "Asia-Pacific, as a regional liaison office.",
        id="tokyo-regional-hub",
        by="shetler-jones",
        supports=thesis,
        quote="That will account for much of the work of the Asia-Pacific liaison office in Tokyo.",
        tags=["why-japan"],
    )
    m.relate(regional, hub, "supports")
    presence = m.claim(
        "Given the distances and the pull of challenges close to NATO, carrying out the "
        "agenda of dialogue and projects needs dedicated resources, clear channels to NATO "
        "headquarters and a regular presence in Seoul, Canberra and Auckland.",
        id="agenda-needs-presence",
        by="shetler-jones",
        supports=hub,
        quote=(
            "putting this agenda of dialogues and project implementation into practice will "
            "require dedicated resources and clear channels back to NATO’s headquarters in "
            "Brussels – not to mention regular presence in and close contact with Seoul, "
            "Canberra and Auckland"
        ),
        tags=["why-japan"],
    )
    agenda = m.claim(
        "NATO and the 'Indo-Pacific four' hold political dialogue on shared interests, such "
        "as the shift of power to Asia and maritime security, and are committed to more "
        "practical cooperation on cyberspace, new technology and countering disinformation.",
        id="ip4-agenda",
        by="shetler-jones",
        supports=presence,
        quote=(
            "The ‘Indo-Pacific four’ and NATO are also committed to stepping up practical "
            "cooperation in areas including cyberspace, new technology and countering "
            "disinformation."
        ),
        tags=["why-japan", "indo-pacific-four"],
    )
    m.evidence(
        "The heads of state of the four Indo-Pacific partners attended the June 2022 NATO "
        "Summit, and the four were represented at the April 2023 foreign ministers' meeting.",
        id="ip4-at-summits",
        by="shetler-jones",
        supports=agenda,
        quote=(
            "The heads of state of these four Indo-Pacific countries attended the June 2022 "
            "NATO Summit, and were also represented at the April 2023 Foreign Affairs’ "
            "Ministerial."
        ),
        tags=["why-japan", "indo-pacific-four"],
    )
    m.evidence(
        "NATO holds that political dialogue with its partners enhances their mutual "
        "situational awareness of security developments in the Euro-Atlantic and "
        "Indo-Pacific regions.",
        id="nato-political-dialogue",
        by="nato",
        supports=agenda,
        quote=(
            "Political dialogue ensures that NATO and its partners can enhance their mutual "
            "situational awareness on security developments in the Euro-Atlantic and "
            "Indo-Pacific regions."
        ),
        tags=["why-japan", "indo-pacific-four"],
    )

    # ------------------------------------------------- Beijing's reactions
    beijing = m.objection(
        "NATO's continued eastward foray into the Asia-Pacific is interference in regional "
        "affairs that will undermine regional peace and stability and stoke camp "
        "confrontation.",
        id="beijing-destabilising",
        by="china-mfa",
        against=thesis,
        quote=(
            "NATO’s continued eastward foray into the Asia-Pacific and interference in "
            "regional affairs will inevitably undermine regional peace and stability and "
            "stoke camp confrontation. This calls for high vigilance among regional countries."
        ),
        tags=["china-reaction"],
        note=(
            "Answered, but only indirectly. The author never disputes the prediction itself "
            "(instability, 'camp confrontation'); he contests its premises in the two "
            "passages that follow the Chinese reactions. (1) The principles passage: the "
            "regional states themselves hold NATO's principles (a state's right to choose "
            "its foreign policy and to collective self-defence), so partnering with them is "
            "not 'interference in regional affairs'. (2) The security-environment paragraph: "
            "the office follows a changed threat picture, as Tashkent opened for Afghanistan "
            "and closed when the threat moved west, and today the challenge is the PRC's "
            "'coercive policies'; it is not a 'continued eastward foray', and the source of "
            "instability lies with Beijing. Both are attached as rebuttals; 'stoke camp "
            "confrontation' is left unaddressed."
        ),
    )
    m.objection(
        "The office is a poisonous thorn in Asia: no longer a symbolic move but a "
        "substantial move to build a security defence around China.",
        id="global-times-thorn",
        by="global-times",
        against=thesis,
        quote=(
            "a poisonous thorn sticking into Asia…The NATO liaison office in Japan is no "
            "longer a symbolic move but a substantial move to build a so-called security "
            "defence around China."
        ),
        tags=["china-reaction"],
        note=(
            "Unanswered. Its substance (a substantial move to build a security defence "
            "around China) is conceded, not disputed: 'There is no denying' the office is an "
            "indicator of change, and the Indo-Pacific four are 'the relevant partnership "
            "grouping for facing' the PRC's challenges. The author justifies that posture "
            "by the PRC's 'coercive policies' but never argues that the office is not such "
            "a move, nor that it harms no one in Asia ('a poisonous thorn'). The principles "
            "passage and the later remark on 'misleading information and vitriol' answer "
            "the 'interference' charge and hostile narratives in general, not this claim, "
            "so no rebuttal is attached."
        ),
    )
    principles = m.rebuttal(
        "NATO's founding principles, a state's right to determine its own foreign policy "
        "and to exercise collective self-defence, are the very principles the smaller "
        "Indo-Pacific nations hold dear.",
        id="shared-principles",
        by="shetler-jones",
        against=beijing,
        quote=(
            "The principles NATO is founded on – the right of states to determine their own "
            "foreign policy, and to exercise collective self-defence – happen to be the same "
            "principles that are held dear by the smaller nations of the Indo-Pacific."
        ),
        note=(
            "The sentence stands on its own right after the Chinese reactions (probably a "
            "pull quote) and recurs in the last paragraph, where it supports the third "
            "benefit."
        ),
    )
    environment = m.rebuttal(
        "A NATO regional office in East Asia reflects a real change in the global security "
        "environment: NATO's regional offices follow where the threats are.",
        id="security-environment-changed",
        by="shetler-jones",
        against=beijing,
        supports=thesis,
        quote=(
            "There is no denying that the opening of a NATO regional liaison office in East "
            "Asia is an indicator of change in the global security environment."
        ),
        tags=["geopolitical-trend"],
        note=(
            "A concession turned into an answer: it grants the office's significance but "
            "ascribes it to the security environment (and the PRC's conduct) rather than "
            "to NATO expansionism. It also illustrates the thesis' 'geopolitical trends'."
        ),
    )
    m.evidence(
        "After 9/11 the Tashkent office reflected the focus on Afghanistan; when the "
        "terrorist threat moved westward it closed, while the Kuwait office stayed open.",
        id="offices-follow-threats",
        by="shetler-jones",
        supports=environment,
        quote=(
            "As the source of the identified terrorist threat moved westward, the Tashkent "
            "office closed while the regional office in Kuwait remained open."
        ),
        tags=["precedent", "geopolitical-trend"],
    )
    prc = m.claim(
        "Today the 'Indo-Pacific four' are the relevant partnership grouping for facing the "
        "challenges the PRC poses to NATO's interests, security and values.",
        id="ip4-faces-prc",
        by="shetler-jones",
        supports=environment,
        quote=(
            "Today the ‘Indo-Pacific four’ are the relevant partnership grouping for facing "
            "what the alliance identified in its 2022 Strategic Concept as the challenges "
            "posed by the People’s Republic of China’s (PRC) ‘stated ambitions and coercive "
            "policies’ to NATO interests, security and values."
        ),
        tags=["indo-pacific-four", "geopolitical-trend"],
    )
    m.evidence(
        "NATO's 2022 Strategic Concept identifies the PRC's stated ambitions and coercive "
        "policies as challenges to NATO's interests, security and values.",
        id="strategic-concept-prc",
        by="nato",
        supports=prc,
        quote="stated ambitions and coercive policies",
        source=STRATEGIC_CONCEPT,
    )

    # ------------------------------------------------- Beebe's concerns
    rift = m.objection(
        "The office could widen differences between the United States and some Europeans "
        "over how to deal with China.",
        id="beebe-transatlantic-rift",
        by="beebe",
        against=thesis,
        quote=(
            "exacerbate differences between the United States and some Europeans about how "
            "to deal with China"
        ),
        tags=["western-concern"],
        note=(
            "Answered directly: 'far from contributing to these risks' the office's benefits "
            "mitigate them, and it 'may also succeed in narrowing some of the perception "
            "gaps' among allies. The author grants the premise (allies do differ, see "
            "allied-differences); his answer is hedged ('may')."
        ),
    )
    alliance = m.objection(
        "Moving NATO into Asian affairs is likely to push Russia and China closer together, "
        "into a de facto alliance against a common Western or NATO enemy.",
        id="beebe-russia-china-alliance",
        by="beebe",
        against=thesis,
        quote=(
            "likely to bring Russia and China even closer together into what could amount to "
            "a de facto alliance between the two of them against what they see as a common "
            "Western or NATO enemy"
        ),
        tags=["western-concern"],
        note=(
            "Answered directly, three times: the benefits mitigate the risk, a liaison "
            "officer is unlikely to have much impact, and 'that ship may have sailed "
            "already'. Not addressed by the article: the second answer (little impact) sits "
            "uneasily with the benefits it claims for the same office."
        ),
    )
    differences = m.claim(
        "Allies differ on whether their China policy should have a transatlantic framing or "
        "run through NATO, and on how to approach Indo-Pacific partnerships; this may "
        "partly explain NATO's coyness about the story.",
        id="allied-differences",
        by="shetler-jones",
        supports=rift,
        quote=(
            "reflects different views among allies about the extent to which their China "
            "policy should have a transatlantic framing or run through NATO, and how to "
            "approach Indo-Pacific partnerships"
        ),
        tags=["western-concern"],
        note="The author concedes the ground of Beebe's first concern.",
    )
    m.evidence(
        "NATO's spokesperson Oana Lungescu responded to the report non-committally.",
        id="lungescu-noncommittal",
        by="lungescu",
        supports=differences,
        quote="a rather non-committal response from Oana Lungescu, the NATO spokesperson",
        note=(
            "Her words are not quoted; the quote is the article's description. The author "
            "suggests that allied differences 'might explain in part why NATO has been a "
            "little coy about this story', so the coyness is a sign of those differences."
        ),
    )
    m.evidence(
        "The Indo-Pacific policies of Germany and the Netherlands, but not France's, mention "
        "intensifying security cooperation through NATO's global partnerships.",
        id="indo-pacific-policies",
        by="shetler-jones",
        supports=differences,
        quote=(
            "The Indo-Pacific policies of Germany and the Netherlands, but not France, "
            "mention intensifying security cooperation through NATO’s ‘partnerships across "
            "the globe’ with countries in the region."
        ),
        tags=["western-concern"],
    )

    # ------------------------------------------------- the author's answers
    mitigate = m.rebuttal(
        "Far from adding to these risks, a liaison presence in the Indo-Pacific brings "
        "benefits that offer new ways to mitigate them.",
        id="benefits-mitigate-risks",
        by="shetler-jones",
        against=[rift, alliance],
        quote=(
            "far from contributing to these risks, the benefits of a liaison presence in the "
            "Indo-Pacific include new ways to mitigate them"
        ),
    )
    gaps = m.rebuttal(
        "An office that assesses and reports regional developments for all the allies may "
        "narrow the perception gaps among them.",
        id="narrows-perception-gaps",
        by="shetler-jones",
        against=rift,
        quote=(
            "A liaison office that works for all the allies in assessing and reporting "
            "developments there may also succeed in narrowing some of the perception gaps "
            "among them."
        ),
    )
    understanding = m.claim(
        "The office's main benefit is a better common understanding of the situation in "
        "the region.",
        id="benefit-common-understanding",
        by="shetler-jones",
        supports=[thesis, gaps, mitigate],
        quote="The main benefit is improved common understanding of the situation in the region.",
        tags=["benefit"],
    )
    m.claim(
        "Japan's exposure to the Russian threat makes Tokyo a fitting location and will "
        "help allies follow how the challenges from the PRC and Russia intertwine.",
        id="japan-russia-exposure",
        by="shetler-jones",
        supports=[understanding, host],
        quote=(
            "Japan’s exposure to the Russian threat is another reason why Tokyo is a fitting "
            "location for the office, and will help allies keep abreast of the mingling of "
            "NATO’s challenges and threats from the PRC and Russia."
        ),
        tags=["why-japan", "benefit"],
    )
    m.claim(
        "A second benefit is binding together the regional partners that share "
        "Euro-Atlantic interests and can help stiffen the open international order against "
        "assault.",
        id="benefit-binds-partners",
        by="shetler-jones",
        supports=[thesis, mitigate],
        quote=(
            "The second benefit comes from helping to bind together the partners in the "
            "region that share Euro-Atlantic interests and offer the resources needed to "
            "stiffen the open international order against assault."
        ),
        tags=["benefit"],
    )
    m.rebuttal(
        "A liaison officer's presence is unlikely to have much effect on whether China and "
        "Russia form an alliance.",
        id="liaison-officer-little-impact",
        by="shetler-jones",
        against=alliance,
        quote="it seems unlikely that the presence of a liaison officer could have much impact",
    )
    sailed = m.rebuttal(
        "The office cannot push China into an anti-NATO alignment it may already have "
        "chosen: Beijing's rhetoric about NATO suggests that ship may have sailed already.",
        id="ship-has-sailed",
        by="shetler-jones",
        against=alliance,
        quote=(
            "Beijing’s rhetoric about NATO as ‘the sewage of the Cold War’ suggests that ship "
            "may have sailed already"
        ),
    )
    m.evidence(
        "Beijing calls NATO 'the sewage of the Cold War'.",
        id="sewage-rhetoric",
        by="beijing",
        supports=sailed,
        quote="the sewage of the Cold War",
    )

    # ------------------------------------------------- the third benefit
    promotes = m.claim(
        "A third benefit of a forward NATO presence is promoting understanding in Asia of "
        "NATO and what it represents.",
        id="benefit-promotes-understanding",
        by="shetler-jones",
        supports=thesis,
        quote=(
            "a third benefit provided by a forward NATO presence, which is promoting "
            "understanding in Asia about NATO and what it represents"
        ),
        tags=["benefit"],
    )
    m.claim(
        "Misleading information and vitriol about NATO aimed at Asian audiences have grown "
        "since Russia's war on Ukraine and worsening PRC-Europe relations, so NATO's "
        "strategic communication must adapt to overcome hostile narratives.",
        id="hostile-narratives",
        by="shetler-jones",
        supports=promotes,
        quote=(
            "The flow of misleading information and vitriol about the alliance being spread "
            "to Asian audiences has increased with the Russian war against Ukraine and "
            "deterioration in PRC-Europe relations, suggesting the need to adapt NATO’s "
            "strategic communication to overcome hostile narratives."
        ),
        tags=["benefit"],
    )
    common_ground = m.claim(
        "The resonance of these principles, also rights under the UN Charter, could be the "
        "basis for better understanding and more common ground between NATO and its "
        "Indo-Pacific partners.",
        id="principles-common-ground",
        by="shetler-jones",
        supports=promotes,
        quote=(
            "The resonance of those principles, which are also rights guaranteed under the UN "
            "Charter, could be the basis for improving understanding and extending common "
            "ground between NATO and partners in the Indo-Pacific."
        ),
        tags=["benefit"],
    )
    m.relate(principles, common_ground, "supports")
    m.evidence(
        "Like Europeans once under Soviet domination, Asians drew from the colonial "
        "experience a firm commitment to defend national sovereignty against coercion by "
        "larger states.",
        id="colonial-legacy",
        by="shetler-jones",
        supports=principles,
        quote=(
            "As with Europeans who came under Soviet domination during the Cold War, one "
            "legacy of the colonial experience in Asia is a firm commitment to defend "
            "national sovereignty against coercion by larger states."
        ),
        note="The article adds: 'No-one likes a bully.'",
    )
    return m


if __name__ == "__main__":
    m = build()
    print(m)
    unanswered = m.unanswered_objections()
    print(f"{len(unanswered)} unanswered objection(s):")
    for o in unanswered:
        targets = ", ".join(r.to for r in m.relations_from(o.id) if r.kind == "objects")
        print(f"  {o.id} (by {o.by}, against {targets})")
