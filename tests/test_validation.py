"""Input validation at the public entry points: ValueError saying what was wrong and what
is expected; never a silent wrong answer."""

from fractions import Fraction

import numpy as np
import pytest

from pyref import _validate as v
from pyref.classical import (
    async_step,
    energy,
    field,
    hamming,
    recall_batch,
    run,
    sync_step,
    update_value,
)


def test_check_state():
    assert v.check_state([1, -1, 1]).tolist() == [1, -1, 1]
    assert v.check_state(np.array([1.0, -1.0])).dtype == np.int64
    with pytest.raises(ValueError, match=r"index \(1,\) is 0; expected every entry"):
        v.check_state([1, 0, 1])
    with pytest.raises(ValueError, match="1-D"):
        v.check_state([[1, -1]])
    with pytest.raises(ValueError, match="length 3"):
        v.check_state([1, -1], 3)
    with pytest.raises(ValueError, match="boolean"):
        v.check_state(np.array([True, False]))
    with pytest.raises(ValueError, match="NaN"):
        v.check_state([1.0, float("nan")])
    with pytest.raises(ValueError, match="empty"):
        v.check_state([])
    with pytest.raises(ValueError, match="rectangular|not numeric|numbers"):
        v.check_state(["a", "b"])


def test_check_weights():
    W = v.check_weights([[0, 1], [1, 0]], symmetric=True, zero_diag=True)
    assert W.dtype == np.int64
    with pytest.raises(ValueError, match=r"not symmetric \(W\[0,1\] = 1 but W\[1,0\] = 2\)"):
        v.check_weights([[0, 1], [2, 0]], symmetric=True)
    with pytest.raises(ValueError, match=r"diagonal entry W\[1,1\] = 3"):
        v.check_weights([[0, 1], [1, 3]], zero_diag=True)
    with pytest.raises(ValueError, match="square"):
        v.check_weights([[0, 1, 2], [1, 0, 2]])
    with pytest.raises(ValueError, match="NaN or infinite"):
        v.check_weights([[0, np.inf], [np.inf, 0]])
    with pytest.raises(ValueError, match=r"expected \(3, 3\)"):
        v.check_weights([[0, 1], [1, 0]], 3)
    with pytest.raises(ValueError, match="rectangular"):
        v.check_weights([[0, 1], [1]])
    # big ints and Fractions stay exact
    assert v.check_weights([[0, 2**70], [2**70, 0]]).dtype == object
    assert v.check_weights(np.array([[0, Fraction(1, 2)], [Fraction(1, 2), 0]],
                                    dtype=object))[0, 1] == Fraction(1, 2)
    # non-symmetric allowed when not asked for
    assert v.check_weights([[0, 1], [2, 0]]).shape == (2, 2)


def test_check_patterns_thresholds_scalars():
    with pytest.raises(ValueError, match="empty"):
        v.check_patterns(np.zeros((0, 3)))
    with pytest.raises(ValueError, match="2-D"):
        v.check_patterns([1, -1])
    assert v.check_thresholds(None, 3).tolist() == [0, 0, 0]
    with pytest.raises(ValueError, match="length 3"):
        v.check_thresholds([0, 0], 3)
    with pytest.raises(ValueError, match="NaN"):
        v.check_thresholds([0, float("nan")], 2)
    for bad in (0, -1.0, float("inf"), float("nan"), "1", True):
        with pytest.raises(ValueError, match="beta"):
            v.check_beta(bad)
    assert v.check_beta(2) == 2.0
    assert v.check_q("1/3") == Fraction(1, 3) and v.check_q(1) == 1
    assert v.check_q(0.5) == Fraction(1, 2)
    for bad in (0, -0.5, 1.5, "2", float("nan"), None, True):
        with pytest.raises(ValueError, match="q"):
            v.check_q(bad)
    with pytest.raises(ValueError, match="tie"):
        v.check_tie("minus")
    with pytest.raises(ValueError, match=r"\[0, 3\)"):
        v.check_index(-1, 3)
    with pytest.raises(ValueError, match="Generator"):
        v.as_generator("seed")


def test_public_entry_points_validate():
    W = [[0, 1], [1, 0]]
    with pytest.raises(ValueError, match="length 2"):
        field(W, [1, 1, 1])
    with pytest.raises(ValueError, match=r"\+1 or -1"):
        energy(W, None, [1, 2])
    with pytest.raises(ValueError, match="theta"):
        energy(W, [0, 0, 0], [1, 1])
    with pytest.raises(ValueError, match="neuron index"):
        async_step(W, None, [1, 1], 2)
    with pytest.raises(ValueError, match="tie"):
        sync_step(W, None, [1, 1], tie="zero")
    with pytest.raises(ValueError, match="mode"):
        run(W, None, [1, 1], mode="parallel")
    with pytest.raises(ValueError, match="max_sweeps"):
        run(W, None, [1, 1], max_sweeps=0)
    with pytest.raises(ValueError, match="schedule"):
        run(W, None, [1, 1], schedule="zigzag")
    with pytest.raises(ValueError, match="probes"):
        recall_batch(W, None, [[1, 1, 1]])
    with pytest.raises(ValueError, match="random"):
        recall_batch(W, None, [[1, 1]], schedule="random")
    with pytest.raises(ValueError, match="length 2"):
        hamming([1, 1], [1, 1, 1])
    with pytest.raises(ValueError, match="finite"):
        update_value(float("nan"), 0, 1)


def test_check_choice_takes_scalars_only():
    assert v.check_choice("random", ("random", "systematic"), "scan") == "random"
    for bad in (np.array(["random"]), np.array([1 + 0j]), ["random"], 1.0):
        with pytest.raises(ValueError, match="scan"):
            v.check_choice(bad, ("random", 1), "scan")
