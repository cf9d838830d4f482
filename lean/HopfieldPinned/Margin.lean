module

public import Hopfield.Thm.Margin
public import Hopfield.Thm.MarginCert
public import Hopfield.Thm.MarginHebbian

/-!
# Pinned statements: margins and basins of any network (T8)

Each theorem here restates, in plain Lean, one headline theorem of the README's theorem
table, and is proved by nothing but the library theorem it names, applied to its arguments
(an `exact`). The file holds only theorem statements and these one-line proofs, so what is
printed here is what is proved. If a library theorem is weakened, renamed, re-ordered or removed, this file
stops building and `python3 -m proofs_ci verify` fails; the README table and verify's table
are generated from these statements and `proofs_ci/mirror.toml`.

Hand-maintained: change a statement here only together with the theorem it pins, and say so
in the change.

## Main definitions

None: the definitions are those of `Hopfield` (see `Hopfield.Basic`).

## Main results

* `HopfieldPinned.T8.margin_sub_le_spin_mul` pins `Hopfield.margin_sub_le_spin_mul`
* `HopfieldPinned.T8.syncStep_eq_of_marginHolds` pins `Hopfield.syncStep_eq_of_marginHolds`
* `HopfieldPinned.T8.asyncStep_eq_of_marginHolds` pins `Hopfield.asyncStep_eq_of_marginHolds`
* `HopfieldPinned.T8.disagree_asyncStep_of_marginHolds` pins `Hopfield.disagree_asyncStep_of_marginHolds`
* `HopfieldPinned.T8.runSchedule_of_marginHolds` pins `Hopfield.runSchedule_of_marginHolds`
* `HopfieldPinned.T8.runSchedule_eq_of_marginHolds` pins `Hopfield.runSchedule_eq_of_marginHolds`
* `HopfieldPinned.T8.isFixedPoint_of_margin_pos` pins `Hopfield.isFixedPoint_of_margin_pos`
* `HopfieldPinned.T8.flipCost_le_topSum` pins `Hopfield.flipCost_le_topSum`
* `HopfieldPinned.T8.recall_of_topSum` pins `Hopfield.recall_of_topSum`
* `HopfieldPinned.T8.flipCost_le_cut` pins `Hopfield.flipCost_le_cut`
* `HopfieldPinned.T8.recall_of_cut` pins `Hopfield.recall_of_cut`
* `HopfieldPinned.T8.margin_hebbian_ge` pins `Hopfield.margin_hebbian_ge`
* `HopfieldPinned.T8.recall_hebbian_of_crosstalk` pins `Hopfield.recall_hebbian_of_crosstalk`
* `HopfieldPinned.T8.recallsWithin_of_marginCertOk` pins `Hopfield.recallsWithin_of_marginCertOk`
* `HopfieldPinned.T8.recallsWithin_of_dotCertOk` pins `Hopfield.recallsWithin_of_dotCertOk`
-/

@[expose] public section

namespace HopfieldPinned

open Hopfield

/-- T8, pins `Hopfield.margin_sub_le_spin_mul`: The field at `s` is the field at `p` up to the flipped columns: `μ_i - 2 ∑_{j ∈ D} |W_ij| ≤ p_i (h_i(s) - θ_i)` (spec T8). -/
theorem T8.margin_sub_le_spin_mul {n : Nat} (W : Weights n) (θ : Thresholds n) (p s : State n)
    (i : Fin n) :
    margin W θ p i - 2 * flipCost W p s i ≤ p.val i * (field W s i - θ i) :=
  Hopfield.margin_sub_le_spin_mul W θ p s i

/-- T8, pins `Hopfield.syncStep_eq_of_marginHolds`: T8, synchronous form: if `μ_i > 2 ∑_{j ∈ D} |W_ij|` for every `i`, one synchronous step from `s` gives `p`, under either tie rule, for any integer `W` and `θ` (spec T8). -/
theorem T8.syncStep_eq_of_marginHolds (rule : TieRule) {n : Nat} {W : Weights n}
    {θ : Thresholds n} {p s : State n} (h : MarginHolds W θ p s) : syncStep rule W θ s = p :=
  Hopfield.syncStep_eq_of_marginHolds rule h

/-- T8, pins `Hopfield.asyncStep_eq_of_marginHolds`: T8, asynchronous form: under the margin condition an asynchronous step at `i` sets neuron `i` to `p_i` and changes nothing else, under either tie rule (spec T8). -/
theorem T8.asyncStep_eq_of_marginHolds (rule : TieRule) {n : Nat} {W : Weights n}
    {θ : Thresholds n} {p s : State n} (h : MarginHolds W θ p s) (i : Fin n) :
    asyncStep rule W θ s i = s.set i (p i) :=
  Hopfield.asyncStep_eq_of_marginHolds rule h i

/-- T8, pins `Hopfield.disagree_asyncStep_of_marginHolds`: T8: under the margin condition the disagreement set only shrinks along an asynchronous step: a neuron that disagrees with `p` after the step disagreed before it, under either tie rule (spec T8). -/
theorem T8.disagree_asyncStep_of_marginHolds (rule : TieRule) {n : Nat} {W : Weights n}
    {θ : Thresholds n} {p s : State n} (h : MarginHolds W θ p s) (i j : Fin n)
    (hj : asyncStep rule W θ s i j ≠ p j) : s j ≠ p j :=
  Hopfield.disagree_asyncStep_of_marginHolds rule h i j hj

/-- T8, pins `Hopfield.runSchedule_of_marginHolds`: T8: under the margin condition, after the asynchronous steps of any schedule `l` the state is `p` on the neurons of `l` and `s` elsewhere, under either tie rule (spec T8). -/
theorem T8.runSchedule_of_marginHolds (rule : TieRule) {n : Nat} {W : Weights n}
    {θ : Thresholds n} {p : State n} (l : List (Fin n)) :
    ∀ {s : State n}, MarginHolds W θ p s →
      runSchedule rule W θ s l = fun j => if j ∈ l then p j else s j :=
  Hopfield.runSchedule_of_marginHolds rule l

/-- T8, pins `Hopfield.runSchedule_eq_of_marginHolds`: T8, schedules: under the margin condition every schedule visiting each neuron of the disagreement set `D` takes `s` to `p`, under either tie rule (spec T8). -/
theorem T8.runSchedule_eq_of_marginHolds (rule : TieRule) {n : Nat} {W : Weights n}
    {θ : Thresholds n} {p s : State n} (h : MarginHolds W θ p s) {l : List (Fin n)}
    (hl : ∀ j, s j ≠ p j → j ∈ l) : runSchedule rule W θ s l = p :=
  Hopfield.runSchedule_eq_of_marginHolds rule h hl

/-- T8, pins `Hopfield.isFixedPoint_of_margin_pos`: Positive margins make `p` a fixed point of the asynchronous dynamics, under either tie rule (spec T8). -/
theorem T8.isFixedPoint_of_margin_pos (rule : TieRule) {n : Nat} {W : Weights n}
    {θ : Thresholds n} {p : State n} (h : ∀ i, 0 < margin W θ p i) :
    IsFixedPoint rule W θ p :=
  Hopfield.isFixedPoint_of_margin_pos rule h

/-- T8, pins `Hopfield.flipCost_le_topSum`: `∑_{j ∈ D} |W_ij|` is at most the sum of the `d` largest `|W_ij|` when `d(s, p) ≤ d` (spec T8). -/
theorem T8.flipCost_le_topSum {n : Nat} (W : Weights n) {p s : State n} {d : Nat}
    (hd : hamming s p ≤ d) (i : Fin n) : flipCost W p s i ≤ topSum d (absRow W i) :=
  Hopfield.flipCost_le_topSum W hd i

/-- T8, pins `Hopfield.recall_of_topSum`: T8, radius form: if `μ_i` exceeds twice the sum of the `d` largest `|W_ij|` of row `i` for every `i`, then `p` is a fixed point and every `s` with `d(s, p) ≤ d` goes to `p` in one synchronous step and under every schedule covering the disagreement set, under either tie rule, for any integer `W` and `θ` (spec T8). -/
theorem T8.recall_of_topSum (rule : TieRule) {n : Nat} {W : Weights n} {θ : Thresholds n}
    {p : State n} {d : Nat} (h : ∀ i, 2 * topSum d (absRow W i) < margin W θ p i) :
    RecallsWithin rule W θ p d :=
  Hopfield.recall_of_topSum rule h

/-- T8, pins `Hopfield.flipCost_le_cut`: `∑_{j ∈ D} |W_ij| ≤ d t + ∑_j max(|W_ij| - t, 0)` for every cut `t ≥ 0` when `d(s, p) ≤ d`; equality of the bound with the top-`d` sum holds at `t` = the `d`-th largest `|W_ij|` (spec T8). -/
theorem T8.flipCost_le_cut {n : Nat} (W : Weights n) {p s : State n} {d : Nat}
    (hd : hamming s p ≤ d) (i : Fin n) {t : Int} (ht : 0 ≤ t) :
    flipCost W p s i ≤ d * t + sumFin n (fun j => max (((W i j).natAbs : Int) - t) 0) :=
  Hopfield.flipCost_le_cut W hd i ht

/-- T8, pins `Hopfield.recall_of_cut`: T8, radius form with cuts `t_i ≥ 0`: `μ_i > 2 (d t_i + ∑_j max(|W_ij| - t_i, 0))` for every `i` gives the same conclusion (exactly the top-`d` condition when `t_i` is the `d`-th largest `|W_ij|`) (spec T8). -/
theorem T8.recall_of_cut (rule : TieRule) {n : Nat} {W : Weights n} {θ : Thresholds n}
    {p : State n} {d : Nat} (t : Fin n → Int) (ht : ∀ i, 0 ≤ t i)
    (h : ∀ i, 2 * (d * t i + sumFin n (fun j => max (((W i j).natAbs : Int) - t i) 0))
      < margin W θ p i) : RecallsWithin rule W θ p d :=
  Hopfield.recall_of_cut rule t ht h

/-- T8, pins `Hopfield.margin_hebbian_ge`: Hebbian margins with crosstalk: at a stored pattern `p` of patterns with crosstalk at most `c`, `μ_i ≥ n - m - (m - 1) c` (zero thresholds) (spec T8). -/
theorem T8.margin_hebbian_ge {n : Nat} {ps : List (State n)} {c : Nat} (hps : CrosstalkLe ps c)
    {p : State n} (hp : p ∈ ps) (i : Fin n) :
    (n : Int) - ps.length - ((ps.length : Int) - 1) * c
      ≤ margin (hebbian ps) (fun _ => 0) p i :=
  Hopfield.margin_hebbian_ge hps hp i

/-- T8, pins `Hopfield.recall_hebbian_of_crosstalk`: T8, Hebbian corollary: for patterns with crosstalk at most `c` and a stored pattern `p`, if `2 m d < n - m - (m - 1) c` then `p` is a fixed point and every `s` with `d(s, p) ≤ d` goes to `p` in one synchronous step and under every schedule covering the disagreement set, under either tie rule (zero thresholds); `c = 0` gives T4's condition `m (2d + 1) < n` (spec T8). -/
theorem T8.recall_hebbian_of_crosstalk (rule : TieRule) {n : Nat} {ps : List (State n)} {c : Nat}
    (hps : CrosstalkLe ps c) {p : State n} (hp : p ∈ ps) {d : Nat}
    (hd : 2 * (ps.length : Int) * d < (n : Int) - ps.length - ((ps.length : Int) - 1) * c) :
    RecallsWithin rule (hebbian ps) (fun _ => 0) p d :=
  Hopfield.recall_hebbian_of_crosstalk rule hps hp hd

/-- T8, pins `Hopfield.recallsWithin_of_marginCertOk`: Soundness of the margin certificate checker: if `marginCertOk n rows θ p d ts` evaluates to `true`, then for the literal network `p` is a fixed point and every state within distance `d` of `p` goes to `p` in one synchronous step and under every asynchronous schedule covering its disagreement set, under either tie rule (T8, `Hopfield.recall_of_cut`) (spec T8). -/
theorem T8.recallsWithin_of_marginCertOk (rule : TieRule) {n : Nat} {rows : List (List Int)}
    {θ p : List Int} {d : Nat} {ts : List Int} (h : marginCertOk n rows θ p d ts = true) :
    RecallsWithin rule (Weights.ofLists rows : Weights n) (Thresholds.ofList θ)
      (State.ofList p) d :=
  Hopfield.recallsWithin_of_marginCertOk rule h

/-- T8, pins `Hopfield.recallsWithin_of_dotCertOk`: Soundness of the split check, T8's conclusion: if the row facts and the pattern check evaluate to `true`, the decoded pattern is a fixed point of the decoded network and every state within distance `d` of it goes to it in one synchronous step and under every asynchronous schedule covering its disagreement set, under either tie rule (spec T8). -/
theorem T8.recallsWithin_of_dotCertOk (rule : TieRule) {B off n : Nat} {Rs : List Nat}
    {Bh offh H P d Bt T Bs S Be E : Nat} (hf : factsOk B off n Rs Bt T Bs S Be E = true)
    (h : dotCertOk B off n Rs Bh offh H P d Bt T Bs S Be E = true) :
    RecallsWithin rule (Weights.ofLists (Rs.map (decodeRow B off n)) : Weights n)
      (Thresholds.ofList (decodeRow Bh offh n H)) (State.ofList (decodeSpins n P)) d :=
  Hopfield.recallsWithin_of_dotCertOk rule hf h

end HopfieldPinned

end
