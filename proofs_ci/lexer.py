"""A lexer for Lean 4 source text, as the audit needs it.

It splits a file into the tokens Lean's own tokenizer would see, following the rules of
Lean's parser (``Lean.Parser.Basic``): nested ``/- -/`` block comments (``/--`` doc comments
and ``/-!`` module docs nest the same way), ``--`` line comments, string literals with
escapes, raw strings ``r#"..."#``, char literals, ``«»``-escaped identifiers (dotted names
such as ``«debug».skipKernelTC`` are one identifier, normalised to ``debug.skipKernelTC``),
identifier characters as Lean defines them (ASCII letters, ``_``, Greek and letter-like
blocks, subscripts, and ``'``, ``!``, ``?`` after the first character), and numbers.

Where Lean's reading depends on its token table (``<--`` is the token ``<-`` followed by
``-``, not a comment; ``\\/-`` is ``\\/`` followed by a line comment), the lexer does not
guess: a comment opener glued to a preceding symbol is reported as an ``ambiguous`` token,
which the audit rejects. So the audit never reads as comment what Lean reads as code.
"""

from __future__ import annotations

import dataclasses
import functools

# single-character tokens that never combine with a following `-` or `/` into a Lean token
SEPARATORS = set("()[]{},⟨⟩")


@dataclasses.dataclass(frozen=True)
class Token:
    """One token: ``kind`` is one of ``ident``, ``num``, ``sym``, ``string``, ``char``,
    ``comment``, ``doc`` (``/-- -/``), ``moddoc`` (``/-! -/``), ``ambiguous``, ``bad``
    (an unterminated literal or comment, or a character Lean does not accept)."""

    kind: str
    text: str
    line: int
    col: int

    @property
    def name(self) -> str:
        """An identifier's name with the ``«»`` escapes removed (``«debug».x`` -> ``debug.x``)."""
        return self.text.replace("«", "").replace("»", "")


def is_letter_like(c: str) -> bool:
    """Lean's ``isLetterLike``: Greek (not λ Π Σ), Coptic, letter-like symbols, math letters."""
    v = ord(c)
    return ((0x3B1 <= v <= 0x3C9 and v != 0x3BB) or (0x391 <= v <= 0x3A9 and v not in (0x3A0, 0x3A3))
            or 0x3CA <= v <= 0x3FB or 0x1F00 <= v <= 0x1FFE or 0x2100 <= v <= 0x214F
            or 0x1D49C <= v <= 0x1D59F)


def is_subscript_alnum(c: str) -> bool:
    """Lean's ``isSubScriptAlnum``: subscript digits and letters."""
    v = ord(c)
    return 0x2080 <= v <= 0x2089 or 0x2090 <= v <= 0x209C or 0x1D62 <= v <= 0x1D6A


def is_id_first(c: str) -> bool:
    """Lean's ``isIdFirst`` (``Char.isAlpha`` is ASCII only)."""
    return (c.isascii() and c.isalpha()) or c == "_" or is_letter_like(c)


def is_id_rest(c: str) -> bool:
    """Lean's ``isIdRest``."""
    return ((c.isascii() and c.isalnum()) or c in "_'!?" or is_letter_like(c)
            or is_subscript_alnum(c))


def _block_end(text: str, i: int) -> int:
    """Index just past the ``-/`` closing a block comment whose body starts at ``i``
    (nesting counted as ``finishCommentBlock`` does), or -1 if it is never closed."""
    depth, n = 1, len(text)
    while i < n:
        if text.startswith("-/", i):
            depth -= 1
            i += 2
            if depth == 0:
                return i
        elif text.startswith("/-", i):
            depth += 1
            i += 2
        else:
            i += 1
    return -1


def _string_end(text: str, i: int) -> int:
    """Index just past the closing quote of a string whose body starts at ``i``, or -1."""
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            i += 2
        elif c == '"':
            return i + 1
        else:
            i += 1
    return -1


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` (comments included, whitespace dropped).

    Memoized on the text (``verify`` reads each file several times: audit, declarations,
    the theorem table, the mirror check); tokens are immutable and each call returns a new
    list."""
    return list(_tokenize_cached(text))


@functools.lru_cache(maxsize=256)
def _tokenize_cached(text: str) -> tuple[Token, ...]:
    return tuple(_tokenize(text))


def _tokenize(text: str) -> list[Token]:
    toks: list[Token] = []
    i, n = 0, len(text)
    line, line_start = 1, 0

    def emit(kind: str, start: int, end: int) -> None:
        toks.append(Token(kind, text[start:end], line, start - line_start))

    def advance_lines(start: int, end: int) -> None:
        nonlocal line, line_start
        k = text.find("\n", start, end)
        while k != -1:
            line += 1
            line_start = k + 1
            k = text.find("\n", k + 1, end)

    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            line_start = i + 1
            i += 1
            continue
        if c in " \r\t":
            i += 1
            continue
        glued = i > line_start and text[i - 1] not in " \t\r\n" and text[i - 1] not in SEPARATORS
        if text.startswith("--", i) or text.startswith("/-", i):
            if glued and toks and toks[-1].kind == "sym":
                # Lean's reading depends on its token table (e.g. `<-` then `-`)
                emit("ambiguous", i, i + 2)
                i += 2
                continue
            if text.startswith("--", i):
                j = text.find("\n", i)
                j = n if j < 0 else j
                emit("comment", i, j)
                i = j
                continue
            kind = ("doc" if text.startswith("/--", i) and not text.startswith("/--/", i)
                    else "moddoc" if text.startswith("/-!", i) else "comment")
            j = _block_end(text, i + 2)
            if j < 0:
                emit("bad", i, n)
                advance_lines(i, n)
                break
            emit(kind, i, j)
            advance_lines(i, j)
            i = j
            continue
        if c == '"':
            j = _string_end(text, i + 1)
            j = n if j < 0 else j
            emit("string", i, j)
            advance_lines(i, j)
            i = j
            continue
        if c == "r" and i + 1 < n and text[i + 1] in '#"':
            k = i + 1
            while k < n and text[k] == "#":
                k += 1
            if k < n and text[k] == '"':
                hashes = k - i - 1
                close = text.find('"' + "#" * hashes, k + 1)
                j = n if close < 0 else close + 1 + hashes
                emit("string", i, j)
                advance_lines(i, j)
                i = j
                continue
        if c == "'" and i > line_start and text[i - 1] == "]":
            emit("sym", i, i + 1)  # the token `]'` of `xs[i]'h`
            i += 1
            continue
        if c == "'" and not (i + 1 < n and text[i + 1] == "'"):
            # a char literal: `'a'`, `'\n'`, `'\''` (an identifier swallows its own primes)
            j = i + 1
            if j < n and text[j] == "\\":
                j += 2
                while j < n and text[j] != "'" and text[j] != "\n":
                    j += 1
            else:
                j += 1
            j = min(j + 1, n)
            emit("char", i, j)
            advance_lines(i, j)
            i = j
            continue
        if is_id_first(c) or c == "«":
            start = i
            while True:
                if text[i] == "«":
                    close = text.find("»", i + 1)
                    if close < 0:
                        i = -1
                        break
                    i = close + 1
                else:
                    i += 1
                    while i < n and is_id_rest(text[i]):
                        i += 1
                if i + 1 < n and text[i] == "." and (is_id_first(text[i + 1]) or text[i + 1] == "«"):
                    i += 1
                    continue
                break
            if i < 0:
                emit("bad", start, n)
                break
            emit("ident", start, i)
            advance_lines(start, i)
            continue
        if c.isdigit():
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            if j + 1 < n and text[j] == "." and text[j + 1].isdigit():
                j += 1
                while j < n and (text[j].isalnum() or text[j] == "_"):
                    j += 1
            emit("num", i, j)
            i = j
            continue
        if c in SEPARATORS:
            emit("sym", i, i + 1)
            i += 1
            continue
        # any other character: one symbol token (multi-character symbols are runs of them)
        j = i + 1
        if c.isascii():
            while (j < n and text[j].isascii() and not text[j].isalnum() and text[j] not in
                   " \t\r\n\"'_" and text[j] not in SEPARATORS
                   and not text.startswith("--", j) and not text.startswith("/-", j)):
                j += 1
        emit("sym", i, j)
        i = j
    return toks

