"""The mapping from our event types onto KAIROS type.subtype and roles."""

from __future__ import annotations

from storyline.eval import kairos


def test_assault_splits_by_what_the_trigger_says_happened() -> None:
    assert kairos.rule("ASSAULT", None, "kill") == kairos.DIE
    assert kairos.rule("ASSAULT", None, "wound") == kairos.INJURE
    assert kairos.rule("ASSAULT", "explosives", "bombing") == kairos.ATTACK
    # Armed forces killing is FIGHT for PLOVER; the death is still Life.Die.
    assert kairos.rule("FIGHT", "heavy-weapons", "kill") == kairos.DIE
    assert kairos.rule("FIGHT", None, "clash") == kairos.ATTACK


def test_modes_settle_or_rule_out_a_type() -> None:
    arrest = kairos.rule("COERCE", "detain", "arrest")
    assert arrest is not None
    assert (arrest.type, arrest.source, arrest.target) == (
        "Justice.ArrestJailDetain",
        "Jailer",
        "Detainee",
    )
    assert kairos.rule("COERCE", None, "raid") is None  # a raid is not settled
    assert kairos.rule("PROTEST", "boycott", "boycott") is None
    protest = kairos.rule("PROTEST", None, "rally")
    assert protest is not None and protest.type == "Conflict.Demonstrate"


def test_types_without_a_counterpart_map_to_nothing() -> None:
    for type_, lemma in (("AGREE", "agree"), ("STATEMENT", "say"), ("OTHER", "go")):
        assert kairos.rule(type_, None, lemma) is None
    # The lemma refines only the type it is listed under.
    assert kairos.rule("DISAPPROVE", None, "charge") is not None
    assert kairos.rule("DISAPPROVE", None, "condemn") is None


def test_level_and_range_stop_at_type_subtype() -> None:
    assert kairos.level("Conflict.Attack.DetonateExplode") == "Conflict.Attack"
    assert kairos.level("Life.Die") == "Life.Die"
    assert {"Life.Die", "Conflict.Attack", "Justice.ArrestJailDetain"} <= kairos.RANGE
    assert "GenericCrime.GenericCrime" not in kairos.RANGE
    assert all(t.count(".") == 1 for t in kairos.RANGE)
