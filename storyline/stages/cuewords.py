"""Cue words: the verbs, nouns and adjectives by which English news attributes content to a source.

After the PolNeAR guidelines, attribution covers statements, but also
beliefs, intentions, desires, decrees and perceptions. Each lexicon says
which grammatical role its words give the content (a clause, an
infinitive, an object, a preposition); :mod:`storyline.stages.speech`
reads those roles off a parse.
"""

from __future__ import annotations

# Verbs that report speech: they take a quote, a clause ("said that ..."),
# or stand after the content ('"...," he said').
SPEECH = frozenset({
    "say", "tell", "add", "state", "argue", "claim", "warn", "explain", "note", "insist",
    "announce", "report", "write", "deny", "acknowledge", "admit", "suggest", "predict",
    "reply", "respond", "declare", "assert", "contend", "stress", "emphasize", "vow",
    "promise", "concede", "complain", "allege", "maintain", "confirm", "recall", "ask",
    "urge", "testify", "tweet", "post", "reiterate", "repeat", "mention", "disclose",
    "reveal", "indicate", "observe", "remark", "answer", "counter", "retort", "quip",
    "joke", "boast", "brag", "lament", "assure", "inform", "estimate", "conclude", "caution",
    "recommend", "advise", "propose", "demand", "wonder", "speculate", "hint", "imply",
    "charge", "continue", "yell", "shout", "scream", "whisper", "muse", "protest",
    "proclaim", "swear", "pledge", "threaten", "show", "find", "read", "clarify",
    "describe", "call", "agree", "point", "accuse", "blame", "sign", "rule", "order",
    "decide", "signal", "email", "text", "interject", "exclaim", "instruct", "rail", "echo",
})  # fmt: skip
# The reporting verbs proper, which may stand after what they report with
# no grammatical tie to it ('..., said Link.'; 'As the Post reported, ...').
REPORTING = frozenset({
    "say", "tell", "add", "write", "note", "explain", "argue", "insist", "warn", "claim",
    "report", "recall", "acknowledge", "contend", "predict", "estimate", "conclude", "reply",
    "respond", "state", "confirm", "allege", "assert", "announce", "declare", "observe",
    "remark", "tweet", "testify", "concede", "admit", "suggest", "stress", "emphasize",
})  # fmt: skip
# Verbs of belief, knowledge, feeling and perception, which PolNeAR counts as
# attribution ("thinks that ...", "knows that ..."): they take a clause.
COGNITION = frozenset({
    "think", "believe", "feel", "know", "expect", "hope", "fear", "worry", "doubt",
    "suspect", "assume", "guess", "imagine", "consider", "see", "understand", "realize",
    "recognize", "learn", "remember", "forget", "notice", "reckon", "suppose", "bet",
    "wish", "trust", "figure", "question", "dispute", "remind", "seem", "appear",
})  # fmt: skip
# Verbs of intention and desire: their content is an infinitive ("wants to ...").
INTENTION = frozenset({
    "want", "plan", "hope", "intend", "aim", "seek", "wish", "expect", "promise", "vow",
    "pledge", "threaten", "refuse", "decline", "agree", "offer", "propose", "urge", "ask",
    "call", "tell", "order", "decide", "prefer", "claim", "vote", "push", "press",
})  # fmt: skip
# Verbs whose direct object is the attributed content ("denied the report").
OBJECT_CUES = frozenset({
    "deny", "announce", "support", "oppose", "criticize", "praise", "reject", "propose",
    "endorse", "defend", "question", "dispute", "acknowledge", "admit", "confirm",
    "reveal", "disclose", "predict", "recommend", "demand", "describe", "mention", "want",
    "fear", "back", "condemn", "denounce", "applaud", "welcome", "dismiss", "slam", "blast",
    "attack", "cite", "explain", "call", "promise", "blame", "accuse", "suggest", "tweet",
    "see", "show", "know", "offer", "view", "express", "discuss", "tout", "embrace",
    "highlight", "mock", "decry", "deride", "portray", "voice", "label", "favor", "challenge",
    "regard", "request", "outline", "reiterate", "repeat", "echo", "stress", "emphasize",
    "congratulate", "assail", "rebuff", "reference", "hail", "detail", "underscore",
    "disavow", "thank", "recite", "deem", "list", "interpret", "recall", "claim", "understand",
    "recognize", "remember", "note", "prefer", "declare", "report", "rebut", "recount",
    "repudiate", "rebuke", "envision", "articulate", "encourage", "promote", "name",
    "nominate", "appoint",
})  # fmt: skip
# Verbs whose content follows a preposition ("warned of ...", "called for ...").
PREPOSITION_CUES: dict[str, frozenset[str]] = {
    verb: frozenset(preps.split())
    for verb, preps in {
        "talk": "about of", "speak": "about of against", "write": "about", "complain": "about of",
        "warn": "about of against", "worry": "about", "joke": "about", "tweet": "about",
        "ask": "about for", "call": "for", "argue": "for against", "advocate": "for",
        "push": "for", "press": "for", "accuse": "of", "blame": "for", "criticize": "for",
        "praise": "for", "rail": "against", "focus": "on", "apologize": "for",
        "vote": "for against", "campaign": "for against", "hope": "for", "lash": "out",
        "comment": "on", "refer": "to", "point": "to", "allude": "to", "plead": "for",
        "agree": "with on", "hint": "at", "brag": "about", "boast": "about of", "say": "about",
        "charge": "with", "vouch": "for", "liken": "to", "dwell": "on", "balk": "at",
        "distance": "from",
    }.items()
}  # fmt: skip
# Verbs of regarding: what they judge and the "as" phrase that judges it are
# the content ("sees him as a uniter", "is known as the Honda Classic").
REGARD = frozenset({
    "see", "view", "regard", "know", "describe", "remember", "interpret", "portray", "cast",
    "label", "brand", "characterize", "depict", "paint", "perceive", "present", "tout",
    "hail", "dub", "bill", "identify", "list", "refer", "consider", "treat", "frame",
})  # fmt: skip
CUE_LEMMAS = SPEECH | COGNITION | INTENTION | OBJECT_CUES | frozenset(PREPOSITION_CUES) | REGARD
# Things that carry words for their author ("a statement calling ...").
ARTIFACTS = frozenset({
    "statement", "video", "ad", "advertisement", "tweet", "report", "letter", "email",
    "post", "message", "release", "article", "book", "memo", "op-ed", "column", "editorial",
    "speech", "note", "filing", "brief", "lawsuit", "suit", "complaint", "petition", "bill",
    "resolution", "order", "ruling", "document", "survey", "study", "interview", "blog",
})  # fmt: skip

# Nouns of saying, thinking and wanting, with the prepositions that
# introduce their content ("support for Trump", "his call to unite"); the
# ones with none take only a that-clause ("the claim that ...").
NOUN_CUES: dict[str, frozenset[str]] = {
    noun: frozenset(preps.split())
    for noun, preps in {
        "support": "for", "call": "for to", "criticism": "of", "opposition": "to",
        "endorsement": "of", "praise": "for", "attack": "on", "demand": "for to",
        "plea": "for to", "proposal": "to for", "plan": "to for", "pledge": "to",
        "promise": "to of", "vow": "to", "threat": "to", "decision": "to", "question": "about",
        "concern": "about over", "complaint": "about", "comment": "about on",
        "remark": "about on", "view": "on of", "position": "on", "claim": "", "statement": "",
        "assertion": "", "belief": "", "hope": "", "fear": "", "allegation": "", "report": "",
        "suggestion": "", "argument": "", "warning": "", "insistence": "", "assurance": "",
        "admission": "", "announcement": "", "accusation": "", "charge": "", "speculation": "",
        "prediction": "", "conclusion": "", "finding": "", "message": "",
        "doubt": "about over", "disclosure": "of",
        "reference": "to", "swipe": "at", "advice": "to", "opinion": "of on",
    }.items()
}  # fmt: skip


# Adjectives of attitude, with the prepositions that introduce what the
# attitude is about ("critical of", "worried about"); all also take a
# that-clause or an infinitive ("confident that ...", "eager to ...").
# Only predicative ones are cues: "X is skeptical of Y" attributes a stance
# to X, where "a skeptical voter" attributes nothing.
ADJECTIVE_CUES: dict[str, frozenset[str]] = {
    adjective: frozenset(preps.split())
    for adjective, preps in {
        "critical": "of", "skeptical": "of about", "supportive": "of", "dismissive": "of",
        "concerned": "about", "worried": "about", "confident": "about in", "sure": "about of",
        "aware": "of", "proud": "of", "happy": "with about", "unhappy": "with about",
        "angry": "about at with", "upset": "about with", "furious": "about at with",
        "optimistic": "about", "pessimistic": "about", "hopeful": "about", "certain": "about of",
        "convinced": "of", "afraid": "of", "fearful": "of", "wary": "of", "fond": "of",
        "eager": "", "willing": "", "unwilling": "", "reluctant": "", "determined": "",
        "adamant": "about", "interested": "in", "frustrated": "with by", "pleased": "with by",
        "disappointed": "with in by", "doubtful": "about of", "unsure": "about of",
        "uncertain": "about of", "grateful": "for to", "keen": "on", "enthusiastic": "about",
        "cautious": "about", "vocal": "about in", "outspoken": "about in", "hostile": "to",
        "sympathetic": "to", "opposed": "to", "resistant": "to", "open": "to",
    }.items()
}  # fmt: skip


# Verbs whose subject is not a source but part of the content ("X seems to").
RAISING = frozenset({"seem", "appear"})

# Verbs whose object does what their infinitive says ("urged Congress to
# act"); with other verbs the infinitive is the subject's ("used an
# expletive to describe ...").
OBJECT_CONTROL = frozenset({
    "ask", "tell", "urge", "lead", "force", "persuade", "encourage", "allow", "invite",
    "push", "press", "prompt", "convince", "order", "remind", "warn", "pressure", "inspire",
    "beg", "implore", "instruct", "advise", "compel", "drive", "motivate", "permit",
    "forbid", "challenge", "dare", "call", "get", "cause", "enable", "help", "require",
})  # fmt: skip
