module

public import Hopfield.Basic
public import Hopfield.Boltzmann.Literal
public import Hopfield.Convergence
public import Hopfield.Dense
public import Hopfield.Energy
public import Hopfield.ErrorCorrection
public import Hopfield.Hebbian
public import Hopfield.Literal
public import Hopfield.Synchronous

/-!
# Pinned statements: the classical theorems (spec conventions, T1-T7)

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

* `HopfieldPinned.spec.State.val_sq` pins `Hopfield.State.val_sq`
* `HopfieldPinned.spec.asyncStep_other` pins `Hopfield.asyncStep_other`
* `HopfieldPinned.spec.asyncStep_self` pins `Hopfield.asyncStep_self`
* `HopfieldPinned.T1.energy_asyncStep_sub` pins `Hopfield.energy_asyncStep_sub`
* `HopfieldPinned.T1.energy_asyncStep_le` pins `Hopfield.energy_asyncStep_le`
* `HopfieldPinned.T1.energy_asyncStep_of_ne` pins `Hopfield.energy_asyncStep_of_ne`
* `HopfieldPinned.T1.energy_asyncStep_keep_of_ne` pins `Hopfield.energy_asyncStep_keep_of_ne`
* `HopfieldPinned.T1.energy_asyncStep_keep_add_two_le` pins `Hopfield.energy_asyncStep_keep_add_two_le`
* `HopfieldPinned.T1.energy_asyncStep_plus_of_ne` pins `Hopfield.energy_asyncStep_plus_of_ne`
* `HopfieldPinned.T2.isFixedPoint_iff` pins `Hopfield.isFixedPoint_iff`
* `HopfieldPinned.T2.isFixedPoint_keep_iff` pins `Hopfield.isFixedPoint_keep_iff`
* `HopfieldPinned.T2.isFixedPoint_plus_iff` pins `Hopfield.isFixedPoint_plus_iff`
* `HopfieldPinned.T2.natAbs_energy_le` pins `Hopfield.natAbs_energy_le`
* `HopfieldPinned.T2.numChanges_le_energyBound` pins `Hopfield.numChanges_le_energyBound`
* `HopfieldPinned.T2.numChanges_lt_two_pow` pins `Hopfield.numChanges_lt_two_pow`
* `HopfieldPinned.T2.numChanges_le_changeBound` pins `Hopfield.numChanges_le_changeBound`
* `HopfieldPinned.T2.numChanges_plus_lt_two_pow` pins `Hopfield.numChanges_plus_lt_two_pow`
* `HopfieldPinned.T2.isFixedPoint_sweepIter` pins `Hopfield.isFixedPoint_sweepIter`
* `HopfieldPinned.T2.isFixedPoint_sweepIter_plus` pins `Hopfield.isFixedPoint_sweepIter_plus`
* `HopfieldPinned.T2.isFixedPoint_runSchedule_take_of_isFair` pins `Hopfield.isFixedPoint_runSchedule_take_of_isFair`
* `HopfieldPinned.T2.isFixedPoint_runSchedule_take_of_isFair_plus` pins `Hopfield.isFixedPoint_runSchedule_take_of_isFair_plus`
* `HopfieldPinned.T3.hebbian_diag` pins `Hopfield.hebbian_diag`
* `HopfieldPinned.T3.hebbian_symm` pins `Hopfield.hebbian_symm`
* `HopfieldPinned.T3.field_hebbian` pins `Hopfield.field_hebbian`
* `HopfieldPinned.T3.field_hebbian_of_mem` pins `Hopfield.field_hebbian_of_mem`
* `HopfieldPinned.T3.asyncStep_hebbian_of_mem` pins `Hopfield.asyncStep_hebbian_of_mem`
* `HopfieldPinned.T3.isFixedPoint_hebbian` pins `Hopfield.isFixedPoint_hebbian`
* `HopfieldPinned.T3.syncStep_hebbian_of_mem` pins `Hopfield.syncStep_hebbian_of_mem`
* `HopfieldPinned.T4.spin_mul_field_hebbian_pos` pins `Hopfield.spin_mul_field_hebbian_pos`
* `HopfieldPinned.T4.syncStep_hebbian_eq` pins `Hopfield.syncStep_hebbian_eq`
* `HopfieldPinned.T4.asyncStep_hebbian_eq` pins `Hopfield.asyncStep_hebbian_eq`
* `HopfieldPinned.T4.hamming_asyncStep_hebbian_le` pins `Hopfield.hamming_asyncStep_hebbian_le`
* `HopfieldPinned.T4.runSchedule_hebbian` pins `Hopfield.runSchedule_hebbian`
* `HopfieldPinned.T4.runSchedule_hebbian_eq` pins `Hopfield.runSchedule_hebbian_eq`
* `HopfieldPinned.T4.sweep_hebbian` pins `Hopfield.sweep_hebbian`
* `HopfieldPinned.T5.lyap_comm` pins `Hopfield.lyap_comm`
* `HopfieldPinned.T5.lyap_syncStep_le` pins `Hopfield.lyap_syncStep_le`
* `HopfieldPinned.T5.lyap_syncStep_add_two_le` pins `Hopfield.lyap_syncStep_add_two_le`
* `HopfieldPinned.T5.syncIter_add_two` pins `Hopfield.syncIter_add_two`
* `HopfieldPinned.T5.syncStep_syncStep_syncIter` pins `Hopfield.syncStep_syncStep_syncIter`
* `HopfieldPinned.T6.denseEnergy_denseStep` pins `Hopfield.denseEnergy_denseStep`
* `HopfieldPinned.T6.denseEnergy_denseStep_le` pins `Hopfield.denseEnergy_denseStep_le`
* `HopfieldPinned.T6.denseEnergy_denseStep_lt` pins `Hopfield.denseEnergy_denseStep_lt`
* `HopfieldPinned.T6.natAbs_denseEnergy_le` pins `Hopfield.natAbs_denseEnergy_le`
* `HopfieldPinned.T6.denseChanges_le` pins `Hopfield.denseChanges_le`
* `HopfieldPinned.T6.isDenseFixedPoint_denseSweeps` pins `Hopfield.isDenseFixedPoint_denseSweeps`
* `HopfieldPinned.T7.trajectory_getLast` pins `Hopfield.trajectory_getLast`
* `HopfieldPinned.T7.length_trajectory` pins `Hopfield.length_trajectory`
* `HopfieldPinned.T7.State.toList_ofList` pins `Hopfield.State.toList_ofList`
* `HopfieldPinned.T7.stateIndex_cons` pins `Hopfield.stateIndex_cons`
-/

@[expose] public section

namespace HopfieldPinned

open Hopfield

/-- spec, pins `Hopfield.State.val_sq`: `s_i * s_i = 1` for every state and neuron. -/
theorem spec.State.val_sq {n : Nat} (s : State n) (i : Fin n) : s.val i * s.val i = 1 :=
  Hopfield.State.val_sq s i

/-- spec, pins `Hopfield.asyncStep_other`: An asynchronous step at `i` leaves every other neuron unchanged. -/
theorem spec.asyncStep_other {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n)
    (s : State n) {i j : Fin n} (h : j ≠ i) : asyncStep rule W θ s i j = s j :=
  Hopfield.asyncStep_other rule W θ s h

/-- spec, pins `Hopfield.asyncStep_self`: An asynchronous step at `i` sets neuron `i` to its updated bit. -/
theorem spec.asyncStep_self {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n)
    (s : State n) (i : Fin n) :
    asyncStep rule W θ s i i = updateValue rule (field W s i) (θ i) (s i) :=
  Hopfield.asyncStep_self rule W θ s i

/-- T1, pins `Hopfield.energy_asyncStep_sub`: The exact energy change of an asynchronous step at `i`, for symmetric zero-diagonal `W` and either tie rule: `E(s') - E(s) = -(s'_i - s_i) (h_i - θ_i)` (spec T1). -/
theorem T1.energy_asyncStep_sub {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (rule : TieRule) (θ : Thresholds n) (s : State n) (i : Fin n) :
    energy W θ (asyncStep rule W θ s i) - energy W θ s =
      -((spin (updateValue rule (field W s i) (θ i) (s i)) - s.val i) * (field W s i - θ i)) :=
  Hopfield.energy_asyncStep_sub hW hd rule θ s i

/-- T1, pins `Hopfield.energy_asyncStep_le`: An asynchronous step never raises the energy, for symmetric zero-diagonal `W` and either tie rule (spec T1). -/
theorem T1.energy_asyncStep_le {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (rule : TieRule) (θ : Thresholds n) (s : State n) (i : Fin n) :
    energy W θ (asyncStep rule W θ s i) ≤ energy W θ s :=
  Hopfield.energy_asyncStep_le hW hd rule θ s i

/-- T1, pins `Hopfield.energy_asyncStep_of_ne`: A state-changing asynchronous step lowers the energy by exactly `2 |h_i - θ_i|`, for symmetric zero-diagonal `W` and either tie rule (spec T1). -/
theorem T1.energy_asyncStep_of_ne {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (rule : TieRule) (θ : Thresholds n) (s : State n) (i : Fin n)
    (hne : asyncStep rule W θ s i ≠ s) :
    energy W θ (asyncStep rule W θ s i) =
      energy W θ s - 2 * ((field W s i - θ i).natAbs : Int) :=
  Hopfield.energy_asyncStep_of_ne hW hd rule θ s i hne

/-- T1, pins `Hopfield.energy_asyncStep_keep_of_ne`: With `keep` ties, a state-changing asynchronous step happens only off a tie, `h_i ≠ θ_i`, and lowers the energy by exactly `2 |h_i - θ_i| > 0` (spec T1). -/
theorem T1.energy_asyncStep_keep_of_ne {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (i : Fin n)
    (hne : asyncStep .keep W θ s i ≠ s) :
    field W s i ≠ θ i ∧
      energy W θ (asyncStep .keep W θ s i) =
        energy W θ s - 2 * ((field W s i - θ i).natAbs : Int) :=
  Hopfield.energy_asyncStep_keep_of_ne hW hd θ s i hne

/-- T1, pins `Hopfield.energy_asyncStep_keep_add_two_le`: With `keep` ties, a state-changing asynchronous step lowers the energy by at least `2` (spec T1). -/
theorem T1.energy_asyncStep_keep_add_two_le {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (i : Fin n)
    (hne : asyncStep .keep W θ s i ≠ s) :
    energy W θ (asyncStep .keep W θ s i) + 2 ≤ energy W θ s :=
  Hopfield.energy_asyncStep_keep_add_two_le hW hd θ s i hne

/-- T1, pins `Hopfield.energy_asyncStep_plus_of_ne`: With `plus` ties, a state-changing asynchronous step either lowers the energy (by at least `2`) or keeps it and lowers the number of `-1` entries: `(E, negCount)` strictly decreases lexicographically (spec T1). -/
theorem T1.energy_asyncStep_plus_of_ne {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (i : Fin n)
    (hne : asyncStep .plus W θ s i ≠ s) :
    energy W θ (asyncStep .plus W θ s i) + 2 ≤ energy W θ s ∨
      (energy W θ (asyncStep .plus W θ s i) = energy W θ s ∧
        negCount (asyncStep .plus W θ s i) < negCount s) :=
  Hopfield.energy_asyncStep_plus_of_ne hW hd θ s i hne

/-- T2, pins `Hopfield.isFixedPoint_iff`: A state is a fixed point iff every neuron is stable: its updated bit is its bit (spec T2). -/
theorem T2.isFixedPoint_iff {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n) (s : State n) :
    IsFixedPoint rule W θ s ↔ ∀ i, updateValue rule (field W s i) (θ i) (s i) = s i :=
  Hopfield.isFixedPoint_iff rule W θ s

/-- T2, pins `Hopfield.isFixedPoint_keep_iff`: Fixed points for `keep` ties: `s_i = +1 → h_i ≥ θ_i` and `s_i = -1 → h_i ≤ θ_i` for every neuron (spec T2). -/
theorem T2.isFixedPoint_keep_iff {n : Nat} (W : Weights n) (θ : Thresholds n) (s : State n) :
    IsFixedPoint .keep W θ s ↔
      ∀ i, (s i = true → θ i ≤ field W s i) ∧ (s i = false → field W s i ≤ θ i) :=
  Hopfield.isFixedPoint_keep_iff W θ s

/-- T2, pins `Hopfield.isFixedPoint_plus_iff`: Fixed points for `plus` ties: `s_i = +1 → h_i ≥ θ_i` and `s_i = -1 → h_i < θ_i` for every neuron (spec T2). -/
theorem T2.isFixedPoint_plus_iff {n : Nat} (W : Weights n) (θ : Thresholds n) (s : State n) :
    IsFixedPoint .plus W θ s ↔
      ∀ i, (s i = true → θ i ≤ field W s i) ∧ (s i = false → field W s i < θ i) :=
  Hopfield.isFixedPoint_plus_iff W θ s

/-- T2, pins `Hopfield.natAbs_energy_le`: `|E(s)| ≤ B` for every state (no symmetry needed) (spec T2). -/
theorem T2.natAbs_energy_le {n : Nat} (W : Weights n) (θ : Thresholds n) (s : State n) :
    ((energy W θ s).natAbs : Int) ≤ energyBound W θ :=
  Hopfield.natAbs_energy_le W θ s

/-- T2, pins `Hopfield.numChanges_le_energyBound`: Along any schedule the number of state-changing asynchronous steps is at most `B = energyBound W θ` (keep ties, symmetric zero-diagonal `W`) (spec T2). -/
theorem T2.numChanges_le_energyBound {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (l : List (Fin n)) :
    (numChanges .keep W θ s l : Int) ≤ energyBound W θ :=
  Hopfield.numChanges_le_energyBound hW hd θ s l

/-- T2, pins `Hopfield.numChanges_lt_two_pow`: Along any schedule the number of state-changing asynchronous steps is at most `2^n - 1` (keep ties, symmetric zero-diagonal `W`): the energy strictly decreases at each change, so the visited states are distinct (spec T2). -/
theorem T2.numChanges_lt_two_pow {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (l : List (Fin n)) :
    numChanges .keep W θ s l < 2 ^ n :=
  Hopfield.numChanges_lt_two_pow hW hd θ s l

/-- T2, pins `Hopfield.numChanges_le_changeBound`: Along any schedule the number of state-changing asynchronous steps is at most `min(B, 2^n - 1)` (keep ties, symmetric zero-diagonal `W`) (spec T2). -/
theorem T2.numChanges_le_changeBound {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (l : List (Fin n)) :
    numChanges .keep W θ s l ≤ changeBound W θ :=
  Hopfield.numChanges_le_changeBound hW hd θ s l

/-- T2, pins `Hopfield.numChanges_plus_lt_two_pow`: With `plus` ties too, along any schedule the number of state-changing asynchronous steps is at most `2^n - 1` (symmetric zero-diagonal `W`), since `(E, negCount)` strictly decreases lexicographically at each change (spec T2). -/
theorem T2.numChanges_plus_lt_two_pow {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (l : List (Fin n)) :
    numChanges .plus W θ s l < 2 ^ n :=
  Hopfield.numChanges_plus_lt_two_pow hW hd θ s l

/-- T2, pins `Hopfield.isFixedPoint_sweepIter`: Cyclic sweeps reach a fixed point within `min(B, 2^n - 1) + 1` sweeps (keep ties, symmetric zero-diagonal `W`) (spec T2). -/
theorem T2.isFixedPoint_sweepIter {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) {k : Nat}
    (hk : changeBound W θ + 1 ≤ k) : IsFixedPoint .keep W θ (sweepIter .keep W θ k s) :=
  Hopfield.isFixedPoint_sweepIter hW hd θ s hk

/-- T2, pins `Hopfield.isFixedPoint_sweepIter_plus`: With `plus` ties, cyclic sweeps reach a fixed point within `2^n` sweeps (symmetric zero-diagonal `W`) (spec T2). -/
theorem T2.isFixedPoint_sweepIter_plus {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) {k : Nat}
    (hk : 2 ^ n ≤ k) : IsFixedPoint .plus W θ (sweepIter .plus W θ k s) :=
  Hopfield.isFixedPoint_sweepIter_plus hW hd θ s hk

/-- T2, pins `Hopfield.isFixedPoint_runSchedule_take_of_isFair`: A fair schedule (every neuron in every window of `k` steps) reaches a fixed point within `k * (min(B, 2^n - 1) + 1)` steps, and stays there (keep ties, symmetric zero-diagonal `W`) (spec T2). -/
theorem T2.isFixedPoint_runSchedule_take_of_isFair {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) {k : Nat} {l : List (Fin n)}
    (hf : IsFair k l) (hlen : k * (changeBound W θ + 1) ≤ l.length) {m : Nat}
    (hm : k * (changeBound W θ + 1) ≤ m) :
    IsFixedPoint .keep W θ (runSchedule .keep W θ s (l.take m)) :=
  Hopfield.isFixedPoint_runSchedule_take_of_isFair hW hd θ s hf hlen hm

/-- T2, pins `Hopfield.isFixedPoint_runSchedule_take_of_isFair_plus`: With `plus` ties, a fair schedule with window `k` reaches a fixed point within `k * 2^n` steps, and stays there (symmetric zero-diagonal `W`) (spec T2). -/
theorem T2.isFixedPoint_runSchedule_take_of_isFair_plus {n : Nat} {W : Weights n}
    (hW : ∀ i j, W i j = W j i) (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n)
    {k : Nat} {l : List (Fin n)} (hf : IsFair k l) (hlen : k * 2 ^ n ≤ l.length) {m : Nat}
    (hm : k * 2 ^ n ≤ m) : IsFixedPoint .plus W θ (runSchedule .plus W θ s (l.take m)) :=
  Hopfield.isFixedPoint_runSchedule_take_of_isFair_plus hW hd θ s hf hlen hm

/-- T3, pins `Hopfield.hebbian_diag`: Hebbian weights have zero diagonal (spec T3). -/
theorem T3.hebbian_diag {n : Nat} (ps : List (State n)) (i : Fin n) : hebbian ps i i = 0 :=
  Hopfield.hebbian_diag ps i

/-- T3, pins `Hopfield.hebbian_symm`: Hebbian weights are symmetric (spec T3). -/
theorem T3.hebbian_symm {n : Nat} (ps : List (State n)) (i j : Fin n) :
    hebbian ps i j = hebbian ps j i :=
  Hopfield.hebbian_symm ps i j

/-- T3, pins `Hopfield.field_hebbian`: The Hebbian local field: `h_i(s) = ∑_k p_{k,i} (p_k · s) - m s_i` (spec T3). -/
theorem T3.field_hebbian {n : Nat} (ps : List (State n)) (s : State n) (i : Fin n) :
    field (hebbian ps) s i
      = (ps.map (fun q => q.val i * overlap q s)).sum - (ps.length : Int) * s.val i :=
  Hopfield.field_hebbian ps s i

/-- T3, pins `Hopfield.field_hebbian_of_mem`: The field at a stored pattern of a pairwise-orthogonal family is `(n - m) p_i` (spec T3). -/
theorem T3.field_hebbian_of_mem {n : Nat} {ps : List (State n)} (hps : PairwiseOrthogonal ps)
    {p : State n} (hp : p ∈ ps) (i : Fin n) :
    field (hebbian ps) p i = ((n : Int) - ps.length) * p.val i :=
  Hopfield.field_hebbian_of_mem hps hp i

/-- T3, pins `Hopfield.asyncStep_hebbian_of_mem`: For `m < n`, an asynchronous step at a stored pattern keeps it (spec T3). -/
theorem T3.asyncStep_hebbian_of_mem (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) (hlen : ps.length < n) {p : State n} (hp : p ∈ ps)
    (i : Fin n) : asyncStep rule (hebbian ps) (fun _ => 0) p i = p :=
  Hopfield.asyncStep_hebbian_of_mem rule hps hlen hp i

/-- T3, pins `Hopfield.isFixedPoint_hebbian`: For `m < n`, every stored pattern is a fixed point of the asynchronous dynamics, under either tie rule (spec T3). -/
theorem T3.isFixedPoint_hebbian (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) (hlen : ps.length < n) {p : State n} (hp : p ∈ ps) :
    IsFixedPoint rule (hebbian ps) (fun _ => 0) p :=
  Hopfield.isFixedPoint_hebbian rule hps hlen hp

/-- T3, pins `Hopfield.syncStep_hebbian_of_mem`: For `m < n`, every stored pattern is a fixed point of the synchronous dynamics, under either tie rule (spec T3). -/
theorem T3.syncStep_hebbian_of_mem (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) (hlen : ps.length < n) {p : State n} (hp : p ∈ ps) :
    syncStep rule (hebbian ps) (fun _ => 0) p = p :=
  Hopfield.syncStep_hebbian_of_mem rule hps hlen hp

/-- T4, pins `Hopfield.spin_mul_field_hebbian_pos`: If `m (2d + 1) < n`, the field at `s` has the sign of `p` at every neuron (spec T4). -/
theorem T4.spin_mul_field_hebbian_pos {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) {p : State n} (hp : p ∈ ps) {s : State n}
    (hd : ps.length * (2 * hamming s p + 1) < n) (i : Fin n) :
    0 < p.val i * field (hebbian ps) s i :=
  Hopfield.spin_mul_field_hebbian_pos hps hp hd i

/-- T4, pins `Hopfield.syncStep_hebbian_eq`: Error correction in one synchronous step: if `m (2 d(s, p) + 1) < n` then one synchronous step from `s` gives `p`, under either tie rule (spec T4). -/
theorem T4.syncStep_hebbian_eq (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) {p : State n} (hp : p ∈ ps) {s : State n}
    (hd : ps.length * (2 * hamming s p + 1) < n) :
    syncStep rule (hebbian ps) (fun _ => 0) s = p :=
  Hopfield.syncStep_hebbian_eq rule hps hp hd

/-- T4, pins `Hopfield.asyncStep_hebbian_eq`: If `m (2 d(s, p) + 1) < n`, an asynchronous step at `i` sets neuron `i` to `p_i`, under either tie rule (spec T4). -/
theorem T4.asyncStep_hebbian_eq (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) {p : State n} (hp : p ∈ ps) {s : State n}
    (hd : ps.length * (2 * hamming s p + 1) < n) (i : Fin n) :
    asyncStep rule (hebbian ps) (fun _ => 0) s i = s.set i (p i) :=
  Hopfield.asyncStep_hebbian_eq rule hps hp hd i

/-- T4, pins `Hopfield.hamming_asyncStep_hebbian_le`: If `m (2 d(s, p) + 1) < n`, an asynchronous step never increases the distance to `p`, under either tie rule (spec T4). -/
theorem T4.hamming_asyncStep_hebbian_le (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) {p : State n} (hp : p ∈ ps) {s : State n}
    (hd : ps.length * (2 * hamming s p + 1) < n) (i : Fin n) :
    hamming (asyncStep rule (hebbian ps) (fun _ => 0) s i) p ≤ hamming s p :=
  Hopfield.hamming_asyncStep_hebbian_le rule hps hp hd i

/-- T4, pins `Hopfield.runSchedule_hebbian`: If `m (2 d(s, p) + 1) < n`, after the asynchronous steps of any schedule `l` the state is `p` on the neurons of `l` and `s` elsewhere, under either tie rule (spec T4). -/
theorem T4.runSchedule_hebbian (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) {p : State n} (hp : p ∈ ps) (l : List (Fin n)) :
    ∀ {s : State n}, ps.length * (2 * hamming s p + 1) < n →
      runSchedule rule (hebbian ps) (fun _ => 0) s l = fun j => if j ∈ l then p j else s j :=
  Hopfield.runSchedule_hebbian rule hps hp l

/-- T4, pins `Hopfield.runSchedule_hebbian_eq`: If `m (2 d(s, p) + 1) < n`, any schedule visiting every neuron takes `s` to `p`, under either tie rule (spec T4). -/
theorem T4.runSchedule_hebbian_eq (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) {p : State n} (hp : p ∈ ps) {s : State n}
    (hd : ps.length * (2 * hamming s p + 1) < n) {l : List (Fin n)} (hl : ∀ j, j ∈ l) :
    runSchedule rule (hebbian ps) (fun _ => 0) s l = p :=
  Hopfield.runSchedule_hebbian_eq rule hps hp hd hl

/-- T4, pins `Hopfield.sweep_hebbian`: If `m (2 d(s, p) + 1) < n`, one cyclic sweep takes `s` to `p`, under either tie rule (spec T4). -/
theorem T4.sweep_hebbian (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) {p : State n} (hp : p ∈ ps) {s : State n}
    (hd : ps.length * (2 * hamming s p + 1) < n) :
    sweep rule (hebbian ps) (fun _ => 0) s = p :=
  Hopfield.sweep_hebbian rule hps hp hd

/-- T5, pins `Hopfield.lyap_comm`: Goles' Lyapunov function is symmetric, `L(x', x) = L(x, x')`, for symmetric `W` (spec T5). -/
theorem T5.lyap_comm {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i) (rule : TieRule)
    (θ : Thresholds n) (s' s : State n) : lyap rule W θ s' s = lyap rule W θ s s' :=
  Hopfield.lyap_comm hW rule θ s' s

/-- T5, pins `Hopfield.lyap_syncStep_le`: Goles' Lyapunov function never increases along a synchronous trajectory, for symmetric `W` and either tie rule: `L(x(t+2), x(t+1)) ≤ L(x(t+1), x(t))` (spec T5). -/
theorem T5.lyap_syncStep_le {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i) (rule : TieRule)
    (θ : Thresholds n) (s : State n) :
    lyap rule W θ (syncStep rule W θ (syncStep rule W θ s)) (syncStep rule W θ s) ≤
      lyap rule W θ (syncStep rule W θ s) s :=
  Hopfield.lyap_syncStep_le hW rule θ s

/-- T5, pins `Hopfield.lyap_syncStep_add_two_le`: Unless `x(t+2) = x(t)`, Goles' Lyapunov function drops by at least `2`: `L(x(t+2), x(t+1)) + 2 ≤ L(x(t+1), x(t))` (symmetric `W`, either tie rule) (spec T5). -/
theorem T5.lyap_syncStep_add_two_le {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (rule : TieRule) (θ : Thresholds n) (s : State n)
    (hne : syncStep rule W θ (syncStep rule W θ s) ≠ s) :
    lyap rule W θ (syncStep rule W θ (syncStep rule W θ s)) (syncStep rule W θ s) + 2 ≤
      lyap rule W θ (syncStep rule W θ s) s :=
  Hopfield.lyap_syncStep_add_two_le hW rule θ s hne

/-- T5, pins `Hopfield.syncIter_add_two`: Goles' theorem (spec T5): for symmetric `W` and either tie rule, from time `t ≥ syncBound` on every synchronous trajectory satisfies `x(t+2) = x(t)`: it has reached a fixed point or a cycle of length 2. -/
theorem T5.syncIter_add_two {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i) (rule : TieRule)
    (θ : Thresholds n) (s : State n) {t : Nat} (ht : syncBound rule W θ ≤ t) :
    syncIter rule W θ (t + 2) s = syncIter rule W θ t s :=
  Hopfield.syncIter_add_two hW rule θ s ht

/-- T5, pins `Hopfield.syncStep_syncStep_syncIter`: Goles' theorem, as a statement about the state reached (spec T5): after `t ≥ syncBound` synchronous steps the state `x` satisfies `syncStep (syncStep x) = x`, so it is a fixed point or lies on a 2-cycle. -/
theorem T5.syncStep_syncStep_syncIter {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (rule : TieRule) (θ : Thresholds n) (s : State n) {t : Nat}
    (ht : syncBound rule W θ ≤ t) :
    syncStep rule W θ (syncStep rule W θ (syncIter rule W θ t s)) = syncIter rule W θ t s :=
  Hopfield.syncStep_syncStep_syncIter hW rule θ s ht

/-- T6, pins `Hopfield.denseEnergy_denseStep`: A dense step takes the lower of the two energies `E(s^{i+})`, `E(s^{i-})` (spec T6). -/
theorem T6.denseEnergy_denseStep {n : Nat} (a : Nat) (ps : List (State n)) (s : State n)
    (i : Fin n) :
    denseEnergy a ps (denseStep a ps s i)
      = min (denseEnergy a ps (s.set i true)) (denseEnergy a ps (s.set i false)) :=
  Hopfield.denseEnergy_denseStep a ps s i

/-- T6, pins `Hopfield.denseEnergy_denseStep_le`: Dense energy descent: a step never raises the energy (spec T6). -/
theorem T6.denseEnergy_denseStep_le {n : Nat} (a : Nat) (ps : List (State n)) (s : State n)
    (i : Fin n) : denseEnergy a ps (denseStep a ps s i) ≤ denseEnergy a ps s :=
  Hopfield.denseEnergy_denseStep_le a ps s i

/-- T6, pins `Hopfield.denseEnergy_denseStep_lt`: Strict dense energy descent: a step that changes the state lowers the energy, hence by at least `1` (spec T6). -/
theorem T6.denseEnergy_denseStep_lt {n : Nat} (a : Nat) (ps : List (State n)) (s : State n)
    (i : Fin n) (h : denseStep a ps s i ≠ s) :
    denseEnergy a ps (denseStep a ps s i) < denseEnergy a ps s :=
  Hopfield.denseEnergy_denseStep_lt a ps s i h

/-- T6, pins `Hopfield.natAbs_denseEnergy_le`: The dense energy is at most `m n^a` in absolute value (spec T6). -/
theorem T6.natAbs_denseEnergy_le {n : Nat} (a : Nat) (ps : List (State n)) (s : State n) :
    (denseEnergy a ps s).natAbs ≤ ps.length * n ^ a :=
  Hopfield.natAbs_denseEnergy_le a ps s

/-- T6, pins `Hopfield.denseChanges_le`: Dense convergence: along any schedule at most `2 m n^a` steps change the state (spec T6). -/
theorem T6.denseChanges_le {n : Nat} (a : Nat) (ps : List (State n)) (s : State n)
    (l : List (Fin n)) : denseChanges a ps s l ≤ 2 * (ps.length * n ^ a) :=
  Hopfield.denseChanges_le a ps s l

/-- T6, pins `Hopfield.isDenseFixedPoint_denseSweeps`: Dense convergence: `2 m n^a + 1` cyclic sweeps reach a fixed point, from any state (spec T6). -/
theorem T6.isDenseFixedPoint_denseSweeps {n : Nat} (a : Nat) (ps : List (State n))
    (s : State n) :
    IsDenseFixedPoint a ps (denseSweeps a ps (2 * (ps.length * n ^ a) + 1) s) :=
  Hopfield.isDenseFixedPoint_denseSweeps a ps s

/-- T7, pins `Hopfield.trajectory_getLast`: The last state of a trajectory is the result of `runSchedule` (spec T7). -/
theorem T7.trajectory_getLast {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n)
    (s : State n) (sched : List (Fin n)) :
    (trajectory rule W θ s sched).getLast? = some (runSchedule rule W θ s sched) :=
  Hopfield.trajectory_getLast rule W θ s sched

/-- T7, pins `Hopfield.length_trajectory`: A trajectory has one state per step plus the start state (spec T7). -/
theorem T7.length_trajectory {n : Nat} (rule : TieRule) (W : Weights n) (θ : Thresholds n)
    (s : State n) (sched : List (Fin n)) :
    (trajectory rule W θ s sched).length = sched.length + 1 :=
  Hopfield.length_trajectory rule W θ s sched

/-- T7, pins `Hopfield.State.toList_ofList`: Reading back the spins of a state built from a `±1` list gives the list (spec T7). -/
theorem T7.State.toList_ofList {n : Nat} (l : List Int) (hl : l.length = n)
    (hpm : ∀ x ∈ l, x = 1 ∨ x = -1) : (State.ofList l : State n).toList = l :=
  Hopfield.State.toList_ofList l hl hpm

/-- T7, pins `Hopfield.stateIndex_cons`: The index of `cons b r` is `[b] + 2 * index r` (spec T7). -/
theorem T7.stateIndex_cons {n : Nat} (b : Bool) (r : State n) :
    stateIndex (State.cons b r) = (if b then 1 else 0) + 2 * stateIndex r :=
  Hopfield.stateIndex_cons b r

end HopfieldPinned

end
