"""``python3 -m proofs_ci certify`` (spec T8): input checks, radii, the generated Lean file.

Without Lean: bad input (ragged or non-square weights, non-+-1 patterns, NaN, shape
mismatches) is refused with exit 2 and a message naming the problem; a network whose margins
fail is refused with exit 1 naming the first pattern and row and the shortfall (recomputed
here from the definition); decimals are read exactly; the generated file passes the
library's audit and states T8 for the literal data. With Lean (marked ``proofs``): a
certifiable network is CERTIFIED, and a certificate claiming one more than the tight radius
is rejected by the kernel at its check.
"""

from __future__ import annotations

import re
import shutil
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proofs_ci import audit, certify, toolchain
from pyref.learning import hebbian

REPO = Path(__file__).resolve().parent.parent


def write(path: Path, rows) -> Path:
    path.write_text("\n".join(" ".join(str(v) for v in row) for row in rows) + "\n")
    return path


def run(tmp_path: Path, W, P, theta=None, radius=None, tie="keep"):
    lines: list[str] = []
    w = write(tmp_path / "W.txt", W)
    p = write(tmp_path / "P.txt", P)
    t = write(tmp_path / "t.txt", [theta]) if theta is not None else None
    out = tmp_path / "Cert.lean"
    rc = certify.certify(None, w, p, t, radius, tie, REPO / "lean", tmp_path / "b",
                         out=out, log=lines.append)
    return rc, "\n".join(lines), (out.read_text() if out.exists() else None)


def digits(x: int, base: int, off: int, n: int) -> list[int]:
    """The test's own reading of a numeral, as ``Hopfield.decodeRow base off n x`` defines it:
    entry ``j`` is ``(x div base^j) mod base - off``."""
    return [(x // base ** j) % base - off for j in range(n)]


def numerals(cert: str) -> dict:
    """The certificate's data read by the test from the Lean text: weight rows, thresholds,
    patterns (bit j of the numeral is +1), and per check the radius and the cuts."""
    rows = re.search(r"^def rows : List Nat :=\n  \[([\d, ]*)\]$", cert, re.M).group(1)
    B, off, n = map(int, re.search(r"rows\.map \(Hopfield\.decodeRow (\d+) (\d+) (\d+)\)",
                                   cert).groups())
    Bh, offh, _, H = map(int, re.search(r"^  Hopfield\.decodeRow (\d+) (\d+) (\d+) (\d+)$",
                                        cert, re.M).groups())
    out: dict = {"W": [digits(int(r), B, off, n) for r in rows.split(", ")],
                 "theta": digits(H, Bh, offh, n)}
    for k, x in re.findall(r"def pattern(\d+) : List Int := Hopfield\.decodeSpins \d+ (\d+)$",
                           cert, re.M):
        out[f"pattern{k}"] = [1 if (int(x) >> j) & 1 else -1 for j in range(n)]
    for k, args in re.findall(r"theorem pattern(\d+)_check :\n    Hopfield\.dotCertOk "
                              r"[\d ]+ rows ([\d ]+) = true", cert):
        _, _, _, _, d, Bt, T, *_ = map(int, args.split())
        out[f"cuts{k}"] = (d, digits(T, Bt, 0, n))
    return out


def test_numerals_by_hand() -> None:
    # 111 = 1 + 2*5 + 4*25: digits 1, 2, 4 in base 5, offset 2 -> -1, 0, 2
    assert certify.encode_digits([-1, 0, 2], 5, 2) == 111
    assert certify.decode_digits(111, 5, 2, 3) == [-1, 0, 2]
    assert certify.encode_spins([1, -1, 1, 1]) == 0b1101
    assert certify.decode_spins(0b1101, 4) == [1, -1, 1, 1]
    with pytest.raises(ValueError, match="not a digit"):
        certify.encode_digits([3], 5, 2)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 20).flatmap(lambda off: st.tuples(
    st.just(off), st.lists(st.integers(-off, off), max_size=30))))
def test_numerals_round_trip(case) -> None:
    off, xs = case
    x = certify.encode_digits(xs, 2 * off + 1, off)
    assert digits(x, 2 * off + 1, off, len(xs)) == xs
    assert certify.decode_digits(x, 2 * off + 1, off, len(xs)) == xs


def tight(n: int) -> tuple[np.ndarray, np.ndarray]:
    """One pattern, W = p p^T - I: radius (n - 2) // 2, and one more fails (n even)."""
    p = np.array([1, -1] * (n // 2) + [1] * (n % 2))
    return np.outer(p, p) - np.eye(n, dtype=np.int64), p[None, :]


@pytest.mark.parametrize("W,P,theta,match", [
    ([[1, 2], [3]], [[1, 1]], None, "rectangular"),
    ([[1, 2, 3], [3, 4, 5]], [[1, 1, 1]], None, "square"),
    ([[0, 1], [1, 0]], [[1, 0]], None, r"\+1 or -1"),
    ([[0, 1], [1, 0]], [[1, 1, 1]], None, "expected 2"),
    ([[0, "nan"], [1, 0]], [[1, 1]], None, "cannot read 'nan'"),
    ([[0, 1], [1, 0]], [[1, 1]], [1, 2, 3], "expected 2"),
    ([[0, "x"], [1, 0]], [[1, 1]], None, "cannot read 'x'"),
])
def test_bad_input_is_refused_before_any_lean_work(tmp_path, W, P, theta, match) -> None:
    rc, text, cert = run(tmp_path, W, P, theta)
    assert rc == 2 and cert is None
    assert re.search(match, text), text


def test_npy_with_nan_is_refused(tmp_path) -> None:
    np.save(tmp_path / "W.npy", np.array([[0.0, np.nan], [1.0, 0.0]]))
    p = write(tmp_path / "P.txt", [[1, 1]])
    lines: list[str] = []
    rc = certify.certify(None, tmp_path / "W.npy", p, None, None, "keep", REPO / "lean",
                         tmp_path / "b", log=lines.append)
    assert rc == 2 and "NaN" in lines[0]


def test_failing_margin_names_the_first_pattern_row_and_shortfall(tmp_path) -> None:
    W, P = tight(6)  # radius 2
    P = np.vstack([P, P])
    rc, text, cert = run(tmp_path, W, P, radius=3)
    assert rc == 1 and cert is None
    # recomputed: margins n - 1 = 5, top-3 sum of |W_0.| = 3, so 5 <= 6 fails by 1 at row 0
    assert "pattern 0, row 0" in text and "= 5 " in text and "= 6;" in text
    assert "short by 1" in text
    # a pattern that is not even a fixed point: the flipped pattern of a non-symmetric net
    W2 = np.array([[0, 1], [-1, 0]])
    rc, text, _ = run(tmp_path, W2, [[1, 1]])
    assert rc == 1 and "pattern 0, row 1" in text  # row 1: h = -1 against +1


def test_radii_and_generated_file(tmp_path) -> None:
    rng = np.random.default_rng(3)
    P = rng.choice([-1, 1], size=(3, 24))
    W = hebbian(P)
    rc, text, cert = run(tmp_path, W, P)
    assert rc == 0 and cert is not None
    assert audit.scan_text(cert, Path("Certificate.lean")) == []
    # outside comments, every command is module/import/namespace/def/theorem/end, and the
    # proofs are `decide +kernel` on the checker and `exact` of the soundness theorem
    code = re.sub(r"/-.*?-/", "", cert, flags=re.S)
    heads = {line.split()[0] for line in code.splitlines() if line and not line[0].isspace()}
    assert heads <= {"module", "public", "namespace", "def", "noncomputable", "theorem", "end"}
    proofs = [line.strip() for line in code.splitlines() if line.startswith("  ")
              and not line.startswith(("  [", "  rows.map", "  Hopfield.decodeRow", "   "))]
    # one row-facts check per distinct radius, one check and one recall per pattern
    facts = len(re.findall(r"^theorem facts\d+ :\n    Hopfield\.factsOk ", code, re.M))
    assert 1 <= facts <= 3
    assert proofs.count("decide +kernel") == 3 + facts
    assert sum(p.startswith("exact Hopfield.recallsWithin_of_dotCertOk") for p in proofs) == 3
    assert len(proofs) == 6 + facts, proofs
    assert "set_option" not in code and "instance" not in code
    # the certified radius per pattern: the largest d with mu_i > 2 top_d(row i), by brute force
    n = W.shape[0]
    absW = np.sort(np.abs(W), axis=1)[:, ::-1]
    data = numerals(cert)
    for k in range(3):
        mu = P[k] * (W @ P[k])
        d = max(d for d in range(-1, n + 1)
                if d < 0 or all(mu[i] > 2 * absW[i, :d].sum() for i in range(n)))
        assert f"hamming s p{k} ≤ {d} →" in cert
        assert data[f"pattern{k}"] == P[k].tolist()
        # the cuts: t_i = the d-th largest |W_ij| (the largest for d = 0)
        assert data[f"cuts{k}"] == (d, [int(absW[i, max(d, 1) - 1]) for i in range(n)])
    assert data["W"] == W.tolist()
    assert data["theta"] == [0] * n
    net = certify.load_network(tmp_path / "W.txt", tmp_path / "P.txt", None)
    assert certify.self_check(cert, net, certify.plan(net, None)[0]) is None


def test_self_check_catches_a_numeral_that_does_not_decode_to_the_input(tmp_path) -> None:
    W, P = tight(6)
    net = certify.Network([[int(v) for v in r] for r in W], [0] * 6, P.tolist(), 1)
    text = certify.render(net, [2], "keep")
    assert certify.self_check(text, net, [2]) is None
    row0 = re.search(r"^  \[(\d+),", text, re.M).group(1)
    bad = text.replace(f"[{row0},", f"[{int(row0) + 1},")  # W_00 one larger
    assert "weight" in (certify.self_check(bad, net, [2]) or "")
    assert "radii" in (certify.self_check(text, net, [1]) or "")


def test_large_networks_are_split_into_files_that_together_cover_every_pattern(
        tmp_path) -> None:
    rng = np.random.default_rng(5)
    P = rng.choice([-1, 1], size=(5, 256))
    W = hebbian(P)
    rc, text, _ = run(tmp_path, W, P)
    assert rc == 0, text
    files = sorted(tmp_path.glob("Cert_*.lean"))
    assert len(files) == 3  # 2^17 // 256^2 = 2 patterns per file
    seen: list[int] = []
    for f in files:
        data = numerals(f.read_text())
        assert data["W"] == W.tolist() and data["theta"] == [0] * 256
        ks = sorted(int(k[len("pattern"):]) for k in data if k.startswith("pattern"))
        for k in ks:
            assert data[f"pattern{k}"] == P[k].tolist()
        seen += ks
    assert sorted(seen) == list(range(5))


def test_decimals_are_read_exactly_and_scaled(tmp_path) -> None:
    W, P = tight(5)
    Wd = [[str(Fraction(int(v), 10)) if v else "0" for v in row] for row in W]
    Wd = [[("%.1f" % float(Fraction(x))) for x in row] for row in Wd]  # 0.1, -0.1, ...
    rc, text, cert = run(tmp_path, Wd, P, theta=["0.05"] * 5)
    assert rc == 0
    assert "scaled by 20" in cert  # lcm of the denominators 10 and 20
    # thresholds 0.05 scale to 1; weights +-0.1 to +-2
    data = numerals(cert)
    assert data["theta"] == [1] * 5
    assert data["W"] == (2 * W).tolist()


@pytest.mark.proofs
def test_lean_certifies_and_rejects_an_overclaimed_radius(tmp_path, built_lean) -> None:
    tc = toolchain.resolve("wasm")
    lib = tmp_path / "lib"
    shutil.copytree(built_lean, lib)  # the certificate's imports are cached
    W, P = tight(8)  # radius 3, tight
    net = certify.Network([[int(v) for v in r] for r in W], [0] * 8, P.tolist(), 1)
    good = certify.check_lean(tc, certify.render(net, [3], "keep"), REPO / "lean", lib, 1,
                              log=lambda _: None)
    assert good.status == "built", good.output
    bad_text = certify.render(net, [4], "plus")  # claims radius 4: false
    bad = certify.check_lean(tc, bad_text, REPO / "lean", lib, 1, log=lambda _: None)
    assert bad.status == "failed"
    errors = re.findall(r"Certificate\.lean:(\d+):\d+: error", bad.output)
    assert errors, bad.output
    assert "pattern0_check" in "\n".join(bad_text.splitlines()[int(errors[0]) - 3:
                                                               int(errors[0])])
