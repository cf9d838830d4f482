module

public import Hopfield.Finite.Sum
public import Hopfield.Sum
public import Hopfield.Spec.Capacity

/-!
# Sums of independent uniform signs

The law of `S_N = σ_1 + … + σ_N` for `N` independent uniform signs `σ_j ∈ {-1, +1}`, as the
unnormalised expectation `signSum N F = ∑_{σ ∈ {±1}^N} F (S_N)` (spec T9). It is a plain
recursion, so it reduces in the kernel, and it equals the sum over all `2^N` states of
`Hopfield.allStates`. Two invariances of sums over states give the laws of the Hebbian
crosstalk: flipping the state by a fixed mask, and summing the spins off one neuron.

## Main definitions

The definitions pyref mirrors are in `Hopfield.Spec.Capacity`; here:

* `Hopfield.State.xorMask`: the state `s` with the neurons of a mask flipped.

## Main results

* `Hopfield.signSum_add`, `signSum_mul_left`, `signSum_le_signSum`, `signSum_nonneg`: linearity
  and order.
* `Hopfield.signSum_conv`: `S_{a+b}` is the sum of independent `S_a` and `S_b`.
* `Hopfield.signSum_eq_sumS`: `signSum N F = ∑_s F (∑_j s_j)` over all `2^N` states.
* `Hopfield.lsum_ite_eq_length_filter`: a sum of indicators counts.
* `Hopfield.sumS_xorMask`: sums over states are invariant under flipping by a mask.
* `Hopfield.sumS_sumFin_ne`: `∑_s F (∑_{j ≠ i} s_j) = 2 · signSum (n - 1) F`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- Unfolding `signSum` at a successor (spec T9). -/
theorem signSum_succ (N : Nat) (F : Int → Rat) :
    signSum (N + 1) F = signSum N (fun x => F (x + 1)) + signSum N (fun x => F (x - 1)) := rfl

/-- `signSum` of a sum is the sum of the `signSum`s (spec T9). -/
theorem signSum_add (N : Nat) (F G : Int → Rat) :
    signSum N (fun x => F x + G x) = signSum N F + signSum N G := by
  induction N generalizing F G with
  | zero => rfl
  | succ N ih =>
    rw [signSum_succ, signSum_succ, signSum_succ, ih (fun x => F (x + 1)) (fun x => G (x + 1)),
      ih (fun x => F (x - 1)) (fun x => G (x - 1))]
    grind

/-- A constant factor comes out of `signSum` (spec T9). -/
theorem signSum_mul_left (N : Nat) (c : Rat) (F : Int → Rat) :
    signSum N (fun x => c * F x) = c * signSum N F := by
  induction N generalizing F with
  | zero => rfl
  | succ N ih =>
    rw [signSum_succ, signSum_succ, ih (fun x => F (x + 1)), ih (fun x => F (x - 1))]
    grind

/-- `signSum` is monotone (spec T9). -/
theorem signSum_le_signSum (N : Nat) {F G : Int → Rat} (h : ∀ x, F x ≤ G x) :
    signSum N F ≤ signSum N G := by
  induction N generalizing F G with
  | zero => exact h 0
  | succ N ih =>
    rw [signSum_succ, signSum_succ]
    have h1 := ih (F := fun x => F (x + 1)) (G := fun x => G (x + 1)) (fun x => h _)
    have h2 := ih (F := fun x => F (x - 1)) (G := fun x => G (x - 1)) (fun x => h _)
    grind

/-- `signSum` of a nonnegative function is nonnegative (spec T9). -/
theorem signSum_nonneg (N : Nat) {F : Int → Rat} (h : ∀ x, 0 ≤ F x) : 0 ≤ signSum N F := by
  have := signSum_le_signSum N (F := fun _ => 0) (G := F) h
  have h0 : signSum N (fun _ => 0) = 0 := by
    have := signSum_mul_left N 0 (fun _ => 0)
    simp only [Rat.zero_mul] at this
    exact this
  grind

/-- `S_{a+b}` is the sum of independent `S_a` and `S_b` (spec T9). -/
theorem signSum_conv (a b : Nat) (F : Int → Rat) :
    signSum (a + b) F = signSum a (fun x => signSum b (fun y => F (x + y))) := by
  induction b generalizing F with
  | zero => simp only [Nat.add_zero, signSum, Int.add_zero]
  | succ b ih =>
    rw [← Nat.add_assoc, signSum_succ, ih (fun z => F (z + 1)), ih (fun z => F (z - 1)),
      ← signSum_add]
    congr 1
    funext x
    rw [signSum_succ]
    have e1 : (fun y => F (x + y + 1)) = (fun y => F (x + (y + 1))) := by
      funext y; rw [Int.add_assoc]
    have e2 : (fun y => F (x + y - 1)) = (fun y => F (x + (y - 1))) := by
      funext y; rw [Int.add_sub_assoc]
    rw [e1, e2]

/-- A sum over a list of lists flattened is the sum of the inner sums (spec T9). -/
theorem lsum_append {α : Type} (l m : List α) (f : α → Rat) :
    lsum (l ++ m) f = lsum l f + lsum m f := by
  induction l with
  | nil => simp only [List.nil_append, lsum_nil]; grind
  | cons x l ih => simp only [List.cons_append, lsum_cons, ih]; grind

/-- A sum over `l.flatMap g` is the sum over `l` of the sums over `g x` (spec T9). -/
theorem lsum_flatMap {α β : Type} (l : List α) (g : α → List β) (f : β → Rat) :
    lsum (l.flatMap g) f = lsum l (fun x => lsum (g x) f) := by
  induction l with
  | nil => rfl
  | cons x l ih => rw [List.flatMap_cons, lsum_append, ih, lsum_cons]

/-- A sum over `l.map g` is the sum of `f ∘ g` over `l` (spec T9). -/
theorem lsum_map {α β : Type} (l : List α) (g : α → β) (f : β → Rat) :
    lsum (l.map g) f = lsum l (fun x => f (g x)) := by
  induction l with
  | nil => rfl
  | cons x l ih => rw [List.map_cons, lsum_cons, lsum_cons, ih]

/-- A sum of indicators counts: `∑_{x ∈ l} [p x] = |filter p l|` (spec T9). -/
theorem lsum_ite_eq_length_filter {α : Type} (l : List α) (p : α → Bool) :
    lsum l (fun x => if p x = true then 1 else 0) = ((l.filter p).length : Rat) := by
  induction l with
  | nil => rfl
  | cons x l ih =>
    rw [lsum_cons, ih, List.filter_cons]
    cases p x
    · simp only [Bool.false_eq_true, if_false]
      grind
    · simp only [if_true, List.length_cons]
      push_cast
      grind

/-- `signSum` commutes with a sum over a list (spec T9). -/
theorem lsum_signSum {α : Type} (l : List α) (N : Nat) (H : α → Int → Rat) :
    lsum l (fun u => signSum N (fun y => H u y)) = signSum N (fun y => lsum l (fun u => H u y)) := by
  induction N generalizing H with
  | zero => rfl
  | succ N ih =>
    simp only [signSum_succ]
    rw [lsum_add, ih (fun u y => H u (y + 1)), ih (fun u y => H u (y - 1))]

/-- Neuron `i + 1` of `cons b r` is neuron `i` of `r` (spec T9). -/
theorem State.cons_succ {n : Nat} (b : Bool) (r : State n) (i : Fin n) :
    State.cons b r i.succ = r i :=
  congrFun (State.tail_cons b r) i

/-- A sum over the states of `n + 1` neurons, split on neuron `0` (spec T9). -/
theorem sumS_succ {n : Nat} (G : State (n + 1) → Rat) :
    sumS (n + 1) G = sumS n (fun r => G (State.cons false r) + G (State.cons true r)) := by
  unfold sumS
  rw [allStates, lsum_flatMap]
  apply lsum_congr
  intro r _
  simp only [lsum_cons, lsum_nil, Rat.add_zero]

/-- The spin of `true` is `+1` (spec T9). -/
theorem spin_true : spin true = 1 := rfl

/-- The spin of `false` is `-1` (spec T9). -/
theorem spin_false : spin false = -1 := rfl

/-- The spin sum of `cons b r` (spec T9). -/
theorem sumFin_val_cons {n : Nat} (b : Bool) (r : State n) :
    sumFin (n + 1) (State.cons b r).val = spin b + sumFin n r.val := by
  rw [sumFin_succ]
  simp only [State.val, State.cons_zero, State.cons_succ]
  rfl

/-- `signSum N F` is the sum of `F (∑_j s_j)` over all `2^N` states (spec T9). -/
theorem signSum_eq_sumS (N : Nat) (F : Int → Rat) :
    signSum N F = sumS N (fun s => F (sumFin N s.val)) := by
  induction N generalizing F with
  | zero => simp [signSum, sumS, allStates, sumFin, Rat.add_zero]
  | succ N ih =>
    rw [sumS_succ, signSum_succ, ih, ih, ← sumS_add]
    apply sumS_congr
    intro r
    rw [sumFin_val_cons, sumFin_val_cons, spin_false, spin_true]
    have e1 : (1 : Int) + sumFin N r.val = sumFin N r.val + 1 := Int.add_comm _ _
    have e2 : (-1 : Int) + sumFin N r.val = sumFin N r.val - 1 := by omega
    rw [e1, e2, Rat.add_comm]

/-- The state `s` with the neurons `j` where `a j = true` flipped (spec T9). -/
def State.xorMask {n : Nat} (s a : State n) : State n := fun j => xor (s j) (a j)

/-- Flipping `cons b r` by a mask flips `b` by neuron `0` and `r` by the tail (spec T9). -/
theorem State.xorMask_cons {n : Nat} (b : Bool) (r : State n) (a : State (n + 1)) :
    State.xorMask (State.cons b r) a = State.cons (xor b (a 0)) (State.xorMask r a.tail) := by
  funext j
  refine Fin.cases ?_ (fun k => ?_) j
  · simp only [State.xorMask, State.cons_zero]
  · simp only [State.xorMask, State.cons_succ, State.tail]

/-- Sums over states are invariant under flipping by a fixed mask (spec T9). -/
theorem sumS_xorMask {n : Nat} (a : State n) (G : State n → Rat) :
    sumS n (fun s => G (State.xorMask s a)) = sumS n G := by
  induction n with
  | zero =>
    have : ∀ s : State 0, State.xorMask s a = s := fun s => funext (fun i => i.elim0)
    simp only [this]
  | succ n ih =>
    rw [sumS_succ, sumS_succ]
    simp only [State.xorMask_cons]
    have key := ih a.tail (fun r => G (State.cons false r) + G (State.cons true r))
    rw [← key]
    apply sumS_congr
    intro r
    cases a 0
    · rfl
    · simp only [Bool.false_xor, Bool.true_xor, Bool.not_true]
      rw [Rat.add_comm]

/-- Summing the spins off neuron `i`: `∑_s F (∑_{j ≠ i} s_j) = 2 · signSum (n - 1) F`
(spec T9). -/
theorem sumS_sumFin_ne {n : Nat} (i : Fin n) (F : Int → Rat) :
    sumS n (fun s => F (sumFin n (fun j => if j = i then 0 else s.val j)))
      = 2 * signSum (n - 1) F := by
  induction n generalizing F with
  | zero => exact i.elim0
  | succ n ih =>
    rw [sumS_succ]
    refine Fin.cases ?_ (fun k => ?_) i
    · have h : ∀ b (r : State n), sumFin (n + 1)
          (fun j => if j = (0 : Fin (n + 1)) then 0 else (State.cons b r).val j)
          = sumFin n r.val := by
        intro b r
        rw [sumFin_succ]
        simp only [if_true, Fin.succ_ne_zero, if_false, State.val, State.cons_succ, Int.zero_add]
        rfl
      simp only [h]
      rw [Nat.add_sub_cancel, signSum_eq_sumS, ← sumS_mul_left]
      apply sumS_congr
      intro r
      grind
    · obtain ⟨n', rfl⟩ : ∃ n', n = n' + 1 := ⟨n - 1, by have := k.isLt; omega⟩
      have h : ∀ b (r : State (n' + 1)), sumFin (n' + 1 + 1)
          (fun j => if j = k.succ then 0 else (State.cons b r).val j)
          = spin b + sumFin (n' + 1) (fun j => if j = k then 0 else r.val j) := by
        intro b r
        rw [sumFin_succ]
        have h0 : ¬ ((0 : Fin (n' + 1 + 1)) = k.succ) := fun e => Fin.succ_ne_zero k e.symm
        simp only [h0, if_false, Fin.succ_inj, State.val, State.cons_succ, State.cons_zero]
      simp only [h, spin_false, spin_true]
      rw [sumS_add, ih k (fun x => F (-1 + x)), ih k (fun x => F (1 + x))]
      simp only [Nat.add_sub_cancel, signSum_succ]
      have e1 : (fun x => F (1 + x)) = (fun x => F (x + 1)) := by funext x; rw [Int.add_comm]
      have e2 : (fun x => F (-1 + x)) = (fun x => F (x - 1)) := by funext x; congr 1; omega
      rw [e1, e2]
      grind

end Hopfield

end

end
