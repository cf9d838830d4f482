module

public import Hopfield.Convergence

/-!
# Synchronous dynamics: fixed points or 2-cycles (spec T5, Goles)

With symmetric weights (any diagonal), every synchronous trajectory `x(t+1) = syncStep x(t)`
ends in a fixed point or a cycle of length 2, for both tie rules, after an explicit number
of steps.

Both tie rules are turned into a tie-free threshold rule on doubled integer fields:
`x_i(t+1) = +1` iff `g_i(x(t)) > φ_i`, where `g_i(x) = 2 h_i(x) + c · x_i` and `φ_i = 2 θ_i - e`,
with `(c, e) = (1, 0)` for `keep` ties (a tie keeps `x_i`, as a small positive self-weight
would) and `(c, e) = (0, 1)` for `plus` ties (a tie gives `+1`, as a threshold lowered by
`1/2` would). The difference `g_i - φ_i = 2 (h_i - θ_i) ± 1` is odd, so never `0`. The Lyapunov
function is Goles' `L(x', x) = -∑_i x'_i g_i(x) + ∑_i φ_i (x'_i + x_i)`, evaluated at
consecutive states `(x(t+1), x(t))`; it is symmetric in its arguments for symmetric `W`, never
increases, and drops by at least `2` unless `x(t+2) = x(t)`.

## Main definitions

* `Hopfield.tieSelf`, `Hopfield.tieShift`: the constants `c` and `e` of a tie rule.
* `Hopfield.syncField`: `g_i(x) = 2 h_i(x) + c x_i`; `Hopfield.syncThreshold`: `φ_i = 2 θ_i - e`.
* `Hopfield.lyap`: Goles' Lyapunov function `L(x', x)`.
* `Hopfield.syncBound`: a bound on `|L|`.
* `Hopfield.syncIter`: `t` synchronous steps.

## Main results

* `Hopfield.lyap_comm`: `L(x', x) = L(x, x')` for symmetric `W`.
* `Hopfield.lyap_syncStep_le`: `L` never increases along a synchronous trajectory.
* `Hopfield.lyap_syncStep_add_two_le`: `L` drops by at least `2` unless `x(t+2) = x(t)`.
* `Hopfield.syncIter_add_two`: from time `syncBound` on, `x(t+2) = x(t)`: the trajectory is in
  a fixed point or a 2-cycle.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- The self-coupling `c` that encodes a tie rule: `1` for `keep`, `0` for `plus` (spec T5). -/
def tieSelf : TieRule → Int
  | .keep => 1
  | .plus => 0

/-- The threshold shift `e` that encodes a tie rule: `0` for `keep`, `1` for `plus`
(spec T5). -/
def tieShift : TieRule → Int
  | .keep => 0
  | .plus => 1

/-- The doubled field `g_i(x) = 2 h_i(x) + c x_i` of the tie-free form (spec T5). -/
def syncField (rule : TieRule) (W : Weights n) (s : State n) (i : Fin n) : Int :=
  2 * field W s i + tieSelf rule * s.val i

/-- The doubled threshold `φ_i = 2 θ_i - e` of the tie-free form (spec T5). -/
def syncThreshold (rule : TieRule) (θ : Thresholds n) (i : Fin n) : Int :=
  2 * θ i - tieShift rule

/-- Goles' Lyapunov function `L(x', x) = -∑_i x'_i g_i(x) + ∑_i φ_i (x'_i + x_i)`, used at
consecutive states `x' = x(t+1)`, `x = x(t)` (spec T5). For `plus` ties it is
`2 (-∑_i x'_i h_i(x) + ∑_i θ_i (x'_i + x_i)) - ∑_i (x'_i + x_i)`. -/
def lyap (rule : TieRule) (W : Weights n) (θ : Thresholds n) (s' s : State n) : Int :=
  -sumFin n (fun i => s'.val i * syncField rule W s i) +
    sumFin n (fun i => syncThreshold rule θ i * (s'.val i + s.val i))

/-- `t` synchronous steps: `x(t+1) = syncStep x(t)` (spec T5). -/
def syncIter (rule : TieRule) (W : Weights n) (θ : Thresholds n) : Nat → State n → State n
  | 0, s => s
  | t + 1, s => syncStep rule W θ (syncIter rule W θ t s)

/-- The synchronous update moves the spin towards the sign of the odd number
`g_i - φ_i`: for any old spin `b`, `(x'_i - b)(g_i - φ_i) ≥ 0`, and `≥ 2` when `x'_i ≠ b`
(spec T5). -/
theorem syncStep_descent (rule : TieRule) (W : Weights n) (θ : Thresholds n) (s : State n)
    (i : Fin n) (b : Bool) :
    0 ≤ (spin (syncStep rule W θ s i) - spin b) *
        (syncField rule W s i - syncThreshold rule θ i) ∧
      (syncStep rule W θ s i ≠ b → 2 ≤ (spin (syncStep rule W θ s i) - spin b) *
        (syncField rule W s i - syncThreshold rule θ i)) := by
  unfold syncStep syncField syncThreshold updateValue State.val
  by_cases h1 : θ i < field W s i
  · cases rule <;> cases b <;> cases s i <;> simp [h1, spin, tieSelf, tieShift] <;> omega
  · by_cases h2 : field W s i < θ i
    · cases rule <;> cases b <;> cases s i <;> simp [h1, h2, spin, tieSelf, tieShift] <;> omega
    · cases rule <;> cases b <;> cases s i <;> simp [h1, h2, spin, tieSelf, tieShift] <;> omega

/-- `∑_i x_i ∑_j W i j y_j` is symmetric in `x` and `y` for symmetric `W` (spec T5). -/
theorem sumFin_mul_field_comm {W : Weights n} (hW : ∀ i j, W i j = W j i) (x y : State n) :
    sumFin n (fun i => x.val i * field W y i) = sumFin n (fun i => y.val i * field W x i) := by
  unfold field
  have h1 : ∀ (a b : State n), sumFin n (fun i => a.val i * sumFin n (fun j => W i j * b.val j))
      = sumFin n (fun i => sumFin n (fun j => a.val i * (W i j * b.val j))) :=
    fun a b => sumFin_congr fun i => (sumFin_mul_left _ _).symm
  rw [h1, h1, sumFin_comm]
  apply sumFin_congr
  intro i
  apply sumFin_congr
  intro j
  rw [hW j i]
  grind

/-- Goles' Lyapunov function is symmetric, `L(x', x) = L(x, x')`, for symmetric `W`
(spec T5). -/
theorem lyap_comm {W : Weights n} (hW : ∀ i j, W i j = W j i) (rule : TieRule)
    (θ : Thresholds n) (s' s : State n) : lyap rule W θ s' s = lyap rule W θ s s' := by
  unfold lyap syncField
  have h1 : ∀ (a b : State n), sumFin n (fun i => a.val i * (2 * field W b i +
      tieSelf rule * b.val i)) = 2 * sumFin n (fun i => a.val i * field W b i) +
      tieSelf rule * sumFin n (fun i => a.val i * b.val i) := by
    intro a b
    rw [← sumFin_mul_left, ← sumFin_mul_left, ← sumFin_add]
    apply sumFin_congr
    intro i
    grind
  rw [h1, h1, sumFin_mul_field_comm hW s' s]
  have h2 : sumFin n (fun i => s'.val i * s.val i) = sumFin n (fun i => s.val i * s'.val i) :=
    sumFin_congr fun i => Int.mul_comm _ _
  have h3 : sumFin n (fun i => syncThreshold rule θ i * (s'.val i + s.val i)) =
      sumFin n (fun i => syncThreshold rule θ i * (s.val i + s'.val i)) :=
    sumFin_congr fun i => by rw [Int.add_comm (s'.val i)]
  rw [h2, h3]

/-- The change of `L` between `(a, b)` and `(c, b)`:
`L(a, b) - L(c, b) = -∑_i (a_i - c_i)(g_i(b) - φ_i)` (spec T5). -/
theorem lyap_sub_lyap (rule : TieRule) (W : Weights n) (θ : Thresholds n) (a b c : State n) :
    lyap rule W θ a b - lyap rule W θ c b =
      -sumFin n (fun i => (a.val i - c.val i) *
        (syncField rule W b i - syncThreshold rule θ i)) := by
  unfold lyap
  have h1 := sumFin_sub (fun i => a.val i * syncField rule W b i)
    (fun i => c.val i * syncField rule W b i)
  have h2 := sumFin_sub (fun i => syncThreshold rule θ i * (a.val i + b.val i))
    (fun i => syncThreshold rule θ i * (c.val i + b.val i))
  have h3 := sumFin_sub (fun i => a.val i * syncField rule W b i -
      c.val i * syncField rule W b i)
    (fun i => syncThreshold rule θ i * (a.val i + b.val i) -
      syncThreshold rule θ i * (c.val i + b.val i))
  have h4 : sumFin n (fun i => (a.val i - c.val i) *
      (syncField rule W b i - syncThreshold rule θ i)) =
      sumFin n (fun i => (a.val i * syncField rule W b i - c.val i * syncField rule W b i) -
      (syncThreshold rule θ i * (a.val i + b.val i) -
        syncThreshold rule θ i * (c.val i + b.val i))) :=
    sumFin_congr fun i => by grind
  simp only at h1 h2 h3
  omega

/-- One synchronous step changes `L` by `-∑_i (x_i(t+2) - x_i(t))(g_i(x(t+1)) - φ_i)`
(spec T5). -/
theorem lyap_syncStep_sub {W : Weights n} (hW : ∀ i j, W i j = W j i) (rule : TieRule)
    (θ : Thresholds n) (s : State n) :
    lyap rule W θ (syncStep rule W θ (syncStep rule W θ s)) (syncStep rule W θ s) -
        lyap rule W θ (syncStep rule W θ s) s =
      -sumFin n (fun i => ((syncStep rule W θ (syncStep rule W θ s)).val i - s.val i) *
        (syncField rule W (syncStep rule W θ s) i - syncThreshold rule θ i)) := by
  rw [lyap_comm hW rule θ (syncStep rule W θ s) s, lyap_sub_lyap]

/-- Goles' Lyapunov function never increases along a synchronous trajectory, for symmetric
`W` and either tie rule: `L(x(t+2), x(t+1)) ≤ L(x(t+1), x(t))` (spec T5). -/
theorem lyap_syncStep_le {W : Weights n} (hW : ∀ i j, W i j = W j i) (rule : TieRule)
    (θ : Thresholds n) (s : State n) :
    lyap rule W θ (syncStep rule W θ (syncStep rule W θ s)) (syncStep rule W θ s) ≤
      lyap rule W θ (syncStep rule W θ s) s := by
  have h := lyap_syncStep_sub hW rule θ s
  have h0 := sumFin_nonneg (n := n) (f := fun i =>
      ((syncStep rule W θ (syncStep rule W θ s)).val i - s.val i) *
        (syncField rule W (syncStep rule W θ s) i - syncThreshold rule θ i))
    (fun i => (syncStep_descent rule W θ (syncStep rule W θ s) i (s i)).1)
  omega

/-- Unless `x(t+2) = x(t)`, Goles' Lyapunov function drops by at least `2`:
`L(x(t+2), x(t+1)) + 2 ≤ L(x(t+1), x(t))` (symmetric `W`, either tie rule) (spec T5). -/
theorem lyap_syncStep_add_two_le {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (rule : TieRule) (θ : Thresholds n) (s : State n)
    (hne : syncStep rule W θ (syncStep rule W θ s) ≠ s) :
    lyap rule W θ (syncStep rule W θ (syncStep rule W θ s)) (syncStep rule W θ s) + 2 ≤
      lyap rule W θ (syncStep rule W θ s) s := by
  have ⟨k, hk⟩ : ∃ k, syncStep rule W θ (syncStep rule W θ s) k ≠ s k :=
    Classical.byContradiction fun h =>
      hne (funext fun i => Classical.byContradiction fun hi => h ⟨i, hi⟩)
  have h := lyap_syncStep_sub hW rule θ s
  have hterm := fun i => syncStep_descent rule W θ (syncStep rule W θ s) i (s i)
  have hsplit := sumFin_split_at k (fun i =>
      ((syncStep rule W θ (syncStep rule W θ s)).val i - s.val i) *
        (syncField rule W (syncStep rule W θ s) i - syncThreshold rule θ i))
  have hrest := sumFin_nonneg (n := n) (f := fun j => if j = k then 0 else
      ((syncStep rule W θ (syncStep rule W θ s)).val j - s.val j) *
        (syncField rule W (syncStep rule W θ s) j - syncThreshold rule θ j))
    (fun j => by
      by_cases hj : j = k
      · simp [hj]
      · simp only [hj, if_false]; exact (hterm j).1)
  have hk2 := (hterm k).2 hk
  simp only [State.val] at hsplit hk2 h hrest
  omega

/-- A bound on `|L|`: `∑_i (2 ∑_j |W i j| + c) + ∑_i 2 |φ_i|` (spec T5). -/
def syncBound (rule : TieRule) (W : Weights n) (θ : Thresholds n) : Int :=
  sumFin n (fun i => 2 * sumFin n (fun j => ((W i j).natAbs : Int)) + tieSelf rule) +
    sumFin n (fun i => 2 * ((syncThreshold rule θ i).natAbs : Int))

/-- `|g_i(x)| ≤ 2 ∑_j |W i j| + c` (spec T5). -/
theorem natAbs_syncField_le (rule : TieRule) (W : Weights n) (s : State n) (i : Fin n) :
    ((syncField rule W s i).natAbs : Int) ≤
      2 * sumFin n (fun j => ((W i j).natAbs : Int)) + tieSelf rule := by
  have h1 : ((field W s i).natAbs : Int) ≤ sumFin n (fun j => ((W i j).natAbs : Int)) := by
    refine Int.le_trans (natAbs_sumFin_le _) (Int.le_of_eq (sumFin_congr fun j => ?_))
    simp only [State.val]
    cases s j <;> simp [spin]
  unfold syncField
  simp only [State.val]
  cases rule <;> cases s i <;> simp [tieSelf, spin] <;> omega

/-- `-syncBound ≤ L(x', x) ≤ syncBound` for all states (spec T5). -/
theorem lyap_mem_bound (rule : TieRule) (W : Weights n) (θ : Thresholds n) (s' s : State n) :
    -syncBound rule W θ ≤ lyap rule W θ s' s ∧ lyap rule W θ s' s ≤ syncBound rule W θ := by
  have h1 : ((sumFin n (fun i => s'.val i * syncField rule W s i)).natAbs : Int) ≤
      sumFin n (fun i => 2 * sumFin n (fun j => ((W i j).natAbs : Int)) + tieSelf rule) := by
    refine Int.le_trans (natAbs_sumFin_le _) (sumFin_le_sumFin fun i => ?_)
    have := natAbs_syncField_le rule W s i
    simp only [State.val]
    cases s' i <;> simp [spin] <;> omega
  have h2 : ((sumFin n (fun i => syncThreshold rule θ i * (s'.val i + s.val i))).natAbs : Int) ≤
      sumFin n (fun i => 2 * ((syncThreshold rule θ i).natAbs : Int)) := by
    refine Int.le_trans (natAbs_sumFin_le _) (sumFin_le_sumFin fun i => ?_)
    simp only [State.val]
    cases s' i <;> cases s i <;> simp [spin] <;> omega
  unfold lyap syncBound
  omega

/-- If `x(T+2) ≠ x(T)` then `L` has dropped by at least `2` at each of the first `T + 1`
steps (spec T5). -/
theorem lyap_syncIter_le {W : Weights n} (hW : ∀ i j, W i j = W j i) (rule : TieRule)
    (θ : Thresholds n) (s : State n) (T : Nat)
    (hT : syncIter rule W θ (T + 2) s ≠ syncIter rule W θ T s) :
    lyap rule W θ (syncIter rule W θ (T + 2) s) (syncIter rule W θ (T + 1) s) + 2 * (T + 1) ≤
      lyap rule W θ (syncIter rule W θ 1 s) s := by
  induction T with
  | zero => exact lyap_syncStep_add_two_le hW rule θ s hT
  | succ T ih =>
    have hT' : syncIter rule W θ (T + 2) s ≠ syncIter rule W θ T s := by
      intro e
      apply hT
      show syncStep rule W θ (syncIter rule W θ (T + 2) s) =
        syncStep rule W θ (syncIter rule W θ T s)
      rw [e]
    have h1 := ih hT'
    have h2 := lyap_syncStep_add_two_le hW rule θ (syncIter rule W θ (T + 1) s) hT
    simp only [syncIter] at h1 h2 ⊢
    omega

/-- Goles' theorem (spec T5): for symmetric `W` and either tie rule, from time
`t ≥ syncBound` on every synchronous trajectory satisfies `x(t+2) = x(t)`: it has reached a
fixed point or a cycle of length 2. -/
theorem syncIter_add_two {W : Weights n} (hW : ∀ i j, W i j = W j i) (rule : TieRule)
    (θ : Thresholds n) (s : State n) {t : Nat} (ht : syncBound rule W θ ≤ t) :
    syncIter rule W θ (t + 2) s = syncIter rule W θ t s := by
  refine Classical.byContradiction fun hne => ?_
  have h1 := lyap_syncIter_le hW rule θ s t hne
  have h2 := lyap_mem_bound rule W θ (syncIter rule W θ (t + 2) s) (syncIter rule W θ (t + 1) s)
  have h3 := lyap_mem_bound rule W θ (syncIter rule W θ 1 s) s
  omega

/-- Goles' theorem, as a statement about the state reached (spec T5): after `t ≥ syncBound`
synchronous steps the state `x` satisfies `syncStep (syncStep x) = x`, so it is a fixed point
or lies on a 2-cycle. -/
theorem syncStep_syncStep_syncIter {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (rule : TieRule) (θ : Thresholds n) (s : State n) {t : Nat}
    (ht : syncBound rule W θ ≤ t) :
    syncStep rule W θ (syncStep rule W θ (syncIter rule W θ t s)) = syncIter rule W θ t s :=
  syncIter_add_two hW rule θ s ht

/-! ### Kernel-checked examples -/

-- From [+1,-1,+1]: x(1) = [-1,+1,-1] and x(2) = [+1,-1,+1] (fields W x(1) = [3,-4,5] against
-- θ = [0,1,0]): a 2-cycle, on which L stays constant.
example : (syncStep .keep exW exθ (syncStep .keep exW exθ exS)).toList = [1, -1, 1] := by
  decide +kernel
example : lyap .keep exW exθ (syncIter .keep exW exθ 2 exS) (syncIter .keep exW exθ 1 exS) =
    lyap .keep exW exθ (syncIter .keep exW exθ 1 exS) exS := by decide +kernel
-- From [+1,+1,+1]: x(1) = x(2) = [-1,+1,+1] (a fixed point reached in one step, x(2) ≠ x(0)),
-- and L drops from L(x(1), x(0)) = -9 to L(x(2), x(1)) = -15 (2 h(x(0)) + x(0) = [-1, 9, 3],
-- 2 h(x(1)) + x(1) = [-3, 5, 11], φ = 2θ = [0, 2, 0]).
example : lyap .keep exW exθ (syncIter .keep exW exθ 1 (fun _ => true)) (fun _ => true) = -9 ∧
    lyap .keep exW exθ (syncIter .keep exW exθ 2 (fun _ => true))
      (syncIter .keep exW exθ 1 (fun _ => true)) = -15 := by decide +kernel
-- A 2-neuron net with W = [[0,1],[1,0]], θ = 0 and x(0) = [+1,-1] also swaps forever; from
-- [+1,+1] it is fixed.
example : (syncIter .plus (fun i j => if i = j then 0 else 1) (fun _ => 0) 2
    (fun i : Fin 2 => decide (i = 0))).toList = [1, -1] := by decide +kernel
-- syncBound for keep ties: rows (2 * (0 + 1 + 2) + 1) + (2 * (1 + 0 + 3) + 1)
-- + (2 * (2 + 3 + 0) + 1) = 7 + 9 + 11 = 27, plus 2 * (|0| + |2| + |0|) = 4 for φ = 2θ: 31.
example : syncBound .keep exW exθ = 31 := by decide +kernel

end Hopfield

end

end
