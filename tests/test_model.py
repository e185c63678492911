"""Tests for argmap.model: frozen, strict, discriminated statements and relations."""

import pydantic
import pytest

from argmap.model import (
    Actor,
    Claim,
    MapDocument,
    Objection,
    Relation,
    Source,
    document_adapter,
    statement_adapter,
)


class TestStatement:
    def test_discriminator_picks_the_class(self):
        s = statement_adapter.validate_python({"kind": "objection", "id": "o", "text": "No."})
        assert isinstance(s, Objection)

    def test_frozen(self):
        c = Claim(id="c", text="C.")
        with pytest.raises(pydantic.ValidationError):
            c.text = "changed"

    def test_unknown_keys_rejected(self):
        with pytest.raises(pydantic.ValidationError, match="extra"):
            Claim(id="c", text="C.", colour="red")

    def test_unknown_kind_names_the_tags(self):
        with pytest.raises(pydantic.ValidationError) as info:
            statement_adapter.validate_python({"kind": "thing", "id": "c", "text": "C."})
        assert "claim" in str(info.value) and "rebuttal" in str(info.value)

    @pytest.mark.parametrize("bad", ["", "has space", "-lead", "ü"])
    def test_ids_are_slugs(self, bad):
        with pytest.raises(pydantic.ValidationError):
            Claim(id=bad, text="C.")

    @pytest.mark.parametrize("weight", [-0.1, 1.5])
    def test_weight_in_unit_interval(self, weight):
        with pytest.raises(pydantic.ValidationError):
            Claim(id="c", text="C.", weight=weight)

    def test_empty_text_rejected(self):
        with pytest.raises(pydantic.ValidationError):
            Claim(id="c", text="")


class TestRelation:
    def test_from_alias_and_key(self):
        r = Relation.model_validate({"from": "a", "to": "b", "kind": "objects"})
        assert (r.from_, r.key, r.is_attack) == ("a", "a>objects>b", True)
        assert Relation(from_="a", to="b", kind="supports", id="r1").key == "r1"

    def test_unknown_kind(self):
        with pytest.raises(pydantic.ValidationError):
            Relation.model_validate({"from": "a", "to": "b", "kind": "hates"})


class TestSourceAndActor:
    @pytest.mark.parametrize("date", ["2023", "2023-05", "2023-05-03"])
    def test_iso_dates(self, date):
        assert Source(date=date).date == date

    def test_bad_date(self):
        with pytest.raises(pydantic.ValidationError):
            Source(date="May 2023")

    def test_actor_label(self):
        assert Actor(id="gt", name="Global Times").label == "Global Times"


class TestDocument:
    def test_empty_document(self):
        doc = document_adapter.validate_python({"argmap": 1})
        assert doc == MapDocument()

    def test_wrong_version(self):
        with pytest.raises(pydantic.ValidationError):
            document_adapter.validate_python({"argmap": 2})

    def test_schema_has_field_descriptions(self):
        schema = document_adapter.json_schema(by_alias=True)
        claim = schema["$defs"]["Claim"]["properties"]
        assert "verbatim" in claim["quote"]["description"]
