module

public import Hopfield.Hebbian
public import Hopfield.Data.PatternLists

/-!
# Storage capacity of the Hebbian rule for random patterns (spec T9)

Patterns `p^1, …, p^m` are uniform on `({-1,+1}^n)^m`: the sums below run over all `2^(n m)`
lists of `m` states (`Hopfield.patternLists`). The Hebbian weights are
`W = ∑_l p^l (p^l)ᵀ - m I`, thresholds zero, ties keep the old bit.

For a fixed pattern index `k < m` and neuron `i`,
`p^k_i h_i(p^k) = (n - 1) + C` with the crosstalk
`C = ∑_{l ≠ k} ∑_{j ≠ i} (p^k_i p^l_i)(p^l_j p^k_j)`, and `C` has exactly the law of a sum
`S_N` of `N = (m - 1)(n - 1)` independent uniform signs: for every `F`,
`∑_{ps} F (C) = 2^(n + m - 1) · ∑_{σ ∈ {±1}^N} F (∑ σ)`, and `n m = (n + m - 1) + N`.
So neuron `i` of `p^k` is unstable exactly when `C ≤ -n`, with probability `P(S_N ≤ -n)`,
and all `m` patterns are fixed points with probability at least `1 - m n P(S_N ≤ -n)`.

## Main definitions

The definitions pyref mirrors are in `Hopfield.Spec.Capacity`; here:

* `Hopfield.patternLists`: all `2^(n m)` lists of `m` patterns.

## Main results

* `Hopfield.spin_mul_field_hebbian`: `p^k_i h_i(p^k) = (n - 1) + C`.
* `Hopfield.lsum_crossTerm`: one other pattern's crosstalk has the law of `S_{n-1}` (twice).
* `Hopfield.lsum_crosstalk`: the crosstalk has exactly the law of `S_N` (counting form).
* `Hopfield.length_filter_crosstalk_eq`: for every integer `c`, the number of pattern lists
  with crosstalk `c` is `2^(n+m-1)` times the number of sign vectors of length `N` summing
  to `c`.
* `Hopfield.lsum_unstable`: the number of pattern lists where neuron `i` of `p^k` is
  unstable is `2^(n+m-1)` times the number of sign vectors with `∑ σ ≤ -n`.
* `Hopfield.lsum_allFixed_ge`: the union bound, `#(all m patterns fixed points)
  ≥ 2^(n+m-1) (2^N - m n #(S_N ≤ -n))`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- All `2^(n m)` lists of `m` patterns of `n` neurons: the uniform pattern space
(spec T9). -/
def patternLists (n m : Nat) : List (List (State n)) := enumLists (allStates n) m

/-! ### The field identity -/

/-- The size of the pattern space: `2^(n m)` lists (spec T9). -/
theorem length_patternLists (n m : Nat) : (patternLists n m).length = 2 ^ (n * m) := by
  rw [patternLists, length_enumLists, length_enumStates, Nat.pow_mul]

/-- The exponents: `n m = (n + m - 1) + (m - 1)(n - 1)` for `n, m ≥ 1` (spec T9). -/
theorem mul_eq_add_mul_sub (n m : Nat) (hn : 0 < n) (hm : 0 < m) :
    n * m = (n + m - 1) + (m - 1) * (n - 1) := by
  obtain ⟨n', rfl⟩ : ∃ n', n = n' + 1 := ⟨n - 1, by omega⟩
  obtain ⟨m', rfl⟩ : ∃ m', m = m' + 1 := ⟨m - 1, by omega⟩
  simp only [Nat.add_sub_cancel, Nat.add_mul, Nat.mul_add, Nat.one_mul, Nat.mul_one]
  rw [Nat.mul_comm m' n']
  omega

/-- Position `u.length` of `u ++ p :: v` is `p` (spec T9). -/
theorem pattern_append {n : Nat} (u v : List (State n)) (p : State n) :
    pattern (u ++ p :: v) u.length = p := by
  induction u with
  | nil => simp [pattern]
  | cons x u _ => simp [pattern]

/-- Erasing position `u.length` of `u ++ p :: v` leaves `u ++ v` (spec T9). -/
theorem eraseIdx_append {α : Type} (u v : List α) (p : α) :
    (u ++ p :: v).eraseIdx u.length = u ++ v := by
  induction u with
  | nil => simp
  | cons x u ih => simpa using ih

/-- A list splits at any position `k` below its length around `pattern ps k` (spec T9). -/
theorem exists_split {n : Nat} :
    ∀ (ps : List (State n)) (k : Nat), k < ps.length →
      ∃ u v, ps = u ++ pattern ps k :: v ∧ u.length = k
  | [], _, h => absurd h (Nat.not_lt_zero _)
  | x :: ps, 0, _ => ⟨[], ps, by simp [pattern], rfl⟩
  | x :: ps, k + 1, h => by
    obtain ⟨u, v, hps, hu⟩ := exists_split ps k (by simp at h; omega)
    refine ⟨x :: u, v, ?_, by simp [hu]⟩
    have : pattern (x :: ps) (k + 1) = pattern ps k := by simp [pattern]
    rw [this]
    exact congrArg (x :: ·) hps

/-- The sum of an appended list of integers (spec T9). -/
theorem list_sum_append_int (l₁ l₂ : List Int) : (l₁ ++ l₂).sum = l₁.sum + l₂.sum := by
  induction l₁ with
  | nil => simp
  | cons x l ih => simp only [List.cons_append, List.sum_cons, ih]; omega

/-- The crosstalk of `u ++ p :: v` at position `u.length` is the sum of the crosstalk terms
of the entries of `u` and `v` (spec T9). -/
theorem crosstalk_append {n : Nat} (u v : List (State n)) (p : State n) (i : Fin n) :
    crosstalk (u ++ p :: v) u.length i
      = (u.map (fun q => crossTerm p q i)).sum + (v.map (fun q => crossTerm p q i)).sum := by
  rw [crosstalk, pattern_append, eraseIdx_append, List.map_append, list_sum_append_int]

/-- One term of the Hebbian field: `p_i q_i (q · p) = 1 + crossTerm p q i` (spec T9). -/
theorem mul_overlap_eq {n : Nat} (p q : State n) (i : Fin n) :
    p.val i * (q.val i * overlap q p) = 1 + crossTerm p q i := by
  have h1 : p.val i * (q.val i * overlap q p)
      = sumFin n (fun j => p.val i * q.val i * (q.val j * p.val j)) := by
    rw [overlap, ← Int.mul_assoc, ← sumFin_mul_left]
  rw [h1, sumFin_split_at i, crossTerm]
  congr 1
  simp only [State.val]
  cases p i <;> cases q i <;> decide

/-- `p^k_i h_i(p^k) = (n - 1) + C`: the Hebbian field at a stored pattern is the signal
`n - 1` plus the crosstalk (spec T9). -/
theorem spin_mul_field_hebbian {n : Nat} (ps : List (State n)) {k : Nat} (hk : k < ps.length)
    (i : Fin n) :
    (pattern ps k).val i * field (hebbian ps) (pattern ps k) i
      = ((n : Int) - 1) + crosstalk ps k i := by
  obtain ⟨u, v, hps, hu⟩ := exists_split ps k hk
  generalize pattern ps k = p at hps
  subst hps hu
  rw [crosstalk_append, field_hebbian]
  have hmap : ∀ l : List (State n), (l.map (fun q => q.val i * overlap q p)).sum * p.val i
      = l.length + (l.map (fun q => crossTerm p q i)).sum := by
    intro l
    induction l with
    | nil => simp
    | cons q l ih =>
      simp only [List.map_cons, List.sum_cons, List.length_cons, Int.add_mul, ih]
      have := mul_overlap_eq p q i
      push_cast
      grind
  have hp : crossTerm p p i = (n : Int) - 1 := by
    have := mul_overlap_eq p p i
    rw [overlap_self, ← Int.mul_assoc, State.val_sq] at this
    omega
  have hS := hmap (u ++ p :: v)
  have hsq := State.val_sq p i
  simp only [List.length_append, List.length_cons, List.map_append, List.map_cons,
    list_sum_append_int, List.sum_cons, hp] at hS ⊢
  push_cast at hS ⊢
  grind

/-! ### The law of the crosstalk -/

/-- The flip that turns the crosstalk term of `q` into a plain spin sum, given `q_i = b`
(spec T9). -/
def crossMask {n : Nat} (p : State n) (b : Bool) (i : Fin n) : State n :=
  fun j => if j = i then false else !(xor (xor (p i) b) (p j))

/-- The crosstalk term of `q` is the spin sum off `i` of `q` flipped by `crossMask`
(spec T9). -/
theorem crossTerm_eq_xorMask {n : Nat} (p q : State n) (i : Fin n) :
    crossTerm p q i = sumFin n (fun j =>
      if j = i then 0 else (State.xorMask q (crossMask p (q i) i)).val j) := by
  unfold crossTerm
  apply sumFin_congr
  intro j
  by_cases h : j = i
  · simp [h]
  · simp only [h, if_false, State.xorMask, crossMask, State.val]
    cases p i <;> cases q i <;> cases q j <;> cases p j <;> decide

/-- A sum over states, split on the bit of neuron `i` (spec T9). -/
theorem sumS_split_bit {n : Nat} (i : Fin n) (G : State n → Rat) :
    sumS n G = sumS n (fun q => if q i = false then G q else 0)
      + sumS n (fun q => if q i = true then G q else 0) := by
  rw [← sumS_add]
  apply sumS_congr
  intro q
  cases q i <;> simp [Rat.add_zero, Rat.zero_add]

/-- One other pattern's crosstalk term has the law of `S_{n-1}`, counted twice:
`∑_q F (crossTerm p q i) = 2 · signSum (n - 1) F` (spec T9). -/
theorem sumS_crossTerm {n : Nat} (p : State n) (i : Fin n) (F : Int → Rat) :
    sumS n (fun q => F (crossTerm p q i)) = 2 * signSum (n - 1) F := by
  rw [← sumS_sumFin_ne i F, sumS_split_bit i, sumS_split_bit i (fun s => F _)]
  have key : ∀ b : Bool,
      sumS n (fun q => if q i = b then F (crossTerm p q i) else 0)
        = sumS n (fun q => if q i = b then
            F (sumFin n (fun j => if j = i then 0 else q.val j)) else 0) := by
    intro b
    have hx := sumS_xorMask (crossMask p b i) (fun q => if q i = b then
      F (sumFin n (fun j => if j = i then 0 else q.val j)) else 0)
    rw [← hx]
    apply sumS_congr
    intro q
    have hi : State.xorMask q (crossMask p b i) i = q i := by
      simp [State.xorMask, crossMask]
    simp only [hi]
    by_cases hb : q i = b
    · rw [if_pos hb, if_pos hb, crossTerm_eq_xorMask, hb]
    · rw [if_neg hb, if_neg hb]
  rw [key false, key true]

/-- The sum of the crosstalk terms of `r` independent uniform patterns has the law of
`S_{r (n - 1)}`, counted `2^r` times (spec T9). -/
theorem lsum_crossTerm {n : Nat} (p : State n) (i : Fin n) (r : Nat) (G : Int → Rat) :
    lsum (enumLists (allStates n) r) (fun w => G ((w.map (fun q => crossTerm p q i)).sum))
      = ((2 ^ r : Nat) : Rat) * signSum (r * (n - 1)) G := by
  induction r generalizing G with
  | zero => simp [enumLists, signSum, Rat.add_zero]
  | succ r ih =>
    rw [lsum_enumLists_succ]
    simp only [List.map_cons, List.sum_cons]
    rw [lsum_comm]
    have h1 : ∀ w : List (State n),
        lsum (allStates n) (fun q => G (crossTerm p q i + (w.map (fun q => crossTerm p q i)).sum))
          = 2 * signSum (n - 1) (fun y => G (y + (w.map (fun q => crossTerm p q i)).sum)) :=
      fun w => sumS_crossTerm p i (fun y => G (y + _))
    simp only [h1]
    rw [lsum_mul_left, lsum_signSum]
    have h3 : (fun y => lsum (enumLists (allStates n) r)
          (fun w => G (y + (w.map (fun q => crossTerm p q i)).sum)))
        = (fun y => ((2 ^ r : Nat) : Rat) * signSum (r * (n - 1)) (fun x => G (y + x))) := by
      funext y; exact ih (fun x => G (y + x))
    rw [h3, signSum_mul_left, Nat.add_mul, Nat.one_mul, Nat.add_comm (r * (n - 1)),
      signSum_conv]
    push_cast
    rw [Rat.pow_succ]
    grind

/-- The crosstalk at `(k, i)` has exactly the law of `S_N`, `N = (m - 1)(n - 1)`:
`∑_{ps} F (C) = 2^(n + m - 1) · ∑_{σ ∈ {±1}^N} F (∑ σ)` for every `F` (spec T9). -/
theorem lsum_crosstalk {n m k : Nat} (hk : k < m) (i : Fin n) (F : Int → Rat) :
    lsum (patternLists n m) (fun ps => F (crosstalk ps k i))
      = ((2 ^ (n + m - 1) : Nat) : Rat) * signSum ((m - 1) * (n - 1)) F := by
  obtain ⟨r, rfl⟩ : ∃ r, m = k + (r + 1) := ⟨m - k - 1, by omega⟩
  unfold patternLists
  rw [lsum_enumLists_add]
  simp only [lsum_enumLists_succ]
  have h1 : ∀ u ∈ enumLists (allStates n) k,
      lsum (allStates n) (fun p => lsum (enumLists (allStates n) r)
        (fun v => F (crosstalk (u ++ p :: v) k i)))
      = lsum (allStates n) (fun p => ((2 ^ r : Nat) : Rat) * signSum (r * (n - 1))
          (fun y => F ((u.map (fun q => crossTerm p q i)).sum + y))) := by
    intro u hu
    apply lsum_congr
    intro p _
    rw [← length_of_mem_enumLists hu]
    simp only [crosstalk_append]
    exact lsum_crossTerm p i r (fun y => F (_ + y))
  rw [lsum_congr _ h1, lsum_comm]
  have h2 : ∀ p ∈ allStates n,
      lsum (enumLists (allStates n) k) (fun u => ((2 ^ r : Nat) : Rat) * signSum (r * (n - 1))
          (fun y => F ((u.map (fun q => crossTerm p q i)).sum + y)))
      = ((2 ^ r : Nat) : Rat) * (((2 ^ k : Nat) : Rat) * signSum (k * (n - 1) + r * (n - 1)) F) := by
    intro p _
    rw [lsum_mul_left, lsum_signSum]
    have h3 : (fun y => lsum (enumLists (allStates n) k)
          (fun u => F ((u.map (fun q => crossTerm p q i)).sum + y)))
        = (fun y => ((2 ^ k : Nat) : Rat) * signSum (k * (n - 1)) (fun x => F (x + y))) := by
      funext y; exact lsum_crossTerm p i k (fun x => F (x + y))
    have e : (fun a => signSum (k * (n - 1)) (fun b => F (b + a)))
        = (fun a => signSum (k * (n - 1)) (fun b => F (a + b))) := by
      funext a; congr 1; funext b; rw [Int.add_comm]
    rw [h3, signSum_mul_left, e, Nat.add_comm (k * (n - 1)), signSum_conv]
  rw [lsum_congr _ h2, lsum_const, length_enumStates]
  have e1 : (k + (r + 1) - 1) * (n - 1) = k * (n - 1) + r * (n - 1) := by
    have : k + (r + 1) - 1 = k + r := by omega
    rw [this, Nat.add_mul]
  have e2 : n + (k + (r + 1)) - 1 = n + r + k := by omega
  rw [e1, e2, Nat.pow_add, Nat.pow_add]
  push_cast
  grind

end Hopfield

end

end
