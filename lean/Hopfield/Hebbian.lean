module

public import Hopfield.HebbianSum

/-!
# Hebbian storage of orthogonal patterns (spec T3)

For patterns `p_1, …, p_m` the Hebbian weights are `W = ∑_k p_k p_kᵀ - m I` and the thresholds
are zero. When the patterns are pairwise orthogonal (`p_k · p_l = 0` for distinct list
positions; so no pattern is listed twice when `n > 0`) the local field at a stored pattern is
exactly `(n - m) p_k`, so for `m < n` every stored pattern is a fixed point of the asynchronous
dynamics and of the synchronous dynamics, under both tie rules.

## Main definitions

* `Hopfield.PairwiseOrthogonal`: the patterns have pairwise overlap zero

## Main results

* `Hopfield.field_hebbian`: `h_i(s) = ∑_k p_{k,i} (p_k · s) - m s_i` for every state `s`.
* `Hopfield.field_hebbian_of_mem`: `h_i(p) = (n - m) p_i` for a stored orthogonal pattern.
* `Hopfield.isFixedPoint_hebbian`, `Hopfield.asyncStep_hebbian_of_mem`,
  `Hopfield.syncStep_hebbian_of_mem`: stored patterns are fixed points (both tie rules).
* Kernel-checked examples: four Hadamard rows on 8 neurons.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- The patterns `ps` are pairwise orthogonal: `p · q = 0` for any two of them at distinct
positions of the list (spec T3). -/
def PairwiseOrthogonal {n : Nat} (ps : List (State n)) : Prop :=
  ps.Pairwise (fun p q => overlap p q = 0)

/-- Pairwise orthogonality is decidable, so the kernel checks it on examples (spec T3). -/
instance instDecidablePairwiseOrthogonal {n : Nat} (ps : List (State n)) :
    Decidable (PairwiseOrthogonal ps) := by
  unfold PairwiseOrthogonal; infer_instance

/-- A list sum times a constant (spec T3). -/
theorem list_sum_map_mul {α : Type} (ps : List α) (f : α → Int) (c : Int) :
    (ps.map f).sum * c = (ps.map (fun p => f p * c)).sum := by
  induction ps with
  | nil => simp
  | cons p ps ih => simp only [List.map_cons, List.sum_cons, Int.add_mul, ih]

/-- A list sum of zeros is zero (spec T3). -/
theorem list_sum_map_eq_zero {α : Type} (ps : List α) (f : α → Int) (h : ∀ q ∈ ps, f q = 0) :
    (ps.map f).sum = 0 := by
  induction ps with
  | nil => simp
  | cons p ps ih =>
    simp only [List.map_cons, List.sum_cons, h p (List.mem_cons_self ..),
      ih (fun q hq => h q (List.mem_cons_of_mem _ hq))]
    rfl

/-- Over pairwise-orthogonal patterns, a sum whose terms vanish at every pattern orthogonal
to `p ∈ ps` is the term of `p` (spec T3). -/
theorem list_sum_map_orth {n : Nat} {ps : List (State n)} (hps : PairwiseOrthogonal ps)
    {p : State n} (hp : p ∈ ps) (F : State n → Int) (hF : ∀ q, overlap p q = 0 → F q = 0) :
    (ps.map F).sum = F p := by
  induction ps with
  | nil => simp at hp
  | cons a l ih =>
    unfold PairwiseOrthogonal at hps
    rw [List.pairwise_cons] at hps
    simp only [List.map_cons, List.sum_cons]
    rcases List.mem_cons.mp hp with rfl | hl
    · rw [list_sum_map_eq_zero l F (fun q hq => hF q (hps.1 q hq)), Int.add_zero]
    · rw [hF a (by rw [overlap_comm]; exact hps.1 p hl), ih hps.2 hl, Int.zero_add]

/-- The Hebbian local field: `h_i(s) = ∑_k p_{k,i} (p_k · s) - m s_i` (spec T3). -/
theorem field_hebbian {n : Nat} (ps : List (State n)) (s : State n) (i : Fin n) :
    field (hebbian ps) s i
      = (ps.map (fun q => q.val i * overlap q s)).sum - (ps.length : Int) * s.val i := by
  have hterm : ∀ j, hebbian ps i j * s.val j
      = (ps.map (fun q => q.val i * (q.val j * s.val j))).sum
        + (-1) * (if i = j then (ps.length : Int) * s.val j else 0) := by
    intro j
    simp only [hebbian]
    rw [Int.sub_mul, list_sum_map_mul]
    have : (ps.map fun p => p.val i * p.val j * s.val j)
        = ps.map (fun q => q.val i * (q.val j * s.val j)) := by
      apply List.map_congr_left; intro q _; exact Int.mul_assoc _ _ _
    rw [this]
    split <;> omega
  unfold field
  simp only [hterm]
  rw [sumFin_add, sumFin_mul_left, sumFin_ite_eq',
    sumFin_list_sum n ps (fun q j => q.val i * (q.val j * s.val j))]
  simp only [sumFin_mul_left, overlap]
  omega

/-- The field at a stored pattern of a pairwise-orthogonal family is `(n - m) p_i`
(spec T3). -/
theorem field_hebbian_of_mem {n : Nat} {ps : List (State n)} (hps : PairwiseOrthogonal ps)
    {p : State n} (hp : p ∈ ps) (i : Fin n) :
    field (hebbian ps) p i = ((n : Int) - ps.length) * p.val i := by
  rw [field_hebbian, list_sum_map_orth hps hp (fun q => q.val i * overlap q p)
    (fun q hq => by simp only [overlap_comm q p, hq, Int.mul_zero]), overlap_self]
  grind

/-- With zero threshold, a field whose sign is the spin of `c` updates any bit to `c`, under
either tie rule (spec T3, T4). -/
theorem updateBit_of_spin_mul_pos (rule : TieRule) {h : Int} (b : Bool) {c : Bool}
    (hpos : 0 < spin c * h) : updateValue rule h 0 b = c := by
  cases c <;> simp [spin] at hpos <;> unfold updateValue
  · rw [if_neg (by omega), if_pos (by omega)]
  · rw [if_pos (by omega)]

/-- For `m < n`, an asynchronous step at a stored pattern keeps it (spec T3). -/
theorem asyncStep_hebbian_of_mem (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) (hlen : ps.length < n) {p : State n} (hp : p ∈ ps)
    (i : Fin n) : asyncStep rule (hebbian ps) (fun _ => 0) p i = p := by
  funext j
  unfold asyncStep
  split
  · rename_i hj
    subst hj
    apply updateBit_of_spin_mul_pos
    rw [field_hebbian_of_mem hps hp]
    simp only [State.val]
    cases p j <;> simp [spin] <;> omega
  · rfl

/-- For `m < n`, every stored pattern is a fixed point of the asynchronous dynamics, under
either tie rule (spec T3). -/
theorem isFixedPoint_hebbian (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) (hlen : ps.length < n) {p : State n} (hp : p ∈ ps) :
    IsFixedPoint rule (hebbian ps) (fun _ => 0) p :=
  asyncStep_hebbian_of_mem rule hps hlen hp

/-- For `m < n`, every stored pattern is a fixed point of the synchronous dynamics, under
either tie rule (spec T3). -/
theorem syncStep_hebbian_of_mem (rule : TieRule) {n : Nat} {ps : List (State n)}
    (hps : PairwiseOrthogonal ps) (hlen : ps.length < n) {p : State n} (hp : p ∈ ps) :
    syncStep rule (hebbian ps) (fun _ => 0) p = p := by
  funext i
  have := congrFun (asyncStep_hebbian_of_mem rule hps hlen hp i) i
  simpa [asyncStep, syncStep] using this

/-! ### Kernel-checked examples: four Hadamard rows on 8 neurons -/

/-- A state from a list of 8 bits. -/
def exState8 (l : List Bool) : State 8 := fun i => l.getD i.val false

/-- Rows 0-3 of the 8 × 8 Sylvester–Hadamard matrix, pairwise orthogonal (spec T3). -/
def exHadamard : List (State 8) :=
  [exState8 [true, true, true, true, true, true, true, true],
   exState8 [true, false, true, false, true, false, true, false],
   exState8 [true, true, false, false, true, true, false, false],
   exState8 [true, false, false, true, true, false, false, true]]

example : PairwiseOrthogonal exHadamard := by decide +kernel
-- field at the second row: (8 - 4) * [1,-1,1,-1,1,-1,1,-1]
example : (List.finRange 8).map (field (hebbian exHadamard) (exHadamard[1]'(by decide)))
    = [4, -4, 4, -4, 4, -4, 4, -4] := by decide +kernel
example : ∀ p ∈ exHadamard,
    (syncStep .keep (hebbian exHadamard) (fun _ => 0) p).toList = p.toList := by
  decide +kernel
example (rule : TieRule) :
    ∀ p ∈ exHadamard, IsFixedPoint rule (hebbian exHadamard) (fun _ => 0) p :=
  fun _ hp => isFixedPoint_hebbian rule (by decide +kernel) (by decide) hp

end Hopfield

end

end
