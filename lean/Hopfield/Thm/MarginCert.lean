module

public import Hopfield.Thm.Margin
public import Hopfield.Literal

/-!
# Margin certificates for literal networks (spec T8)

A network written as integer lists (`Hopfield.Weights.ofLists`, `Hopfield.Thresholds.ofList`,
`Hopfield.State.ofList`, as `proofs_ci certify` writes it) is checked by one computable Bool
function, `Hopfield.marginCertOk`, which the kernel evaluates by `decide +kernel`. It walks the
rows once: for row `r_i`, threshold `θ_i`, spin `p_i` and cut `t_i` it computes the dot product
`h_i = r_i · p` and the excess `∑_j max(|W_ij| - t_i, 0)` and checks
`0 ≤ t_i` and `2 (d t_i + ∑_j max(|W_ij| - t_i, 0)) < p_i (h_i - θ_i)`; so the kernel's work is
`O(n²)` integer operations per pattern, with no indexed lookups. The soundness theorem
`Hopfield.recallsWithin_of_marginCertOk` turns a `true` answer into T8's conclusion
(`Hopfield.recall_of_cut`) for the literal network. With `t_i` the `d`-th largest `|W_ij|`
the check is exactly T8's radius condition with the top-`d` sums.

## Main definitions

* `Hopfield.dotL`, `Hopfield.excessL`: dot product and excess of integer lists
* `Hopfield.decodeInts`: integer lists written as one numeral (the certificates' data)
* `Hopfield.marginRowsOk`, `Hopfield.marginCertOk`: the checker

## Main results

* `Hopfield.sumFin_getD_mul`, `Hopfield.sumFin_excess_getD`: the list forms are the sums.
* `Hopfield.recallsWithin_of_marginCertOk`: soundness of the checker.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- Dot product `∑_j x_j y_j` of two integer lists (to the shorter length) (spec T8). -/
def dotL : List Int → List Int → Int
  | x :: xs, y :: ys => x * y + dotL xs ys
  | _, _ => 0

/-- The excess `∑_j max(|x_j| - t, 0)` of an integer list over the cut `t` (spec T8). -/
def excessL (t : Int) : List Int → Int
  | [] => 0
  | x :: xs => max ((x.natAbs : Int) - t) 0 + excessL t xs

/-- Decode `len` integers from the base-`B` digits of `x`, least significant first, the digit
`c` standing for `c - off`: the compact form in which certificates write their literal data
(one numeral per list instead of one per entry; the kernel's `Nat` division and remainder
are fast) (spec T8). -/
def decodeInts (B off : Nat) : Nat → Nat → List Int
  | 0, _ => []
  | len + 1, x => (((x % B : Nat) : Int) - off) :: decodeInts B off len (x / B)

/-- The row checks of a margin certificate for the pattern `p` and radius `d`: for each row
`r`, threshold `θ_i`, spin `p_i` and cut `t`, `0 ≤ t` and
`2 (d t + excessL t r) < p_i (r · p - θ_i)`; the four lists must have equal lengths
(spec T8). -/
def marginRowsOk (p : List Int) (d : Int) :
    List (List Int) → List Int → List Int → List Int → Bool
  | r :: rs, θi :: θs, pi :: ps, t :: ts =>
    (decide (0 ≤ t) && decide (2 * (d * t + excessL t r) < pi * (dotL r p - θi))) &&
      marginRowsOk p d rs θs ps ts
  | [], [], [], [] => true
  | _, _, _, _ => false

/-- The margin certificate checker: the weight rows `rows` form an `n × n` matrix, `θ`, the
`±1` pattern `p` and the cuts `ts` have length `n`, and every row check of `marginRowsOk`
holds for the radius `d` (spec T8). -/
def marginCertOk (n : Nat) (rows : List (List Int)) (θ p : List Int) (d : Nat)
    (ts : List Int) : Bool :=
  rows.length == n && rows.all (fun r => r.length == n) && p.length == n &&
    p.all (fun x => x == 1 || x == -1) && marginRowsOk p d rows θ p ts

/-- The sum of products of two lists of length `n` read by `getD` is their dot product
(spec T8). -/
theorem sumFin_getD_mul : ∀ (n : Nat) (r q : List Int), r.length = n → q.length = n →
    sumFin n (fun j => r.getD j.val 0 * q.getD j.val 0) = dotL r q
  | 0, [], [], _, _ => rfl
  | n + 1, x :: xs, y :: ys, hr, hq => by
    rw [sumFin_succ]
    have := sumFin_getD_mul n xs ys (by simpa using hr) (by simpa using hq)
    simp only [Fin.val_zero, List.getD_cons_zero, Fin.val_succ, List.getD_cons_succ]
    rw [this]
    rfl

/-- The sum of `max(|r_j| - t, 0)` over a list of length `n` read by `getD` is its excess
(spec T8). -/
theorem sumFin_excess_getD (t : Int) : ∀ (n : Nat) (r : List Int), r.length = n →
    sumFin n (fun j => max (((r.getD j.val 0).natAbs : Int) - t) 0) = excessL t r
  | 0, [], _ => rfl
  | n + 1, x :: xs, hr => by
    rw [sumFin_succ]
    have := sumFin_excess_getD t n xs (by simpa using hr)
    simp only [Fin.val_zero, List.getD_cons_zero, Fin.val_succ, List.getD_cons_succ]
    rw [this]
    rfl

/-- A passing row walk gives the row check at every index below the number of rows
(spec T8). -/
theorem marginRowsOk_getD (p : List Int) (d : Int) : ∀ (rs : List (List Int))
    (θs ps ts : List Int), marginRowsOk p d rs θs ps ts = true → ∀ k, k < rs.length →
      0 ≤ ts.getD k 0 ∧ 2 * (d * ts.getD k 0 + excessL (ts.getD k 0) (rs.getD k []))
        < ps.getD k 0 * (dotL (rs.getD k []) p - θs.getD k 0)
  | [], _, _, _, _, k, hk => absurd hk (Nat.not_lt_zero k)
  | r :: rs, θi :: θs, pi :: ps, t :: ts, h, k, hk => by
    simp only [marginRowsOk, Bool.and_eq_true, decide_eq_true_eq] at h
    cases k with
    | zero => simpa using h.1
    | succ k =>
      simp only [List.getD_cons_succ]
      exact marginRowsOk_getD p d rs θs ps ts h.2 k (by simpa using hk)
  | _ :: _, [], _, _, h, _, _ => by simp [marginRowsOk] at h
  | _ :: _, _ :: _, [], _, h, _, _ => by simp [marginRowsOk] at h
  | _ :: _, _ :: _, _ :: _, [], h, _, _ => by simp [marginRowsOk] at h

/-- The spin of `State.ofList p` at `j` is entry `j` of a `±1` list `p` of length `n`
(spec T8). -/
theorem val_ofList {n : Nat} {p : List Int} (hp : p.length = n)
    (hpm : ∀ x ∈ p, x = 1 ∨ x = -1) (j : Fin n) :
    (State.ofList p : State n).val j = p.getD j.val 0 := by
  have hj : j.val < p.length := by omega
  have hget : p.getD j.val 0 = p[j.val] := by simp [List.getD_eq_getElem?_getD, hj]
  have hx : p.getD j.val 0 = 1 ∨ p.getD j.val 0 = -1 := by
    rw [hget]; exact hpm _ (List.getElem_mem hj)
  simp only [State.val, State.ofList, spin]
  rcases hx with hx | hx <;> simp only [hx] <;> decide

/-- Soundness of the margin certificate checker: if `marginCertOk n rows θ p d ts` evaluates
to `true`, then for the literal network `p` is a fixed point and every state within distance
`d` of `p` goes to `p` in one synchronous step and under every asynchronous schedule covering
its disagreement set, under either tie rule (T8, `Hopfield.recall_of_cut`) (spec T8). -/
theorem recallsWithin_of_marginCertOk (rule : TieRule) {n : Nat} {rows : List (List Int)}
    {θ p : List Int} {d : Nat} {ts : List Int} (h : marginCertOk n rows θ p d ts = true) :
    RecallsWithin rule (Weights.ofLists rows : Weights n) (Thresholds.ofList θ)
      (State.ofList p) d := by
  simp only [marginCertOk, Bool.and_eq_true, beq_iff_eq, List.all_eq_true] at h
  obtain ⟨⟨⟨⟨hn, hrows⟩, hpl⟩, hpm⟩, hok⟩ := h
  have hpm' : ∀ x ∈ p, x = 1 ∨ x = -1 := fun x hx => by
    have := hpm x hx
    simpa [Bool.or_eq_true, beq_iff_eq] using this
  have hrow : ∀ i : Fin n, (rows.getD i.val []).length = n := fun i => by
    have hi : i.val < rows.length := by omega
    have : rows.getD i.val [] = rows[i.val] := by simp [List.getD_eq_getElem?_getD, hi]
    rw [this]
    exact hrows _ (List.getElem_mem hi)
  refine recall_of_cut rule (fun i => ts.getD i.val 0) (fun i => ?_) (fun i => ?_)
  · exact (marginRowsOk_getD p d rows θ p ts hok i.val (by omega)).1
  · have hk := (marginRowsOk_getD p d rows θ p ts hok i.val (by omega)).2
    have hfield : field (Weights.ofLists rows : Weights n) (State.ofList p) i
        = dotL (rows.getD i.val []) p := by
      unfold field
      rw [← sumFin_getD_mul n _ p (hrow i) hpl]
      apply sumFin_congr
      intro j
      rw [val_ofList hpl hpm' j]
      rfl
    have hex : sumFin n (fun j => max ((((Weights.ofLists rows : Weights n) i j).natAbs : Int)
        - ts.getD i.val 0) 0) = excessL (ts.getD i.val 0) (rows.getD i.val []) :=
      sumFin_excess_getD _ n _ (hrow i)
    unfold margin
    rw [hfield, hex, val_ofList hpl hpm' i]
    exact hk

end Hopfield

end

end
