module

public import Hopfield.Hebbian

/-!
# Error correction by a Hebbian network (spec T4)

Let `p` be one of `m` pairwise-orthogonal patterns stored by the Hebbian rule (zero
thresholds), and let `s` be a state at Hamming distance `d` from `p` with `m (2d + 1) < n`.
The field at `s` then has the sign of `p` at every neuron:
`p_i h_i(s) ≥ (n - 2d) - (m - 1) 2d - m = n - m (2d + 1) > 0`.
Hence (under both tie rules)

* one synchronous step gives `p`;
* every asynchronous step at `i` sets neuron `i` to `p_i`, so it never increases the distance
  to `p` and the hypothesis is kept along any schedule;
* after any schedule `l` the state is exactly `p` on the neurons of `l` and `s` elsewhere; so
  one cyclic sweep, or any schedule visiting every neuron, gives `p`.

## Main results

* `Hopfield.spin_mul_field_hebbian_pos`: `0 < p_i h_i(s)`.
* `Hopfield.syncStep_hebbian_eq`: one synchronous step gives `p`.
* `Hopfield.asyncStep_hebbian_eq`: an asynchronous step at `i` sets neuron `i` to `p_i`.
* `Hopfield.hamming_asyncStep_hebbian_le`: an asynchronous step never increases `d(·, p)`.
* `Hopfield.runSchedule_hebbian`, `Hopfield.runSchedule_hebbian_eq`, `Hopfield.sweep_hebbian`:
  the state after a schedule, and convergence to `p`.
* Kernel-checked examples: two orthogonal patterns on 8 neurons and a one-bit error.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- A list sum of terms bounded below by `-B` is at least `-(length) B` (spec T4). -/
theorem list_sum_map_ge {α : Type} (l : List α) (F : α → Int) (B : Int)
    (h : ∀ q ∈ l, -B ≤ F q) : -((l.length : Int) * B) ≤ (l.map F).sum := by
  induction l with
  | nil => simp
  | cons a l ih =>
    have h1 := h a (List.mem_cons_self ..)
    have h2 := ih (fun q hq => h q (List.mem_cons_of_mem _ hq))
    simp only [List.map_cons, List.sum_cons, List.length_cons]
    grind

/-- Over pairwise-orthogonal patterns, if every term orthogonal to `p ∈ ps` is at least `-B`,
the sum is at least `F p - (m - 1) B` (spec T4). -/
theorem list_sum_map_orth_ge {n : Nat} {ps : List (State n)} (hps : PairwiseOrthogonal ps)
    {p : State n} (hp : p ∈ ps) (F : State n → Int) (B : Int)
    (hF : ∀ q, overlap p q = 0 → -B ≤ F q) :
    F p - ((ps.length : Int) - 1) * B ≤ (ps.map F).sum := by
  induction ps with
  | nil => simp at hp
  | cons a l ih =>
    unfold PairwiseOrthogonal at hps
    rw [List.pairwise_cons] at hps
    simp only [List.map_cons, List.sum_cons, List.length_cons]
    rcases List.mem_cons.mp hp with rfl | hl
    · have := list_sum_map_ge l F B (fun q hq => hF q (hps.1 q hq))
      grind
    · have h1 := hF a (by rw [overlap_comm]; exact hps.1 p hl)
      have h2 := ih hps.2 hl
      grind

/-- The field at a state `s` near a stored pattern `p`:
`p_i h_i(s) ≥ n - 2d - (m - 1) 2d - m` with `d = d(s, p)` (spec T4). -/
theorem spin_mul_field_hebbian_ge {n : Nat} {ps : List (State n)} (hps : PairwiseOrthogonal ps)
    {p : State n} (hp : p ∈ ps) (s : State n) (i : Fin n) :
    (n : Int) - 2 * hamming s p - ((ps.length : Int) - 1) * (2 * hamming s p) - ps.length
      ≤ p.val i * field (hebbian ps) s i := by
  rw [field_hebbian, Int.mul_sub, Int.mul_comm (p.val i), list_sum_map_mul]
  have hsum := list_sum_map_orth_ge hps hp (fun q => q.val i * overlap q s * p.val i)
    (2 * hamming s p) (fun q hq => by
      have hb := overlap_orth_bound p q s (by rw [overlap_comm]; exact hq)
      simp only [State.val, spin]
      cases q i <;> cases p i <;> simp <;> omega)
  have hpp : p.val i * overlap p s * p.val i = overlap p s := by
    simp only [State.val, spin]; cases p i <;> simp
  have hs : -(ps.length : Int) ≤ -(p.val i * (ps.length * s.val i)) := by
    simp only [State.val, spin]; cases s i <;> cases p i <;> simp
  simp only [] at hsum
  rw [hpp, overlap_eq_sub_hamming] at hsum
  first | omega | grind

/-- If `m (2d + 1) < n`, the field at `s` has the sign of `p` at every neuron (spec T4). -/
theorem spin_mul_field_hebbian_pos {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) {p : State n} (hp : p ∈ ps) {s : State n}
    (hd : ps.length * (2 * hamming s p + 1) < n) (i : Fin n) :
    0 < p.val i * field (hebbian ps) s i := by
  have := spin_mul_field_hebbian_ge hps hp s i
  have hd' : (ps.length : Int) * (2 * hamming s p + 1) < n := by exact_mod_cast hd
  grind

/-- Error correction in one synchronous step: if `m (2 d(s, p) + 1) < n` then one synchronous
step from `s` gives `p`, under either tie rule (spec T4). -/
theorem syncStep_hebbian_eq (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) {p : State n} (hp : p ∈ ps) {s : State n}
    (hd : ps.length * (2 * hamming s p + 1) < n) :
    syncStep rule (hebbian ps) (fun _ => 0) s = p := by
  funext i
  exact updateBit_of_spin_mul_pos rule (s i) (spin_mul_field_hebbian_pos hps hp hd i)

/-- If `m (2 d(s, p) + 1) < n`, an asynchronous step at `i` sets neuron `i` to `p_i`, under
either tie rule (spec T4). -/
theorem asyncStep_hebbian_eq (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) {p : State n} (hp : p ∈ ps) {s : State n}
    (hd : ps.length * (2 * hamming s p + 1) < n) (i : Fin n) :
    asyncStep rule (hebbian ps) (fun _ => 0) s i = s.set i (p i) := by
  funext j
  unfold asyncStep State.set
  split
  · rename_i hj
    subst hj
    exact updateBit_of_spin_mul_pos rule (s j) (spin_mul_field_hebbian_pos hps hp hd j)
  · rfl

/-- Setting a neuron to its value in `p` does not increase the distance to `p` (spec T4). -/
theorem hamming_set_le {n : Nat} (s p : State n) (i : Fin n) :
    hamming (s.set i (p i)) p ≤ hamming s p := by
  have : (hamming (s.set i (p i)) p : Int) ≤ hamming s p := by
    rw [hamming_eq_sumFin, hamming_eq_sumFin]
    apply sumFin_le_sumFin
    intro j
    unfold State.set
    split
    · rename_i hj; subst hj; simp; split <;> omega
    · exact Int.le_refl _
  omega

/-- If `m (2 d(s, p) + 1) < n`, an asynchronous step never increases the distance to `p`, under
either tie rule (spec T4). -/
theorem hamming_asyncStep_hebbian_le (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) {p : State n} (hp : p ∈ ps) {s : State n}
    (hd : ps.length * (2 * hamming s p + 1) < n) (i : Fin n) :
    hamming (asyncStep rule (hebbian ps) (fun _ => 0) s i) p ≤ hamming s p := by
  rw [asyncStep_hebbian_eq rule hps hp hd]
  exact hamming_set_le s p i

/-- If `m (2 d(s, p) + 1) < n`, after the asynchronous steps of any schedule `l` the state is
`p` on the neurons of `l` and `s` elsewhere, under either tie rule (spec T4). -/
theorem runSchedule_hebbian (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) {p : State n} (hp : p ∈ ps) (l : List (Fin n)) :
    ∀ {s : State n}, ps.length * (2 * hamming s p + 1) < n →
      runSchedule rule (hebbian ps) (fun _ => 0) s l = fun j => if j ∈ l then p j else s j := by
  induction l with
  | nil => intro s _; funext j; simp [runSchedule]
  | cons i l ih =>
    intro s hd
    have hle := hamming_set_le s p i
    have hd' : ps.length * (2 * hamming (s.set i (p i)) p + 1) < n :=
      Nat.lt_of_le_of_lt (Nat.mul_le_mul_left _ (by omega)) hd
    simp only [runSchedule]
    rw [asyncStep_hebbian_eq rule hps hp hd, ih hd']
    funext j
    by_cases hj : j = i
    · subst hj; simp [State.set]
    · simp [State.set, hj]

/-- If `m (2 d(s, p) + 1) < n`, any schedule visiting every neuron takes `s` to `p`, under
either tie rule (spec T4). -/
theorem runSchedule_hebbian_eq (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) {p : State n} (hp : p ∈ ps) {s : State n}
    (hd : ps.length * (2 * hamming s p + 1) < n) {l : List (Fin n)} (hl : ∀ j, j ∈ l) :
    runSchedule rule (hebbian ps) (fun _ => 0) s l = p := by
  rw [runSchedule_hebbian rule hps hp l hd]
  funext j
  simp [hl j]

/-- If `m (2 d(s, p) + 1) < n`, one cyclic sweep takes `s` to `p`, under either tie rule
(spec T4). -/
theorem sweep_hebbian (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) {p : State n} (hp : p ∈ ps) {s : State n}
    (hd : ps.length * (2 * hamming s p + 1) < n) :
    sweep rule (hebbian ps) (fun _ => 0) s = p :=
  runSchedule_hebbian_eq rule hps hp hd (List.mem_finRange)

/-! ### Kernel-checked examples: two orthogonal patterns on 8 neurons, one flipped bit -/

/-- Two orthogonal patterns on 8 neurons (Hadamard rows 1 and 2). -/
def exPair : List (State 8) :=
  [exState8 [true, false, true, false, true, false, true, false],
   exState8 [true, true, false, false, true, true, false, false]]

/-- The first pattern of `exPair` with neuron 2 flipped: distance 1, and `2 (2·1 + 1) = 6 < 8`. -/
def exNoisy : State 8 := exState8 [true, false, false, false, true, false, true, false]

example : PairwiseOrthogonal exPair := by decide +kernel
example : hamming exNoisy (exPair[0]'(by decide)) = 1 := by decide +kernel
example : (syncStep .keep (hebbian exPair) (fun _ => 0) exNoisy).toList
    = [1, -1, 1, -1, 1, -1, 1, -1] := by decide +kernel
example : (sweep .plus (hebbian exPair) (fun _ => 0) exNoisy).toList
    = [1, -1, 1, -1, 1, -1, 1, -1] := by decide +kernel
example (rule : TieRule) :
    syncStep rule (hebbian exPair) (fun _ => 0) exNoisy = exPair[0]'(by decide) :=
  syncStep_hebbian_eq rule (by decide +kernel) (List.getElem_mem _) (by decide +kernel)
example (rule : TieRule) :
    sweep rule (hebbian exPair) (fun _ => 0) exNoisy = exPair[0]'(by decide) :=
  sweep_hebbian rule (by decide +kernel) (List.getElem_mem _) (by decide +kernel)

end Hopfield

end

end
