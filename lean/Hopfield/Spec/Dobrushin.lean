module

public import Hopfield.Spec.Boltzmann

/-!
# Dobrushin influence bounds of a Boltzmann machine: definitions (spec B6)

The executable twins of `pyref.dobrushin.influence_bound` and
`pyref.dobrushin.dobrushin_coefficient`: for integer weights `W` and `q = e^{-β}`,

    C_ij = (1 - q^(2|W_ij|)) / (1 + q^(2|W_ij|))    (= tanh(β |W_ij|)),
    α    = max_i ∑_j C_ij                            (0 for n = 0).

The theorems about them (every true influence of the Boltzmann weights is at most `C_ij`,
and the Dobrushin bounds with this `α`) are in `Hopfield.Thm.DobrushinBoltzmann`.

## Main definitions

* `Hopfield.influenceBound`: `C_ij`.
* `Hopfield.lmax`: the maximum of a function over a list, with a default.
* `Hopfield.dobrushinCoefficient`: `α = max_i ∑_j C_ij`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- The Dobrushin influence bound `C_ij = (1 - q^(2|W_ij|)) / (1 + q^(2|W_ij|))` of the
Boltzmann weights `q^(E - E_min)` (spec B6; pyref `dobrushin.influence_bound`). -/
def influenceBound (q : Rat) (W : Fin n → Fin n → Int) (i j : Fin n) : Rat :=
  (1 - q ^ (2 * (W i j).natAbs)) / (1 + q ^ (2 * (W i j).natAbs))

/-- The maximum of `f` over a list, `d` for the empty list (spec B6). -/
def lmax {α : Type} (d : Rat) : List α → (α → Rat) → Rat
  | [], _ => d
  | x :: l, f => if lmax d l f ≤ f x then f x else lmax d l f

/-- Dobrushin's coefficient `α = max_i ∑_j C_ij` (`0` when `n = 0`) (spec B6; pyref
`dobrushin.dobrushin_coefficient`). -/
def dobrushinCoefficient (q : Rat) (W : Fin n → Fin n → Int) : Rat :=
  lmax 0 (List.finRange n) (fun i => lsum (List.finRange n) (fun j => influenceBound q W i j))

end Hopfield

end

end
