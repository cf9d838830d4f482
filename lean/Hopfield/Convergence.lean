module

public import Hopfield.Energy
public import Hopfield.Finite.States

/-!
# Convergence of asynchronous dynamics with an explicit bound (spec T2)

Fixed points are the states where every neuron is stable, characterised by the fields. With
symmetric zero-diagonal weights and `keep` ties, every state-changing asynchronous step
lowers the energy by at least `2`, and `|E(s)| ≤ B` with
`B = ∑_{i<j} |W i j| + ∑_i |θ_i|`; the energies of the visited states strictly decrease, so
no state repeats. Hence along any schedule the number of state-changing steps is at most
`min(B, 2^n - 1)`, cyclic sweeps reach a fixed point within that many `+ 1` sweeps, and a
fair schedule (every neuron in every window of `k` consecutive steps) within
`k * (bound + 1)` steps. With `plus` ties the pair `(E, number of -1 entries)` strictly
decreases lexicographically, which gives the bound `2^n - 1` the same way.

## Main definitions

* `Hopfield.energyBound`: `B = ∑_{i<j} |W i j| + ∑_i |θ_i|`.
* `Hopfield.changeBound`: `min(B, 2^n - 1)`.
* `Hopfield.numChanges`: the number of state-changing steps along a schedule.
* `Hopfield.plusKey`: the potential `(n + 1) E + negCount` that encodes the lexicographic
  descent of `plus` ties.
* `Hopfield.sweepIter`: `k` cyclic sweeps.
* `Hopfield.IsFair`: every neuron occurs in every window of `k` consecutive steps.

## Main results

* `Hopfield.isFixedPoint_iff`, `Hopfield.isFixedPoint_keep_iff`,
  `Hopfield.isFixedPoint_plus_iff`: fixed points by fields.
* `Hopfield.natAbs_energy_le`: `|E(s)| ≤ B`.
* `Hopfield.numChanges_le_energyBound`, `Hopfield.numChanges_lt_two_pow`,
  `Hopfield.numChanges_le_changeBound`: at most `min(B, 2^n - 1)` changes (keep ties);
  `Hopfield.numChanges_plus_lt_two_pow`: at most `2^n - 1` changes (plus ties);
  `Hopfield.numChanges_lt_two_pow_of_potential`: the pigeonhole argument for any potential.
* `Hopfield.isFixedPoint_sweepIter` (and `_of_energyBound`, `_of_two_pow`): `changeBound + 1`
  sweeps reach a fixed point (keep ties); `Hopfield.isFixedPoint_sweepIter_plus`: `2^n`
  sweeps (plus ties).
* `Hopfield.isFixedPoint_runSchedule_take_of_isFair`: a fair schedule with window `k` reaches a
  fixed point within `k * (changeBound + 1)` steps (keep ties);
  `Hopfield.isFixedPoint_runSchedule_take_of_isFair_plus`: within `k * 2^n` steps (plus ties).
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-! ### Fixed points -/

/-- A state is a fixed point iff every neuron is stable: its updated bit is its bit
(spec T2). -/
theorem isFixedPoint_iff (rule : TieRule) (W : Weights n) (θ : Thresholds n) (s : State n) :
    IsFixedPoint rule W θ s ↔ ∀ i, updateValue rule (field W s i) (θ i) (s i) = s i :=
  forall_congr' fun i => asyncStep_eq_self_iff rule W θ s i

/-- With `keep` ties a bit is stable iff `+1` has `h ≥ t` and `-1` has `h ≤ t` (spec T2). -/
theorem updateBit_keep_eq_iff (h t : Int) (b : Bool) :
    updateValue .keep h t b = b ↔ (b = true → t ≤ h) ∧ (b = false → h ≤ t) := by
  unfold updateValue
  by_cases h1 : t < h
  · cases b <;> simp [h1] <;> omega
  · by_cases h2 : h < t
    · cases b <;> simp [h1, h2] <;> omega
    · cases b <;> simp [h1, h2] <;> omega

/-- With `plus` ties a bit is stable iff `+1` has `h ≥ t` and `-1` has `h < t` (spec T2). -/
theorem updateBit_plus_eq_iff (h t : Int) (b : Bool) :
    updateValue .plus h t b = b ↔ (b = true → t ≤ h) ∧ (b = false → h < t) := by
  unfold updateValue
  by_cases h1 : t < h
  · cases b <;> simp [h1] <;> omega
  · by_cases h2 : h < t
    · cases b <;> simp [h1, h2] <;> omega
    · cases b <;> simp [h1, h2] <;> omega

/-- Fixed points for `keep` ties: `s_i = +1 → h_i ≥ θ_i` and `s_i = -1 → h_i ≤ θ_i` for every
neuron (spec T2). -/
theorem isFixedPoint_keep_iff (W : Weights n) (θ : Thresholds n) (s : State n) :
    IsFixedPoint .keep W θ s ↔
      ∀ i, (s i = true → θ i ≤ field W s i) ∧ (s i = false → field W s i ≤ θ i) := by
  rw [isFixedPoint_iff]
  exact forall_congr' fun i => updateBit_keep_eq_iff _ _ _

/-- Fixed points for `plus` ties: `s_i = +1 → h_i ≥ θ_i` and `s_i = -1 → h_i < θ_i` for every
neuron (spec T2). -/
theorem isFixedPoint_plus_iff (W : Weights n) (θ : Thresholds n) (s : State n) :
    IsFixedPoint .plus W θ s ↔
      ∀ i, (s i = true → θ i ≤ field W s i) ∧ (s i = false → field W s i < θ i) := by
  rw [isFixedPoint_iff]
  exact forall_congr' fun i => updateBit_plus_eq_iff _ _ _

/-! ### The energy bound -/

/-- `B = ∑_{i<j} |W i j| + ∑_i |θ_i|`, a bound on `|E|` (spec T2). -/
def energyBound (W : Weights n) (θ : Thresholds n) : Int :=
  sumFin n (fun i => sumFin n (fun j => if i.val < j.val then ((W i j).natAbs : Int) else 0))
    + sumFin n (fun i => ((θ i).natAbs : Int))

/-- A weight times two spins has the absolute value of the weight (spec T2). -/
theorem natAbs_mul_spin_mul_spin (w : Int) (a b : Bool) :
    (w * spin a * spin b).natAbs = w.natAbs := by
  cases a <;> cases b <;> simp [spin]

/-- `|E(s)| ≤ B` for every state (no symmetry needed) (spec T2). -/
theorem natAbs_energy_le (W : Weights n) (θ : Thresholds n) (s : State n) :
    ((energy W θ s).natAbs : Int) ≤ energyBound W θ := by
  have hq : ((pairSum W s.val).natAbs : Int) ≤
      sumFin n (fun i => sumFin n (fun j =>
        if i.val < j.val then ((W i j).natAbs : Int) else 0)) := by
    refine Int.le_trans (natAbs_sumFin_le _) (sumFin_le_sumFin fun i => ?_)
    refine Int.le_trans (natAbs_sumFin_le _) (Int.le_of_eq (sumFin_congr fun j => ?_))
    by_cases h : i.val < j.val
    · simp only [h, if_true, State.val, natAbs_mul_spin_mul_spin]
    · simp [h]
  have hl : ((sumFin n (fun i => θ i * s.val i)).natAbs : Int) ≤
      sumFin n (fun i => ((θ i).natAbs : Int)) := by
    refine Int.le_trans (natAbs_sumFin_le _) (Int.le_of_eq (sumFin_congr fun i => ?_))
    simp only [State.val]
    cases s i <;> simp [spin]
  rw [energy_eq]
  unfold energyBound
  omega

/-- `-B ≤ E(s) ≤ B` (spec T2). -/
theorem energy_mem_bound (W : Weights n) (θ : Thresholds n) (s : State n) :
    -energyBound W θ ≤ energy W θ s ∧ energy W θ s ≤ energyBound W θ := by
  have := natAbs_energy_le W θ s
  omega

/-! ### Counting state-changing steps -/

/-- The number of state-changing steps when running schedule `is` from `s`: a step at `i`
counts iff its updated bit differs from `s_i`, i.e. iff it changes the state
(`asyncStep_eq_self_iff`) (spec T2). -/
def numChanges (rule : TieRule) (W : Weights n) (θ : Thresholds n) :
    State n → List (Fin n) → Nat
  | _, [] => 0
  | s, i :: is => (if updateValue rule (field W s i) (θ i) (s i) = s i then 0 else 1) +
      numChanges rule W θ (asyncStep rule W θ s i) is

/-- Running `l₁ ++ l₂` runs `l₁` then `l₂` (spec T2). -/
theorem runSchedule_append (rule : TieRule) (W : Weights n) (θ : Thresholds n) (s : State n)
    (l₁ l₂ : List (Fin n)) :
    runSchedule rule W θ s (l₁ ++ l₂) = runSchedule rule W θ (runSchedule rule W θ s l₁) l₂ := by
  induction l₁ generalizing s with
  | nil => rfl
  | cons i l ih => exact ih _

/-- Changes along `l₁ ++ l₂` add up (spec T2). -/
theorem numChanges_append (rule : TieRule) (W : Weights n) (θ : Thresholds n) (s : State n)
    (l₁ l₂ : List (Fin n)) :
    numChanges rule W θ s (l₁ ++ l₂) =
      numChanges rule W θ s l₁ + numChanges rule W θ (runSchedule rule W θ s l₁) l₂ := by
  induction l₁ generalizing s with
  | nil => simp [numChanges, runSchedule]
  | cons i l ih =>
    simp only [List.cons_append, numChanges, runSchedule, ih]
    omega

/-- A fixed point is left unchanged by every schedule (spec T2). -/
theorem runSchedule_of_isFixedPoint {rule : TieRule} {W : Weights n} {θ : Thresholds n}
    {s : State n} (hs : IsFixedPoint rule W θ s) (l : List (Fin n)) :
    runSchedule rule W θ s l = s := by
  induction l with
  | nil => rfl
  | cons i l ih =>
    simp only [runSchedule, hs i]
    exact ih

/-- With no change along `l`, every neuron of `l` is stable at `s` (spec T2). -/
theorem stable_of_numChanges_eq_zero {rule : TieRule} {W : Weights n} {θ : Thresholds n}
    {s : State n} {l : List (Fin n)} (h : numChanges rule W θ s l = 0) :
    ∀ i ∈ l, updateValue rule (field W s i) (θ i) (s i) = s i := by
  induction l generalizing s with
  | nil => simp
  | cons j l ih =>
    simp only [numChanges] at h
    have hj : updateValue rule (field W s j) (θ j) (s j) = s j := by
      by_cases e : updateValue rule (field W s j) (θ j) (s j) = s j
      · exact e
      · simp [e] at h
    have hs : asyncStep rule W θ s j = s := (asyncStep_eq_self_iff rule W θ s j).2 hj
    rw [hj, hs] at h
    intro i hi
    rcases List.mem_cons.1 hi with e | hi
    · rw [e]; exact hj
    · exact ih (by simpa using h) i hi

/-- From a state that is not a fixed point, a schedule containing every neuron makes at least
one change (spec T2). -/
theorem one_le_numChanges {rule : TieRule} {W : Weights n} {θ : Thresholds n} {s : State n}
    (hs : ¬ IsFixedPoint rule W θ s) {l : List (Fin n)} (hl : ∀ i, i ∈ l) :
    1 ≤ numChanges rule W θ s l := by
  apply Nat.pos_of_ne_zero
  intro h
  exact hs ((isFixedPoint_iff rule W θ s).2 fun i => stable_of_numChanges_eq_zero h i (hl i))

/-- Each change lowers the energy by at least `2` (keep ties, symmetric zero-diagonal `W`):
`2 · numChanges + E(end) ≤ E(start)` (spec T2). -/
theorem two_mul_numChanges_add_energy_le {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (l : List (Fin n)) :
    2 * (numChanges .keep W θ s l : Int) + energy W θ (runSchedule .keep W θ s l) ≤
      energy W θ s := by
  induction l generalizing s with
  | nil => simp [numChanges, runSchedule]
  | cons i l ih =>
    have h1 := ih (asyncStep .keep W θ s i)
    simp only [numChanges, runSchedule]
    by_cases e : updateValue .keep (field W s i) (θ i) (s i) = s i
    · have h2 := energy_asyncStep_le hW hd .keep θ s i
      simp only [e, if_true]
      omega
    · have hne : asyncStep .keep W θ s i ≠ s :=
        fun h => e ((asyncStep_eq_self_iff .keep W θ s i).1 h)
      have h2 := energy_asyncStep_keep_add_two_le hW hd θ s i hne
      simp only [e, if_false]
      omega

/-- Along any schedule the number of state-changing asynchronous steps is at most
`B = energyBound W θ` (keep ties, symmetric zero-diagonal `W`) (spec T2). -/
theorem numChanges_le_energyBound {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (l : List (Fin n)) :
    (numChanges .keep W θ s l : Int) ≤ energyBound W θ := by
  have h1 := two_mul_numChanges_add_energy_le hW hd θ s l
  have h2 := energy_mem_bound W θ s
  have h3 := energy_mem_bound W θ (runSchedule .keep W θ s l)
  omega


/-! ### No state repeats: at most `2^n - 1` changes -/

/-- A strictly decreasing list of integers, all taken from `L`, is no longer than `L`
(spec T2). -/
theorem length_le_of_pairwise_gt {l L : List Int} (hl : l.Pairwise (· > ·))
    (hL : ∀ x ∈ l, x ∈ L) : l.length ≤ L.length := by
  induction l generalizing L with
  | nil => exact Nat.zero_le _
  | cons a l ih =>
    rw [List.pairwise_cons] at hl
    have ha : a ∈ L := hL a (List.mem_cons_self ..)
    have hsub : ∀ x ∈ l, x ∈ L.erase a := by
      intro x hx
      have hne : x ≠ a := fun e => by have := hl.1 x hx; omega
      exact (List.mem_erase_of_ne hne).2 (hL x (List.mem_cons_of_mem _ hx))
    have h1 := ih hl.2 hsub
    rw [List.length_erase_of_mem ha] at h1
    have h2 := List.length_pos_of_mem ha
    simp only [List.length_cons]
    omega

/-- The potentials `κ` of the states met along a schedule, one for the start and one after
each state-changing step (spec T2). -/
def visitedKeys (rule : TieRule) (W : Weights n) (θ : Thresholds n) (κ : State n → Int) :
    State n → List (Fin n) → List Int
  | s, [] => [κ s]
  | s, i :: is =>
    if updateValue rule (field W s i) (θ i) (s i) = s i then
      visitedKeys rule W θ κ (asyncStep rule W θ s i) is
    else κ s :: visitedKeys rule W θ κ (asyncStep rule W θ s i) is

/-- One visited potential per change, plus the start (spec T2). -/
theorem length_visitedKeys (rule : TieRule) (W : Weights n) (θ : Thresholds n)
    (κ : State n → Int) (s : State n) (l : List (Fin n)) :
    (visitedKeys rule W θ κ s l).length = numChanges rule W θ s l + 1 := by
  induction l generalizing s with
  | nil => rfl
  | cons i l ih =>
    simp only [visitedKeys, numChanges]
    by_cases e : updateValue rule (field W s i) (θ i) (s i) = s i
    · simp only [e, if_true, ih]
      omega
    · simp only [e, if_false, List.length_cons, ih]
      omega

/-- Every visited potential is the potential of some state (spec T2). -/
theorem mem_visitedKeys (rule : TieRule) (W : Weights n) (θ : Thresholds n)
    (κ : State n → Int) (s : State n) (l : List (Fin n)) :
    ∀ x ∈ visitedKeys rule W θ κ s l, ∃ t : State n, x = κ t := by
  induction l generalizing s with
  | nil => intro x hx; simp only [visitedKeys, List.mem_singleton] at hx; exact ⟨s, hx⟩
  | cons i l ih =>
    intro x hx
    simp only [visitedKeys] at hx
    split at hx
    · exact ih _ x hx
    · rcases List.mem_cons.1 hx with e | hx
      · exact ⟨s, e⟩
      · exact ih _ x hx

/-- For a potential that no step raises, the visited potentials are at most the starting one
(spec T2). -/
theorem le_of_mem_visitedKeys {rule : TieRule} {W : Weights n} {θ : Thresholds n}
    {κ : State n → Int} (hle : ∀ s i, κ (asyncStep rule W θ s i) ≤ κ s) (s : State n)
    (l : List (Fin n)) : ∀ x ∈ visitedKeys rule W θ κ s l, x ≤ κ s := by
  induction l generalizing s with
  | nil => intro x hx; simp only [visitedKeys, List.mem_singleton] at hx; omega
  | cons i l ih =>
    intro x hx
    have h2 := hle s i
    simp only [visitedKeys] at hx
    split at hx
    · have := ih _ x hx; omega
    · rcases List.mem_cons.1 hx with e | hx
      · omega
      · have := ih _ x hx; omega

/-- For a potential that no step raises and every state-changing step lowers, the visited
potentials strictly decrease (spec T2). -/
theorem pairwise_visitedKeys {rule : TieRule} {W : Weights n} {θ : Thresholds n}
    {κ : State n → Int} (hle : ∀ s i, κ (asyncStep rule W θ s i) ≤ κ s)
    (hlt : ∀ s i, asyncStep rule W θ s i ≠ s → κ (asyncStep rule W θ s i) < κ s)
    (s : State n) (l : List (Fin n)) : (visitedKeys rule W θ κ s l).Pairwise (· > ·) := by
  induction l generalizing s with
  | nil => simp [visitedKeys]
  | cons i l ih =>
    simp only [visitedKeys]
    split
    · exact ih _
    · rename_i e
      have hne : asyncStep rule W θ s i ≠ s :=
        fun h => e ((asyncStep_eq_self_iff rule W θ s i).1 h)
      have h2 := hlt s i hne
      refine List.pairwise_cons.2 ⟨fun x hx => ?_, ih _⟩
      have := le_of_mem_visitedKeys hle _ l x hx
      omega

/-- If an integer potential `κ` is never raised by a step and is lowered by every
state-changing step, then no state repeats, so along any schedule there are at most
`2^n - 1` state-changing steps (spec T2). -/
theorem numChanges_lt_two_pow_of_potential {rule : TieRule} {W : Weights n}
    {θ : Thresholds n} (κ : State n → Int) (hle : ∀ s i, κ (asyncStep rule W θ s i) ≤ κ s)
    (hlt : ∀ s i, asyncStep rule W θ s i ≠ s → κ (asyncStep rule W θ s i) < κ s)
    (s : State n) (l : List (Fin n)) : numChanges rule W θ s l < 2 ^ n := by
  have h := length_le_of_pairwise_gt (pairwise_visitedKeys hle hlt s l)
    (L := (allStates n).map κ) (fun x hx => by
      obtain ⟨t, rfl⟩ := mem_visitedKeys rule W θ κ s l x hx
      exact List.mem_map.2 ⟨t, mem_enumStates t, rfl⟩)
  rw [length_visitedKeys, List.length_map, length_enumStates] at h
  omega

/-- Along any schedule the number of state-changing asynchronous steps is at most `2^n - 1`
(keep ties, symmetric zero-diagonal `W`): the energy strictly decreases at each change, so
the visited states are distinct (spec T2). -/
theorem numChanges_lt_two_pow {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (l : List (Fin n)) :
    numChanges .keep W θ s l < 2 ^ n :=
  numChanges_lt_two_pow_of_potential (energy W θ) (energy_asyncStep_le hW hd .keep θ)
    (fun s i hne => by have := energy_asyncStep_keep_add_two_le hW hd θ s i hne; omega) s l

/-- A constant sum: `∑_{i<n} c = n c` (spec T2). -/
theorem sumFin_const (n : Nat) (c : Int) : sumFin n (fun _ => c) = n * c := by
  induction n with
  | zero => simp
  | succ n ih =>
    rw [sumFin_succ, ih]
    simp only [Int.natCast_add, Int.add_mul]
    omega

/-- `0 ≤ negCount s ≤ n` (spec T2). -/
theorem negCount_mem (s : State n) : 0 ≤ negCount s ∧ negCount s ≤ n := by
  constructor
  · exact sumFin_nonneg fun i => by cases s i <;> simp
  · have := sumFin_le_sumFin (f := fun i => if s i then 0 else 1) (g := fun _ => 1)
      (fun i => by cases h : s i <;> simp [h])
    rw [sumFin_const] at this
    unfold negCount
    omega

/-- The lexicographic potential `(n + 1) E(s) + negCount s` of `plus` ties (spec T2). -/
def plusKey (W : Weights n) (θ : Thresholds n) (s : State n) : Int :=
  (n + 1) * energy W θ s + negCount s

/-- With `plus` ties a state-changing step lowers `plusKey` (spec T2). -/
theorem plusKey_asyncStep_lt {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (i : Fin n)
    (hne : asyncStep .plus W θ s i ≠ s) :
    plusKey W θ (asyncStep .plus W θ s i) < plusKey W θ s := by
  unfold plusKey
  have h1 := negCount_mem s
  have h2 := negCount_mem (asyncStep .plus W θ s i)
  rcases energy_asyncStep_plus_of_ne hW hd θ s i hne with h | ⟨h, hc⟩
  · have h3 : ((n : Int) + 1) * energy W θ (asyncStep .plus W θ s i) ≤
        ((n : Int) + 1) * (energy W θ s - 2) :=
      Int.mul_le_mul_of_nonneg_left (by omega) (by omega)
    rw [Int.mul_sub] at h3
    omega
  · rw [h]
    omega

/-- With `plus` ties every step leaves `plusKey` unchanged or lowers it (spec T2). -/
theorem plusKey_asyncStep_le {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (i : Fin n) :
    plusKey W θ (asyncStep .plus W θ s i) ≤ plusKey W θ s := by
  by_cases h : asyncStep .plus W θ s i = s
  · rw [h]; exact Int.le_refl _
  · exact Int.le_of_lt (plusKey_asyncStep_lt hW hd θ s i h)

/-- With `plus` ties too, along any schedule the number of state-changing asynchronous
steps is at most `2^n - 1` (symmetric zero-diagonal `W`), since `(E, negCount)` strictly
decreases lexicographically at each change (spec T2). -/
theorem numChanges_plus_lt_two_pow {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (l : List (Fin n)) :
    numChanges .plus W θ s l < 2 ^ n :=
  numChanges_lt_two_pow_of_potential (plusKey W θ) (plusKey_asyncStep_le hW hd θ)
    (plusKey_asyncStep_lt hW hd θ) s l

/-- The bound `min(B, 2^n - 1)` on the number of state-changing steps (spec T2). -/
def changeBound (W : Weights n) (θ : Thresholds n) : Nat :=
  min (energyBound W θ).toNat (2 ^ n - 1)

/-- Along any schedule the number of state-changing asynchronous steps is at most
`min(B, 2^n - 1)` (keep ties, symmetric zero-diagonal `W`) (spec T2). -/
theorem numChanges_le_changeBound {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (l : List (Fin n)) :
    numChanges .keep W θ s l ≤ changeBound W θ := by
  have h1 := numChanges_le_energyBound hW hd θ s l
  have h2 := numChanges_lt_two_pow hW hd θ s l
  unfold changeBound
  omega

/-! ### Sweeps and fair schedules -/

/-- Running a list of windows, each containing every neuron, from a state, ends at a fixed
point unless every window made a change (spec T2). -/
theorem length_le_numChanges_flatten {rule : TieRule} {W : Weights n} {θ : Thresholds n}
    (ws : List (List (Fin n))) (hws : ∀ w ∈ ws, ∀ i, i ∈ w) (s : State n)
    (hs : ¬ IsFixedPoint rule W θ (runSchedule rule W θ s ws.flatten)) :
    ws.length ≤ numChanges rule W θ s ws.flatten := by
  induction ws generalizing s with
  | nil => exact Nat.zero_le _
  | cons w ws ih =>
    simp only [List.flatten_cons, runSchedule_append, numChanges_append] at hs ⊢
    have h1 := ih (fun w' hw' => hws w' (List.mem_cons_of_mem _ hw')) _ hs
    have h0 : ¬ IsFixedPoint rule W θ s := by
      intro hfix
      rw [runSchedule_of_isFixedPoint hfix, runSchedule_of_isFixedPoint hfix] at hs
      exact hs hfix
    have h2 := one_le_numChanges h0 (hws w (List.mem_cons_self ..))
    simp only [List.length_cons]
    omega

/-- If no schedule makes more than `C` changes, running more than `C` windows, each
containing every neuron, ends at a fixed point (spec T2). -/
theorem isFixedPoint_runSchedule_flatten {rule : TieRule} {W : Weights n}
    {θ : Thresholds n} {C : Nat} (hC : ∀ s l, numChanges rule W θ s l ≤ C) (s : State n)
    (ws : List (List (Fin n))) (hws : ∀ w ∈ ws, ∀ i, i ∈ w) (hlen : C < ws.length) :
    IsFixedPoint rule W θ (runSchedule rule W θ s ws.flatten) := by
  refine Classical.byContradiction fun hs => ?_
  have h1 := length_le_numChanges_flatten ws hws s hs
  have h2 := hC s ws.flatten
  omega

/-- `k` cyclic sweeps (spec T2). -/
def sweepIter (rule : TieRule) (W : Weights n) (θ : Thresholds n) : Nat → State n → State n
  | 0, s => s
  | k + 1, s => sweepIter rule W θ k (sweep rule W θ s)

/-- `k` sweeps run the schedule `0, …, n-1` repeated `k` times (spec T2). -/
theorem sweepIter_eq (rule : TieRule) (W : Weights n) (θ : Thresholds n) (k : Nat)
    (s : State n) :
    sweepIter rule W θ k s =
      runSchedule rule W θ s (List.replicate k (List.finRange n)).flatten := by
  induction k generalizing s with
  | zero => rfl
  | succ k ih =>
    rw [List.replicate_succ, List.flatten_cons, runSchedule_append, sweepIter, ih]
    rfl

/-- If no schedule makes more than `C` changes, `C + 1` cyclic sweeps reach a fixed point
(spec T2). -/
theorem isFixedPoint_sweepIter_of_bound {rule : TieRule} {W : Weights n} {θ : Thresholds n}
    {C : Nat} (hC : ∀ s l, numChanges rule W θ s l ≤ C) (s : State n) {k : Nat}
    (hk : C + 1 ≤ k) : IsFixedPoint rule W θ (sweepIter rule W θ k s) := by
  rw [sweepIter_eq]
  apply isFixedPoint_runSchedule_flatten hC s
  · intro w hw i
    rw [List.eq_of_mem_replicate hw]
    exact List.mem_finRange i
  · rw [List.length_replicate]
    omega

/-- Cyclic sweeps reach a fixed point within `min(B, 2^n - 1) + 1` sweeps (keep ties,
symmetric zero-diagonal `W`) (spec T2). -/
theorem isFixedPoint_sweepIter {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) {k : Nat}
    (hk : changeBound W θ + 1 ≤ k) : IsFixedPoint .keep W θ (sweepIter .keep W θ k s) :=
  isFixedPoint_sweepIter_of_bound (numChanges_le_changeBound hW hd θ) s hk

/-- Cyclic sweeps reach a fixed point within `B + 1` sweeps (keep ties) (spec T2). -/
theorem isFixedPoint_sweepIter_of_energyBound {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) {k : Nat}
    (hk : energyBound W θ + 1 ≤ k) : IsFixedPoint .keep W θ (sweepIter .keep W θ k s) := by
  apply isFixedPoint_sweepIter hW hd θ s
  have : changeBound W θ ≤ (energyBound W θ).toNat := Nat.min_le_left _ _
  have := energy_mem_bound W θ s
  omega

/-- `0 < 2^n` (spec T2). -/
theorem two_pow_pos (n : Nat) : 0 < 2 ^ n := by
  have := length_enumStates (n := n)
  have := List.length_pos_of_mem (mem_enumStates (fun _ : Fin n => true))
  omega

/-- Cyclic sweeps reach a fixed point within `2^n` sweeps (keep ties) (spec T2). -/
theorem isFixedPoint_sweepIter_of_two_pow {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) {k : Nat}
    (hk : 2 ^ n ≤ k) : IsFixedPoint .keep W θ (sweepIter .keep W θ k s) := by
  apply isFixedPoint_sweepIter hW hd θ s
  have : changeBound W θ ≤ 2 ^ n - 1 := Nat.min_le_right _ _
  have := two_pow_pos n
  omega

/-- With `plus` ties, cyclic sweeps reach a fixed point within `2^n` sweeps (symmetric
zero-diagonal `W`) (spec T2). -/
theorem isFixedPoint_sweepIter_plus {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) {k : Nat}
    (hk : 2 ^ n ≤ k) : IsFixedPoint .plus W θ (sweepIter .plus W θ k s) := by
  have := two_pow_pos n
  exact isFixedPoint_sweepIter_of_bound (C := 2 ^ n - 1)
    (fun s l => by have := numChanges_plus_lt_two_pow hW hd θ s l; omega) s (by omega)

/-- A schedule is fair with window `k` if every neuron occurs in every `k` consecutive
steps (spec T2). -/
def IsFair (k : Nat) (l : List (Fin n)) : Prop :=
  ∀ m, m + k ≤ l.length → ∀ i, i ∈ (l.drop m).take k

/-- The first `k * c` steps of a fair schedule split into `c` windows, each containing every
neuron (spec T2). -/
theorem exists_windows_of_isFair {k : Nat} (c : Nat) :
    ∀ l : List (Fin n), IsFair k l → k * c ≤ l.length →
      ∃ ws : List (List (Fin n)), ws.flatten = l.take (k * c) ∧ ws.length = c ∧
        ∀ w ∈ ws, ∀ i, i ∈ w := by
  induction c with
  | zero => intro l _ _; exact ⟨[], by simp, rfl, by simp⟩
  | succ c ih =>
    intro l hf hlen
    have hk : k ≤ l.length := by rw [Nat.mul_succ] at hlen; omega
    have hf' : IsFair k (l.drop k) := by
      intro m hm i
      rw [List.drop_drop]
      rw [List.length_drop] at hm
      exact hf (k + m) (by omega) i
    have hlen' : k * c ≤ (l.drop k).length := by
      rw [List.length_drop, Nat.mul_succ] at *; omega
    obtain ⟨ws, h1, h2, h3⟩ := ih (l.drop k) hf' hlen'
    refine ⟨l.take k :: ws, ?_, by simp [h2], ?_⟩
    · rw [List.flatten_cons, h1, Nat.mul_succ, Nat.add_comm, List.take_add]
    · intro w hw i
      rcases List.mem_cons.1 hw with e | hw
      · rw [e]
        have := hf 0 (by omega) i
        simpa using this
      · exact h3 w hw i

/-- If no schedule makes more than `C` changes, a fair schedule with window `k` reaches a
fixed point within `k * (C + 1)` steps and stays there (spec T2). -/
theorem isFixedPoint_runSchedule_take_of_bound {rule : TieRule} {W : Weights n}
    {θ : Thresholds n} {C : Nat} (hC : ∀ s l, numChanges rule W θ s l ≤ C) (s : State n)
    {k : Nat} {l : List (Fin n)} (hf : IsFair k l) (hlen : k * (C + 1) ≤ l.length) {m : Nat}
    (hm : k * (C + 1) ≤ m) : IsFixedPoint rule W θ (runSchedule rule W θ s (l.take m)) := by
  obtain ⟨ws, h1, h2, h3⟩ := exists_windows_of_isFair (C + 1) l hf hlen
  have hfix := isFixedPoint_runSchedule_flatten hC s ws h3 (by omega)
  rw [h1] at hfix
  have : l.take m = l.take (k * (C + 1)) ++ (l.drop (k * (C + 1))).take (m - k * (C + 1)) := by
    rw [← List.take_add]
    congr 1
    omega
  rw [this, runSchedule_append, runSchedule_of_isFixedPoint hfix]
  exact hfix

/-- A fair schedule (every neuron in every window of `k` steps) reaches a fixed point within
`k * (min(B, 2^n - 1) + 1)` steps, and stays there (keep ties, symmetric zero-diagonal `W`)
(spec T2). -/
theorem isFixedPoint_runSchedule_take_of_isFair {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) {k : Nat} {l : List (Fin n)}
    (hf : IsFair k l) (hlen : k * (changeBound W θ + 1) ≤ l.length) {m : Nat}
    (hm : k * (changeBound W θ + 1) ≤ m) :
    IsFixedPoint .keep W θ (runSchedule .keep W θ s (l.take m)) :=
  isFixedPoint_runSchedule_take_of_bound (numChanges_le_changeBound hW hd θ) s hf hlen hm

/-- With `plus` ties, a fair schedule with window `k` reaches a fixed point within
`k * 2^n` steps, and stays there (symmetric zero-diagonal `W`) (spec T2). -/
theorem isFixedPoint_runSchedule_take_of_isFair_plus {W : Weights n}
    (hW : ∀ i j, W i j = W j i) (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n)
    {k : Nat} {l : List (Fin n)} (hf : IsFair k l) (hlen : k * 2 ^ n ≤ l.length) {m : Nat}
    (hm : k * 2 ^ n ≤ m) : IsFixedPoint .plus W θ (runSchedule .plus W θ s (l.take m)) := by
  have hp := two_pow_pos n
  have e : 2 ^ n - 1 + 1 = 2 ^ n := by omega
  exact isFixedPoint_runSchedule_take_of_bound (C := 2 ^ n - 1)
    (fun s l => by have := numChanges_plus_lt_two_pow hW hd θ s l; omega) s hf
    (by rw [e]; exact hlen) (by rw [e]; exact hm)

/-! ### Kernel-checked examples -/

-- B for the example net: |1| + |-2| + |3| + |0| + |1| + |0| = 7, and 2^3 - 1 = 7.
example : energyBound exW exθ = 7 ∧ changeBound exW exθ = 7 := by decide +kernel
-- Two sweeps from [+1,-1,+1]: the first flips neurons 0 and 1, the second changes nothing.
example : numChanges .keep exW exθ exS (List.finRange 3 ++ List.finRange 3) = 2 := by
  decide +kernel
-- exS is not a fixed point (neuron 0 has h_0 = -3 < 0 = θ_0), one sweep gives one.
example : ¬ ∀ i, updateValue .keep (field exW exS i) (exθ i) (exS i) = exS i := by decide +kernel
example : ∀ i, updateValue .keep (field exW (sweepIter .keep exW exθ 1 exS) i) (exθ i)
    (sweepIter .keep exW exθ 1 exS i) = sweepIter .keep exW exθ 1 exS i := by decide +kernel
-- The schedule 0,1,2,0,1,2,0,1,2 is fair with window 3: every window of 3 consecutive steps
-- (starting at m = 0, …, 6) contains every neuron.
example : ∀ m : Fin 7, ∀ i : Fin 3,
    i ∈ ((List.finRange 3 ++ List.finRange 3 ++ List.finRange 3).drop m).take 3 := by
  decide +kernel

end Hopfield

end

end
