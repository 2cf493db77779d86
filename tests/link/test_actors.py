from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from storyline.link.actors import ActorRole, fold
from storyline.model import Article, Doc, Entity, Mention, Role
from storyline.stages.names import normalize


def ent(name: str, type_: str = "PER", *aliases: str, **place: object) -> Entity:
    return Entity(Entity.make_id(normalize(name)), name, type_, tuple(sorted({name, *aliases})),
                  **place)  # type: ignore[arg-type]  # fmt: skip


def doc(
    day: date | None, *entities: Entity, roles: tuple[tuple[Entity, str, str | None], ...] = ()
) -> Doc:
    """Build a doc naming ``entities`` once each, with (holder, title, of) roles."""
    text = " ".join(e.name for e in entities)
    mentions, position = [], 0
    for e in entities:
        mentions.append(Mention(position, position + len(e.name), e.id, e.type))
        position += len(e.name) + 1
    article = Article(Article.make_id(text + str(day)), text, published=day)
    made = tuple(Role(h.id, title, of, 0, 1, day) for h, title, of in roles)
    return Doc(article, entities=entities, mentions=tuple(mentions), roles=made)


ERDOGAN = ent("Recep Tayyip Erdoğan", "PER", "Erdogan")
PUTIN = ent("Vladimir Putin", "PER", "Putin")
TURKEY = ent("Turkey", "GPE", "Turkish", country="TUR")
JULY, DECEMBER = date(2012, 7, 18), date(2012, 12, 3)


def test_a_surname_alone_folds_into_the_one_full_name_of_the_corpus():
    surname = ent("Erdogan")
    index = fold([doc(JULY, ERDOGAN, PUTIN), doc(DECEMBER, surname, PUTIN)])
    assert index.actor_of(surname.id) == ERDOGAN.id
    assert index.actor_of(ERDOGAN.id) == ERDOGAN.id
    actor = next(a for a in index.actors() if a.id == ERDOGAN.id)
    assert actor.members == tuple(sorted((ERDOGAN.id, surname.id)))
    assert actor.aliases == ("Erdogan", "Recep Tayyip Erdoğan")
    assert actor.name == "Recep Tayyip Erdoğan"


def test_ids_are_stable_whatever_the_order_of_the_articles():
    surname = ent("Erdogan")
    docs = [doc(JULY, ERDOGAN, PUTIN), doc(DECEMBER, surname, PUTIN)]
    forward, backward = fold(docs), fold(reversed(docs))
    assert [a.id for a in forward.actors()] == [a.id for a in backward.actors()]
    assert backward.actor_of(surname.id) == ERDOGAN.id


def test_two_people_sharing_a_surname_stay_apart():
    hillary, bill, clinton = ent("Hillary Clinton"), ent("Bill Clinton"), ent("Clinton")
    index = fold([doc(JULY, hillary), doc(JULY, bill), doc(DECEMBER, clinton)])
    assert {index.actor_of(e.id) for e in (hillary, bill, clinton)} == {
        hillary.id, bill.id, clinton.id,
    }  # fmt: skip


def test_a_namesake_is_chosen_by_the_company_it_keeps_by_a_clear_margin():
    hillary, bill, clinton = ent("Hillary Clinton"), ent("Bill Clinton"), ent("Clinton")
    kerry, lavrov, gore = ent("John Kerry"), ent("Sergei Lavrov"), ent("Al Gore")
    docs = [
        doc(JULY, hillary, kerry, lavrov),
        doc(JULY, bill, gore),
        doc(DECEMBER, clinton, kerry, lavrov),
    ]
    assert fold(docs).actor_of(clinton.id) == hillary.id


def test_conflicting_roles_keep_a_surname_apart():
    full, surname = ent("Anders Klemet"), ent("Klemet")
    docs = [
        doc(JULY, full, roles=((full, "Chief Executive", "Nordvale Hydro"),)),
        doc(DECEMBER, surname, roles=((surname, "Goalkeeper", "Vale FC"),)),
    ]
    assert fold(docs).actor_of(surname.id) == surname.id


def test_a_shorter_form_of_a_name_folds_into_the_longer_one():
    short = ent("Tayyip Erdogan")
    assert fold([doc(JULY, ERDOGAN), doc(DECEMBER, short)]).actor_of(short.id) == ERDOGAN.id


def test_an_alias_given_in_one_article_folds_the_name_in_another():
    eads = ent("European Aeronautic Defence and Space", "ORG", "EADS")
    short = ent("EADS", "ORG")
    assert fold([doc(JULY, eads), doc(DECEMBER, short)]).actor_of(short.id) == eads.id


def test_a_company_name_with_a_generic_tail_folds_into_the_bare_name():
    ford, long = ent("Ford", "ORG"), ent("Ford Motor Company", "ORG")
    assert fold([doc(JULY, ford), doc(DECEMBER, long)]).actor_of(long.id) == ford.id


def test_places_and_governments_never_fold():
    georgia = ent("Georgia", "GPE", country="GEO")
    government = ent("Government of Russia", "ORG", "Moscow", government_of="Russia")
    moscow = ent("Moscow", "GPE", country="RUS")
    index = fold([doc(JULY, georgia, government), doc(DECEMBER, moscow, ent("Kate Georgia"))])
    assert index.actor_of(georgia.id) == georgia.id
    assert index.actor_of(moscow.id) == moscow.id
    actor = next(a for a in index.actors() if a.id == government.id)
    assert (actor.government_of, actor.type) == ("Russia", "ORG")


def test_an_actor_keeps_its_roles_over_time():
    surname = ent("Erdogan")
    docs = [
        doc(date(2003, 3, 14), ERDOGAN, roles=((ERDOGAN, "Prime Minister", "Turkey"),)),
        doc(JULY, ERDOGAN, roles=((ERDOGAN, "Prime Minister", "Turkey"),)),
        doc(date(2014, 8, 28), surname, roles=((surname, "President", "Turkey"),)),
        doc(date(2014, 9, 1), surname, TURKEY),  # no role: the surname still folds
    ]
    index = fold(docs)
    actor = next(a for a in index.actors() if a.id == ERDOGAN.id)
    assert actor.roles == (
        ActorRole("Prime Minister", "Turkey", date(2003, 3, 14), JULY, 2),
        ActorRole("President", "Turkey", date(2014, 8, 28), date(2014, 8, 28), 1),
    )


def test_fold_streams_docs_once():
    seen = []

    def stream() -> Iterator[Doc]:
        for d in (doc(JULY, ERDOGAN), doc(DECEMBER, ent("Erdogan"))):
            seen.append(d.article.id)
            yield d

    index = fold(stream())
    assert len(seen) == 2
    assert index.actor_of(ent("Erdogan").id) == ERDOGAN.id
    assert index.actor_of("e-unknown") == "e-unknown"


def test_a_company_goes_by_the_name_most_articles_give_it_not_its_bare_name():
    group, bare = ent("Kestrel Freight Group", "ORG"), ent("Kestrel Freight", "ORG")
    index = fold([doc(JULY, group), doc(JULY, group, PUTIN), doc(DECEMBER, bare)])
    assert index.actor_of(group.id) == bare.id  # the bare name keeps the id
    actor = next(a for a in index.actors() if a.id == bare.id)
    assert actor.name == "Kestrel Freight Group"


def test_a_person_never_goes_by_a_surname_however_often_it_is_used():
    surname = ent("Erdogan")
    index = fold([doc(JULY, ERDOGAN, PUTIN), doc(DECEMBER, surname), doc(DECEMBER, surname, PUTIN)])
    actor = next(a for a in index.actors() if a.id == ERDOGAN.id)
    assert actor.name == "Recep Tayyip Erdoğan"
