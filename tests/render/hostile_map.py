"""A map whose every text field is hostile: markup, DOT, Mermaid, quotes, RTL script, emoji.

Ids are slugs (the model enforces that), so the hostility lives in texts,
quotes, notes, tags, actor names, titles and sources. Shared by the render
tests (``tests/render/test_hostile.py``, ``tests/render/test_html_browser.py``).
"""

from __future__ import annotations

from argmap import ArgumentMap

__all__ = ["HOSTILE", "hostile_map"]

HOSTILE: dict[str, str] = {
    "quotes": "She said \"no\" and 'never' \u201cquoted\u201d \u00abguillemets\u00bb",
    "backslash": "C:\\new\\table \\N \\G \\E \\T \\H \\L \\l \\r \\n end\\",
    "markup": "<b>bold</b> <i>x</i> a < b > c & d &amp; &lt; &#60; <BR/> <TABLE>",
    "script": "<script>alert(1)</script></script><!-- x --><img src=x onerror=alert(2)>",
    "braces": "{ } {{}} [ ] ( ) ${x} #{y} %s {0}",
    "newlines": "first line\nsecond line\r\nthird\rfourth\n\nafter a blank line",
    "emoji": "Emoji 🙂👍🏽🇯🇵 and a ZWJ family 👨\u200d👩\u200d👧 done",
    "rtl": "Arabic: \u0645\u0643\u062a\u0628 \u0627\u0644\u0646\u0627\u062a\u0648 \u2014 "
    "Hebrew: \u05de\u05e9\u05e8\u05d3 \u05e7\u05e9\u05e8 \u2014 mixed \u202eevil\u202c",
    "dot": 'graph node edge digraph subgraph strict ]; x -> y [color=red]; "z" [shape=star',
    "dot2": '"]; evil [label="pwned" color=red]; a -> b; //',
    "mermaid": "A --> B ::: cls %% comment\n%%{init: {'theme':'dark'}}%%\nclick A call alert()",
    "mermaid2": 'end"] --> X[("x")] ; style A fill:#f00 ; classDef evil fill:red',
    "json": '{"a": 1, "b": [true, null]} \\u003c/script\\u003e \u2028 \u2029',
    "cjk": "北京 東京 서울 NATO\u6771\u4eac\u4e8b\u52d9\u6240",
}
"""Hostile texts, one per statement."""


def hostile_map() -> ArgumentMap:
    """A valid map whose texts are all hostile; one statement per :data:`HOSTILE` entry.

    Statement ``thesis`` is the thesis; ``attack-*`` object to it, ``answer``
    rebuts (and concedes) the first objection, ``support-*`` support it, and one
    relation is undercut, so every relation kind appears; the objections carry
    hostile qualifiers.
    """
    m = ArgumentMap(
        title='Title </title><script>alert("t")</script> & "graph" ]; x -> y %%{init: {}}%% '
        "\u0645\u0643\u062a\u0628",
        source={
            "title": 'Source <i>title</i> "q" \\ {x}',
            "author": "Author </script> \u05de\u05e9\u05e8\u05d3",
            "publisher": "Pub & Co <br>",
            "url": "javascript:alert('url')",
            "date": "2023-05-04",
            "note": "note\nwith ]; newline",
        },
    )
    m.actor(
        "evil-actor",
        'Actor "<script>alert(3)</script>" ]; a -> b',
        affiliation="Affil & <b>co</b> \u0645\u0643\u062a\u0628 🙂",
        role="role \\ {x} %% --> :::",
        kind="person",
    )
    m.actor("plain", "Plain Person")
    keys = list(HOSTILE)
    thesis = m.claim(
        HOSTILE["dot"],
        id="thesis",
        by="evil-actor",
        quote=HOSTILE["script"],
        source={"title": HOSTILE["markup"], "url": "https://example.org/?a=1&b=<2>"},
        note=HOSTILE["newlines"],
        qualifier=HOSTILE["json"],
        tags=("tag <b>", "t&g", '"q"'),
    )
    first = m.objection(
        HOSTILE["script"],
        id="attack-script",
        against=thesis,
        by="evil-actor",
        quote=HOSTILE["dot2"],
    )
    m.rebuttal(HOSTILE["mermaid"], id="answer", against=first, by="plain", quote=HOSTILE["rtl"])
    for i, key in enumerate(k for k in keys if k not in ("dot", "script", "mermaid")):
        if i % 2:
            m.objection(
                HOSTILE[key],
                id=f"attack-{key}",
                against=thesis,
                quote=HOSTILE[key],
                qualifier=HOSTILE[key],
            )
        else:
            m.evidence(HOSTILE[key], id=f"support-{key}", supports=thesis, quote=HOSTILE[key])
    rel = m.relations_to("thesis")[-1]
    m.objection(HOSTILE["mermaid2"] + " undercut", id="undercutter", against=rel)
    m.relate("support-quotes", "attack-backslash", "contradicts")
    m.relate("answer", first, "concedes", note=HOSTILE["markup"])
    return m
