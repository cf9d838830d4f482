module

public import Hopfield.Thm.Capacity

/-!
# The capacity bound: instability probability and the union bound (spec T9)

With Hebbian weights, zero thresholds and `keep` ties, neuron `i` of `p^k` is unstable
exactly when `p^k_i h_i(p^k) < 0`, that is when the crosstalk is `C ≤ -n`. By the law of the
crosstalk (`Hopfield.lsum_crosstalk`) this happens for exactly `2^(n+m-1)` times as many
pattern lists as there are sign vectors `σ ∈ {±1}^N`, `N = (m-1)(n-1)`, with `∑ σ ≤ -n`:
`P(neuron i of p^k unstable) = P(S_N ≤ -n)`, since `2^(n m) = 2^(n+m-1) 2^N`. The union bound
over the `m n` pairs `(k, i)` then gives `P(all m patterns are fixed points) ≥ 1 - m n P(S_N ≤ -n)`.

## Main definitions

* `Hopfield.AllFixed`: every pattern of the list is a fixed point of its Hebbian network.

## Main results

* `Hopfield.asyncStep_keep_eq_self_iff`: with zero threshold, neuron `i` is stable iff
  `0 ≤ s_i h_i`.
* `Hopfield.length_filter_crosstalk_eq`: the counting form of the law of the crosstalk.
* `Hopfield.lsum_unstable`: `#(neuron i of p^k unstable) = 2^(n+m-1) · #(S_N ≤ -n)`.
* `Hopfield.lsum_allFixed_ge`: `#(all fixed) ≥ 2^(n+m-1) (2^N - m n #(S_N ≤ -n))`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- With `keep` ties and threshold zero, a bit stays iff its spin times the field is
nonnegative (spec T9). -/
theorem updateBit_keep_zero_eq_iff (h : Int) (b : Bool) :
    updateValue .keep h 0 b = b ↔ 0 ≤ spin b * h := by
  unfold updateValue
  by_cases h1 : 0 < h
  · cases b <;> simp [h1, spin] <;> omega
  · by_cases h2 : h < 0
    · cases b <;> simp [h1, h2, spin] <;> omega
    · cases b <;> simp [h1, h2, spin] <;> omega

/-- With `keep` ties and zero thresholds, neuron `i` of `s` is stable iff `0 ≤ s_i h_i(s)`
(spec T9). -/
theorem asyncStep_keep_eq_self_iff {n : Nat} (W : Weights n) (s : State n) (i : Fin n) :
    asyncStep .keep W (fun _ => 0) s i = s ↔ 0 ≤ s.val i * field W s i := by
  rw [State.val, ← updateBit_keep_zero_eq_iff]
  constructor
  · intro h
    have := congrFun h i
    rwa [asyncStep_self] at this
  · intro h
    funext j
    by_cases hj : j = i
    · subst hj; rw [asyncStep_self]; exact h
    · exact asyncStep_other _ _ _ _ hj

/-- Counting form of the law of the crosstalk: for every integer `c`, the number of lists
of `m` patterns whose crosstalk at `(k, i)` is `c` equals `2^(n+m-1)` times the number of
sign vectors of length `N = (m-1)(n-1)` summing to `c` (spec T9). -/
theorem length_filter_crosstalk_eq {n m k : Nat} (hk : k < m) (i : Fin n) (c : Int) :
    ((patternLists n m).filter (fun ps => decide (crosstalk ps k i = c))).length
      = 2 ^ (n + m - 1) * ((allStates ((m - 1) * (n - 1))).filter
          (fun σ => decide (sumFin ((m - 1) * (n - 1)) σ.val = c))).length := by
  have h := lsum_crosstalk hk i (fun x => if x = c then 1 else 0)
  rw [signSum_eq_sumS] at h
  have h1 := lsum_ite_eq_length_filter (patternLists n m)
    (fun ps => decide (crosstalk ps k i = c))
  have h2 := lsum_ite_eq_length_filter (allStates ((m - 1) * (n - 1)))
    (fun σ => decide (sumFin ((m - 1) * (n - 1)) σ.val = c))
  simp only [decide_eq_true_eq] at h1 h2
  unfold sumS at h
  rw [h1, h2] at h
  exact_mod_cast h

/-- The instability count: the number of lists of `m` patterns in which neuron `i` of
`p^k` is unstable (an asynchronous step at `i` changes `p^k`; `keep` ties, zero
thresholds) is `2^(n+m-1)` times the number of sign vectors of length `(m-1)(n-1)` with
sum `≤ -n`. As `2^(n m) = 2^(n+m-1) 2^N`, `P(unstable) = P(S_N ≤ -n)` exactly (spec T9). -/
theorem lsum_unstable {n m k : Nat} (hk : k < m) (i : Fin n) :
    lsum (patternLists n m) (fun ps =>
      if asyncStep .keep (hebbian ps) (fun _ => 0) (pattern ps k) i = pattern ps k then 0 else 1)
      = ((2 ^ (n + m - 1) : Nat) : Rat) * signSumTail ((m - 1) * (n - 1)) n := by
  unfold signSumTail
  rw [← lsum_crosstalk hk i]
  apply lsum_congr
  intro ps hps
  have hlen : k < ps.length := by
    rw [length_of_mem_enumLists hps]; exact hk
  have key := spin_mul_field_hebbian ps hlen i
  by_cases h : asyncStep .keep (hebbian ps) (fun _ => 0) (pattern ps k) i = pattern ps k
  · have h' := (asyncStep_keep_eq_self_iff _ _ _).mp h
    rw [if_pos h, if_neg (by omega)]
  · have h' : ¬ 0 ≤ (pattern ps k).val i * field (hebbian ps) (pattern ps k) i :=
      fun e => h ((asyncStep_keep_eq_self_iff _ _ _).mpr e)
    rw [if_neg h, if_pos (by omega)]

/-- Every pattern of the list is a fixed point of its Hebbian network (`keep` ties, zero
thresholds) (spec T9). -/
def AllFixed {n : Nat} (ps : List (State n)) : Prop :=
  ∀ p ∈ ps, IsFixedPoint .keep (hebbian ps) (fun _ => 0) p

/-- `AllFixed` is decidable (spec T9). -/
instance instDecidableAllFixed {n : Nat} (ps : List (State n)) : Decidable (AllFixed ps) := by
  unfold AllFixed IsFixedPoint; infer_instance

/-- The number of unstable pairs `(k, i)` of a pattern list (spec T9). -/
def numUnstable {n : Nat} (m : Nat) (ps : List (State n)) : Rat :=
  lsum (List.range m) (fun k => lsum (List.finRange n) (fun i =>
    if asyncStep .keep (hebbian ps) (fun _ => 0) (pattern ps k) i = pattern ps k then 0 else 1))

/-- Pointwise union bound: `[all fixed] ≥ 1 - #(unstable pairs)` (spec T9). -/
theorem one_sub_numUnstable_le {n m : Nat} (ps : List (State n)) (hps : ps.length = m) :
    1 - numUnstable m ps ≤ if AllFixed ps then 1 else 0 := by
  have hnn : ∀ k, 0 ≤ lsum (List.finRange n) (fun i =>
      if asyncStep .keep (hebbian ps) (fun _ => 0) (pattern ps k) i = pattern ps k
      then (0 : Rat) else 1) :=
    fun k => lsum_nonneg _ (fun i _ => by split <;> grind)
  by_cases h : AllFixed ps
  · rw [if_pos h]
    have := lsum_nonneg (List.range m) (fun k _ => hnn k)
    unfold numUnstable
    grind
  · rw [if_neg h]
    unfold AllFixed at h
    obtain ⟨p, hp, hnot⟩ : ∃ p ∈ ps, ¬ IsFixedPoint .keep (hebbian ps) (fun _ => 0) p := by
      by_cases e : ∃ p ∈ ps, ¬ IsFixedPoint .keep (hebbian ps) (fun _ => 0) p
      · exact e
      · exact absurd (fun p hp => Classical.byContradiction (fun hn => e ⟨p, hp, hn⟩)) h
    obtain ⟨i, hi⟩ : ∃ i, asyncStep .keep (hebbian ps) (fun _ => 0) p i ≠ p := by
      unfold IsFixedPoint at hnot
      exact Classical.byContradiction (fun e => hnot (fun i =>
        Classical.byContradiction (fun hn => e ⟨i, hn⟩)))
    obtain ⟨k, hk, rfl⟩ := List.mem_iff_getElem.mp hp
    have hpat : pattern ps k = ps[k] := by simp [pattern, List.getElem?_eq_getElem hk]
    have h1 : (1 : Rat) ≤ lsum (List.finRange n) (fun i =>
        if asyncStep .keep (hebbian ps) (fun _ => 0) (pattern ps k) i = pattern ps k
        then (0 : Rat) else 1) := by
      have := single_le_lsum (List.finRange n)
        (f := fun i => if asyncStep .keep (hebbian ps) (fun _ => 0) (pattern ps k) i
          = pattern ps k then (0 : Rat) else 1)
        (fun i _ => by dsimp only; split <;> grind) (List.mem_finRange i)
      simp only [hpat, if_neg hi] at this
      rw [hpat]
      exact this
    have h2 := single_le_lsum (List.range m) (fun k _ => hnn k)
      (List.mem_range.mpr (hps ▸ hk))
    unfold numUnstable
    grind

/-- The union bound: the number of lists of `m` patterns of `n` neurons all of whose
patterns are fixed points (Hebbian weights, `keep` ties, zero thresholds) is at least
`2^(n+m-1) (2^N - m n #(S_N ≤ -n))`, `N = (m-1)(n-1)`. Dividing by `2^(n m) = 2^(n+m-1) 2^N`
(`Hopfield.mul_eq_add_mul_sub`): `P(all m patterns fixed) ≥ 1 - m n P(S_N ≤ -n)` (spec T9). -/
theorem lsum_allFixed_ge {n m : Nat} (hn : 0 < n) (hm : 0 < m) :
    ((2 ^ (n + m - 1) : Nat) : Rat) * (((2 ^ ((m - 1) * (n - 1)) : Nat) : Rat)
        - ((m * n : Nat) : Rat) * signSumTail ((m - 1) * (n - 1)) n)
      ≤ lsum (patternLists n m) (fun ps => if AllFixed ps then 1 else 0) := by
  have hle := lsum_le_lsum (patternLists n m)
    (fun ps hps => one_sub_numUnstable_le (m := m) ps (length_of_mem_enumLists hps))
  rw [lsum_sub, lsum_const, length_patternLists] at hle
  have hswap : lsum (patternLists n m) (fun ps => numUnstable m ps)
      = ((m * n : Nat) : Rat) * (((2 ^ (n + m - 1) : Nat) : Rat)
          * signSumTail ((m - 1) * (n - 1)) n) := by
    unfold numUnstable
    rw [lsum_comm]
    rw [lsum_congr (List.range m) (g := fun _ => ((n : Nat) : Rat) * (((2 ^ (n + m - 1) : Nat)
        : Rat) * signSumTail ((m - 1) * (n - 1)) n)) (fun k hk => by
      rw [lsum_comm, lsum_congr (List.finRange n) (g := fun _ => ((2 ^ (n + m - 1) : Nat) : Rat)
          * signSumTail ((m - 1) * (n - 1)) n) (fun i _ => lsum_unstable
            (List.mem_range.mp hk) i), lsum_const, List.length_finRange])]
    rw [lsum_const, List.length_range]
    push_cast
    grind
  rw [hswap, mul_eq_add_mul_sub n m hn hm, Nat.pow_add] at hle
  push_cast at hle ⊢
  grind

end Hopfield

end

end
