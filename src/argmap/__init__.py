"""argmap: argument maps as typed graphs: claims, objections, rebuttals, evidence.

Build a map in a notebook, load it from a file, find the objections nobody
answered, and (with :mod:`argmap.render`) draw it.

Examples
--------
>>> import argmap
>>> m = argmap.ArgumentMap(title="Lunch")
>>> thesis = m.claim("We should eat out.", id="eat-out")
>>> _ = m.objection("It costs too much.", id="cost", against=thesis)
>>> [o.id for o in argmap.find_unanswered_objections(m)]
['cost']
"""

from typing import TYPE_CHECKING, Any

from . import limits
from .errors import (
    AnalysisTimeout,
    ArgmapError,
    DanglingRelationError,
    DuplicateIdError,
    ExecutableNotFoundError,
    FormatError,
    LimitError,
    MapValidationError,
    MissingExtraError,
    OptionError,
    RenderError,
    RuleError,
    SourceError,
    UnknownIdError,
    UsageError,
)

if TYPE_CHECKING:  # for type checkers and IDEs; at run time these load on first use
    from .analysis.bipolar import BipolarFramework, bipolar_framework
    from .analysis.deadline import time_limit
    from .analysis.dialectic import (
        ObjectionStatus,
        ObjectionStatuses,
        UnansweredObjections,
        find_unanswered_objections,
        grounded_labels,
        objection_statuses,
        threat_paths,
    )
    from .analysis.framework import ArgumentationFramework, FrameworkError
    from .analysis.report import AnalysisReport, analyze
    from .analysis.semantics import (
        Acceptance,
        UnknownSemanticsError,
        count_extensions,
        enumerate_extensions,
        find_extension,
        grounded_extension,
        grounded_labelling,
        ideal_extension,
        is_credulously_accepted,
        is_sceptically_accepted,
    )
    from .analysis.status import (
        Explanation,
        FrameworkLabelling,
        Statuses,
        TooManyExtensionsError,
        explain,
        label_framework,
        statuses,
    )
    from .analysis.strength import Strength, UnknownStrengthError, strength
    from .analysis.translate import (
        Translation,
        UnknownSupportError,
        argumentation_framework,
        translate,
    )
    from .analysis.whatif import (
        LoadBearing,
        LoadBearingTimeoutError,
        WhatIf,
        WhatIfError,
        load_bearing,
        what_if,
    )
    from .anchor import (
        Coverage,
        QuoteMatch,
        QuoteMatches,
        Sentence,
        SentenceCoverage,
        SourceText,
        coverage,
        load_source,
        locate_quotes,
        quote_contexts,
    )
    from .check import check_file, check_map
    from .corpus import BatchError, BatchResult, batch
    from .formats import Format, Loaded, list_formats
    from .formats.iccma import format_af, parse_af, read_af, write_af
    from .formats.networkx_io import from_networkx
    from .io import LossWarning, dump, dumps, load, loads, read
    from .map import ArgumentMap
    from .model import (
        FORMAT_VERSION,
        Actor,
        Claim,
        Evidence,
        MapDocument,
        Objection,
        Rebuttal,
        Relation,
        Source,
        Statement,
    )
    from .render.dot import to_graphviz
    from .render.engines import EngineWarning
    from .render.mermaid import to_mermaid
    from .render.output import render_bytes, render_svg
    from .render.widget import MapWidget, widget
    from .rules import RULES

__version__ = "0.1.0"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the native file format (see :func:`argmap.formats.native.json_schema`)."""
    from .formats.native import json_schema

    return json_schema()


__all__ = [
    "__version__",
    # model
    "FORMAT_VERSION",
    "Actor",
    "Claim",
    "Evidence",
    "MapDocument",
    "Objection",
    "Rebuttal",
    "Relation",
    "Source",
    "Statement",
    "RULES",
    # the map
    "ArgumentMap",
    # files
    "Format",
    "Loaded",
    "LossWarning",
    "dump",
    "dumps",
    "list_formats",
    "json_schema",
    "load",
    "loads",
    "read",
    "from_networkx",
    # analysis
    "BipolarFramework",
    "ObjectionStatus",
    "ObjectionStatuses",
    "UnansweredObjections",
    "bipolar_framework",
    "find_unanswered_objections",
    "grounded_labels",
    "objection_statuses",
    "threat_paths",
    "check_map",
    "check_file",
    # analysis, loaded on first use (see _LAZY below)
    "AnalysisReport",
    "Explanation",
    "Strength",
    "Translation",
    "analyze",
    "argumentation_framework",
    "explain",
    "label_framework",
    "FrameworkLabelling",
    "statuses",
    "strength",
    "translate",
    # abstract argumentation frameworks, loaded on first use
    "ArgumentationFramework",
    "Acceptance",
    "count_extensions",
    "enumerate_extensions",
    "find_extension",
    "grounded_extension",
    "grounded_labelling",
    "ideal_extension",
    "is_credulously_accepted",
    "is_sceptically_accepted",
    "read_af",
    "write_af",
    "parse_af",
    "format_af",
    "UnknownSemanticsError",
    # diagrams, loaded on first use (argmap.render holds the rest)
    "render_bytes",
    "render_svg",
    "to_graphviz",
    "to_mermaid",
    "EngineWarning",
    # the source text: quotes located, coverage, loaded on first use
    "Coverage",
    "QuoteMatch",
    "QuoteMatches",
    "Sentence",
    "SentenceCoverage",
    "SourceText",
    "coverage",
    "load_source",
    "locate_quotes",
    "quote_contexts",
    # corpora: one task over many files, loaded on first use
    "batch",
    "BatchResult",
    "BatchError",
    # errors
    "ArgmapError",
    "DanglingRelationError",
    "DuplicateIdError",
    "ExecutableNotFoundError",
    "FormatError",
    "MapValidationError",
    "MissingExtraError",
    "OptionError",
    "RenderError",
    "RuleError",
    "SourceError",
    "UnknownIdError",
    "TooManyExtensionsError",
    "FrameworkError",
    "UnknownStrengthError",
    "UnknownSupportError",
    # what-if analysis, load-bearing statements, the notebook widget (loaded on first use)
    "WhatIf",
    "WhatIfError",
    "what_if",
    "LoadBearing",
    "LoadBearingTimeoutError",
    "load_bearing",
    "Statuses",
    "MapWidget",
    "widget",
    "AnalysisTimeout",
    "LimitError",
    "UsageError",
    # resource limits and time limits
    "limits",
    "time_limit",
]

# Every public name but the errors imports its module on first use, so that
# ``import argmap`` (and the CLI's start-up) stays light: pydantic, networkx,
# PyYAML, graphviz and pysat load only when something needs them.
_LAZY = {
    "BipolarFramework": "analysis.bipolar",
    "bipolar_framework": "analysis.bipolar",
    "ObjectionStatus": "analysis.dialectic",
    "ObjectionStatuses": "analysis.dialectic",
    "UnansweredObjections": "analysis.dialectic",
    "find_unanswered_objections": "analysis.dialectic",
    "grounded_labels": "analysis.dialectic",
    "objection_statuses": "analysis.dialectic",
    "threat_paths": "analysis.dialectic",
    "check_map": "check",
    "check_file": "check",
    "Format": "formats",
    "Loaded": "formats",
    "list_formats": "formats",
    "LossWarning": "io",
    "dump": "io",
    "dumps": "io",
    "load": "io",
    "loads": "io",
    "read": "io",
    "ArgumentMap": "map",
    "FORMAT_VERSION": "model",
    "Actor": "model",
    "Claim": "model",
    "Evidence": "model",
    "MapDocument": "model",
    "Objection": "model",
    "Rebuttal": "model",
    "Relation": "model",
    "Source": "model",
    "Statement": "model",
    "RULES": "rules",
    "AnalysisReport": "analysis.report",
    "analyze": "analysis.report",
    "Explanation": "analysis.status",
    "TooManyExtensionsError": "analysis.status",
    "explain": "analysis.status",
    "FrameworkLabelling": "analysis.status",
    "label_framework": "analysis.status",
    "statuses": "analysis.status",
    "Strength": "analysis.strength",
    "UnknownStrengthError": "analysis.strength",
    "strength": "analysis.strength",
    "Translation": "analysis.translate",
    "UnknownSupportError": "analysis.translate",
    "argumentation_framework": "analysis.translate",
    "translate": "analysis.translate",
    "ArgumentationFramework": "analysis.framework",
    "FrameworkError": "analysis.framework",
    "Acceptance": "analysis.semantics",
    "UnknownSemanticsError": "analysis.semantics",
    "count_extensions": "analysis.semantics",
    "enumerate_extensions": "analysis.semantics",
    "find_extension": "analysis.semantics",
    "grounded_extension": "analysis.semantics",
    "grounded_labelling": "analysis.semantics",
    "ideal_extension": "analysis.semantics",
    "is_credulously_accepted": "analysis.semantics",
    "is_sceptically_accepted": "analysis.semantics",
    "read_af": "formats.iccma",
    "write_af": "formats.iccma",
    "parse_af": "formats.iccma",
    "format_af": "formats.iccma",
    "from_networkx": "formats.networkx_io",
    "render_bytes": "render.output",
    "render_svg": "render.output",
    "to_graphviz": "render.dot",
    "to_mermaid": "render.mermaid",
    "EngineWarning": "render.engines",
    "Coverage": "anchor",
    "QuoteMatch": "anchor",
    "QuoteMatches": "anchor",
    "Sentence": "anchor",
    "SentenceCoverage": "anchor",
    "SourceText": "anchor",
    "coverage": "anchor",
    "load_source": "anchor",
    "locate_quotes": "anchor",
    "quote_contexts": "anchor",
    "WhatIf": "analysis.whatif",
    "WhatIfError": "analysis.whatif",
    "what_if": "analysis.whatif",
    "LoadBearing": "analysis.whatif",
    "LoadBearingTimeoutError": "analysis.whatif",
    "load_bearing": "analysis.whatif",
    "Statuses": "analysis.status",
    "MapWidget": "render.widget",
    "widget": "render.widget",
    "batch": "corpus",
    "BatchResult": "corpus",
    "BatchError": "corpus",
    "time_limit": "analysis.deadline",
}


if not TYPE_CHECKING:  # type checkers see the imports above, not a catch-all

    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'argmap' has no attribute {name!r}")
        import importlib

        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
