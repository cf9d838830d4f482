module

public import Hopfield.HebbianSum

/-!
# Dense associative memory: energy descent and convergence (spec T6)

For the dense associative memory with energy `E(s) = -∑_μ (ξ_μ · s) ^ a` and the step that
gives neuron `i` the value of lower energy (keeping `s_i` on a tie):

* a step never raises the energy: the new energy is `min (E(s^{i+}), E(s^{i-}))`;
* a step that changes the state lowers the energy by at least `1` (integers);
* `|E(s)| ≤ m n^a`, so along any schedule at most `2 m n^a` steps change the state;
* hence `2 m n^a + 1` cyclic sweeps reach a fixed point, which every later sweep keeps.

No hypothesis on `a` is needed (for `a = 0` the energy is constant and nothing ever changes).

## Main results

* `Hopfield.denseEnergy_denseStep`: `E(step) = min (E(s^{i+}), E(s^{i-}))`.
* `Hopfield.denseEnergy_denseStep_le`: energy never increases.
* `Hopfield.denseEnergy_denseStep_lt`: a state-changing step lowers the energy (by `≥ 1`).
* `Hopfield.natAbs_denseEnergy_le`: `|E(s)| ≤ m n^a`.
* `Hopfield.denseEnergy_denseRun_add_le`, `Hopfield.denseChanges_le`: at most `2 m n^a`
  state-changing steps along any schedule.
* `Hopfield.isDenseFixedPoint_denseSweeps`: `2 m n^a + 1` cyclic sweeps reach a fixed point.
* Kernel-checked examples on 4 neurons.
-/

@[expose] public section

namespace Hopfield

/-- The energy of `s` is that of `s.set i true` or `s.set i false`, by the bit of `i`
(spec T6). -/
theorem denseEnergy_eq_set {n : Nat} (a : Nat) (ps : List (State n)) (s : State n)
    (i : Fin n) :
    denseEnergy a ps s = if s i then denseEnergy a ps (s.set i true)
      else denseEnergy a ps (s.set i false) := by
  conv => lhs; rw [← State.set_self_eq s i]
  cases s i <;> rfl

/-- A dense step takes the lower of the two energies `E(s^{i+})`, `E(s^{i-})` (spec T6). -/
theorem denseEnergy_denseStep {n : Nat} (a : Nat) (ps : List (State n)) (s : State n)
    (i : Fin n) :
    denseEnergy a ps (denseStep a ps s i)
      = min (denseEnergy a ps (s.set i true)) (denseEnergy a ps (s.set i false)) := by
  have hs := denseEnergy_eq_set a ps s i
  unfold denseStep
  split
  · omega
  · split
    · omega
    · rw [State.set_self_eq]
      split at hs <;> omega

/-- Dense energy descent: a step never raises the energy (spec T6). -/
theorem denseEnergy_denseStep_le {n : Nat} (a : Nat) (ps : List (State n)) (s : State n)
    (i : Fin n) : denseEnergy a ps (denseStep a ps s i) ≤ denseEnergy a ps s := by
  rw [denseEnergy_denseStep, denseEnergy_eq_set a ps s i]
  split <;> omega

/-- A dense step at `i` changes only neuron `i`, so it changes the state iff it changes
neuron `i` (spec T6). -/
theorem denseStep_eq_self_iff {n : Nat} (a : Nat) (ps : List (State n)) (s : State n)
    (i : Fin n) : denseStep a ps s i = s ↔ denseStep a ps s i i = s i := by
  constructor
  · intro h; rw [h]
  · intro h
    funext j
    by_cases hj : j = i
    · subst hj; exact h
    · exact State.set_ne s _ hj

/-- Strict dense energy descent: a step that changes the state lowers the energy, hence by at
least `1` (spec T6). -/
theorem denseEnergy_denseStep_lt {n : Nat} (a : Nat) (ps : List (State n)) (s : State n)
    (i : Fin n) (h : denseStep a ps s i ≠ s) :
    denseEnergy a ps (denseStep a ps s i) < denseEnergy a ps s := by
  rw [Ne, denseStep_eq_self_iff] at h
  have hs := denseEnergy_eq_set a ps s i
  rw [denseEnergy_denseStep]
  unfold denseStep at h
  rw [State.set_self] at h
  cases hsi : s i
  · rw [hsi] at h hs
    simp only [Bool.false_eq_true, if_false] at hs
    split at h
    · omega
    · split at h
      · exact absurd rfl h
      · exact absurd rfl h
  · rw [hsi] at h hs
    simp only [if_true] at hs
    split at h
    · exact absurd rfl h
    · split at h
      · omega
      · exact absurd rfl h

/-- Along any schedule, the final energy plus the number of state-changing steps is at most
the initial energy (spec T6). -/
theorem denseEnergy_denseRun_add_le {n : Nat} (a : Nat) (ps : List (State n))
    (l : List (Fin n)) : ∀ s : State n,
    denseEnergy a ps (denseRun a ps s l) + denseChanges a ps s l ≤ denseEnergy a ps s := by
  induction l with
  | nil => intro s; simp [denseRun, denseChanges]
  | cons i l ih =>
    intro s
    have h1 := ih (denseStep a ps s i)
    simp only [denseRun, denseChanges]
    by_cases h : denseStep a ps s i i = s i
    · rw [if_pos h]
      have := denseEnergy_denseStep_le a ps s i
      omega
    · rw [if_neg h]
      have := denseEnergy_denseStep_lt a ps s i (fun e => h (by rw [e]))
      omega

/-- Along any schedule the energy never increases (spec T6). -/
theorem denseEnergy_denseRun_le {n : Nat} (a : Nat) (ps : List (State n)) (s : State n)
    (l : List (Fin n)) : denseEnergy a ps (denseRun a ps s l) ≤ denseEnergy a ps s := by
  have := denseEnergy_denseRun_add_le a ps l s
  omega

/-- A list sum of terms at most `B` in absolute value is at most `length * B` in absolute
value (spec T6). -/
theorem natAbs_list_sum_map_le {α : Type} (l : List α) (F : α → Int) (B : Nat)
    (h : ∀ q ∈ l, (F q).natAbs ≤ B) : (l.map F).sum.natAbs ≤ l.length * B := by
  induction l with
  | nil => simp
  | cons q l ih =>
    simp only [List.map_cons, List.sum_cons, List.length_cons, Nat.succ_mul]
    have h1 := h q (List.mem_cons_self ..)
    have h2 := ih (fun r hr => h r (List.mem_cons_of_mem _ hr))
    have := Int.natAbs_add_le (F q) (l.map F).sum
    omega

/-- The dense energy is at most `m n^a` in absolute value (spec T6). -/
theorem natAbs_denseEnergy_le {n : Nat} (a : Nat) (ps : List (State n)) (s : State n) :
    (denseEnergy a ps s).natAbs ≤ ps.length * n ^ a := by
  unfold denseEnergy
  rw [Int.natAbs_neg]
  apply natAbs_list_sum_map_le
  intro p _
  rw [Int.natAbs_pow]
  exact Nat.pow_le_pow_left (natAbs_overlap_le p s) a

/-- Dense convergence: along any schedule at most `2 m n^a` steps change the state
(spec T6). -/
theorem denseChanges_le {n : Nat} (a : Nat) (ps : List (State n)) (s : State n)
    (l : List (Fin n)) : denseChanges a ps s l ≤ 2 * (ps.length * n ^ a) := by
  have h := denseEnergy_denseRun_add_le a ps l s
  have h1 := natAbs_denseEnergy_le a ps s
  have h2 := natAbs_denseEnergy_le a ps (denseRun a ps s l)
  omega

/-- A schedule whose steps are all no-ops at `s` leaves `s` unchanged (spec T6). -/
theorem denseRun_of_forall_eq {n : Nat} (a : Nat) (ps : List (State n)) (s : State n)
    (l : List (Fin n)) (h : ∀ i, denseStep a ps s i = s) : denseRun a ps s l = s := by
  induction l with
  | nil => rfl
  | cons i l ih => simp only [denseRun, h i, ih]

/-- Along a schedule, either every step is a no-op at `s`, or the energy drops (spec T6). -/
theorem denseRun_cases {n : Nat} (a : Nat) (ps : List (State n)) (l : List (Fin n)) :
    ∀ s : State n, (∀ i ∈ l, denseStep a ps s i = s) ∨
      denseEnergy a ps (denseRun a ps s l) < denseEnergy a ps s := by
  induction l with
  | nil => intro s; left; simp
  | cons i l ih =>
    intro s
    simp only [denseRun]
    by_cases h : denseStep a ps s i = s
    · rw [h]
      rcases ih s with h' | h'
      · left; intro j hj
        rcases List.mem_cons.mp hj with rfl | hj
        · exact h
        · exact h' j hj
      · right; exact h'
    · right
      have := denseEnergy_denseStep_lt a ps s i h
      have := denseEnergy_denseRun_le a ps (denseStep a ps s i) l
      omega

/-- A cyclic sweep either finds `s` a fixed point or lowers the energy (spec T6). -/
theorem denseSweep_cases {n : Nat} (a : Nat) (ps : List (State n)) (s : State n) :
    IsDenseFixedPoint a ps s ∨ denseEnergy a ps (denseSweep a ps s) < denseEnergy a ps s := by
  rcases denseRun_cases a ps (List.finRange n) s with h | h
  · left; intro i; exact h i (List.mem_finRange i)
  · right; exact h

/-- Sweeps keep a fixed point (spec T6). -/
theorem denseSweeps_of_isDenseFixedPoint {n : Nat} (a : Nat) (ps : List (State n))
    {s : State n} (h : IsDenseFixedPoint a ps s) (k : Nat) : denseSweeps a ps k s = s := by
  induction k with
  | zero => rfl
  | succ k ih =>
    simp only [denseSweeps, denseSweep, denseRun_of_forall_eq a ps s _ h]
    exact ih

/-- After `k` sweeps the state is a fixed point or the energy has dropped by at least `k`
(spec T6). -/
theorem denseSweeps_cases {n : Nat} (a : Nat) (ps : List (State n)) (k : Nat) :
    ∀ s : State n, IsDenseFixedPoint a ps (denseSweeps a ps k s) ∨
      denseEnergy a ps (denseSweeps a ps k s) + k ≤ denseEnergy a ps s := by
  induction k with
  | zero => intro s; right; simp [denseSweeps]
  | succ k ih =>
    intro s
    rcases denseSweep_cases a ps s with h | h
    · left; rw [denseSweeps_of_isDenseFixedPoint a ps h]; exact h
    · simp only [denseSweeps]
      rcases ih (denseSweep a ps s) with h' | h'
      · left; exact h'
      · right; omega

/-- Dense convergence: `2 m n^a + 1` cyclic sweeps reach a fixed point, from any state
(spec T6). -/
theorem isDenseFixedPoint_denseSweeps {n : Nat} (a : Nat) (ps : List (State n))
    (s : State n) :
    IsDenseFixedPoint a ps (denseSweeps a ps (2 * (ps.length * n ^ a) + 1) s) := by
  rcases denseSweeps_cases a ps (2 * (ps.length * n ^ a) + 1) s with h | h
  · exact h
  · have h1 := natAbs_denseEnergy_le a ps s
    have h2 := natAbs_denseEnergy_le a ps (denseSweeps a ps (2 * (ps.length * n ^ a) + 1) s)
    omega

/-! ### Kernel-checked examples (patterns and probe of `Hopfield.DenseSpec`) -/

-- a step at neuron 1 lowers E from -16 to -64
example : denseEnergy 3 exDensePs (denseStep 3 exDensePs exDenseS 1) = -64 := by decide +kernel
-- one sweep reaches a fixed point: no step changes `[+,-,+,-]`
example : ∀ i : Fin 4, (denseStep 3 exDensePs (denseSweep 3 exDensePs exDenseS) i).toList
    = [1, -1, 1, -1] := by decide +kernel
example : denseChanges 3 exDensePs exDenseS [0, 1, 2, 3, 3, 2, 1, 0] ≤ 2 * (2 * 4 ^ 3) :=
  denseChanges_le 3 exDensePs exDenseS _
example : IsDenseFixedPoint 3 exDensePs (denseSweeps 3 exDensePs (2 * (2 * 4 ^ 3) + 1) exDenseS) :=
  isDenseFixedPoint_denseSweeps 3 exDensePs exDenseS

end Hopfield

end
