module

public import Hopfield.Data.SignSum

/-!
# All lists of a given length over a finite list

The uniform space of `m` independent uniform patterns (spec T9): all `|l|^m` lists of
length `m` with entries in `l`, enumerated explicitly so that sums over them are plain
recursions. Sums over a list of length `a + b` split into a sum over its first `a` entries
and a sum over the other `b`.

## Main definitions

* `Hopfield.enumLists`: all lists of length `m` with entries in `l`.

## Main results

* `Hopfield.length_enumLists`: there are `|l|^m` of them.
* `Hopfield.mem_enumLists`: they are exactly the lists of length `m` with entries in `l`.
* `Hopfield.lsum_enumLists_succ`, `Hopfield.lsum_enumLists_add`: splitting sums over them.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- All lists of length `m` with entries in `l`, the first entry varying slowest
(spec T9). -/
def enumLists {α : Type} (l : List α) : Nat → List (List α)
  | 0 => [[]]
  | m + 1 => l.flatMap (fun x => (enumLists l m).map (fun u => x :: u))

/-- There are `|l|^m` lists of length `m` over `l` (spec T9). -/
theorem length_enumLists {α : Type} (l : List α) : ∀ m, (enumLists l m).length = l.length ^ m
  | 0 => rfl
  | m + 1 => by
    simp only [enumLists, List.length_flatMap, List.length_map]
    rw [List.map_const', List.sum_replicate_nat, length_enumLists l m, Nat.pow_succ,
      Nat.mul_comm]

/-- The members of `enumLists l m` are exactly the lists of length `m` with entries in `l`
(spec T9). -/
theorem mem_enumLists {α : Type} (l : List α) :
    ∀ (m : Nat) (u : List α), u ∈ enumLists l m ↔ u.length = m ∧ ∀ x ∈ u, x ∈ l
  | 0, [] => by simp [enumLists]
  | 0, _ :: _ => by simp [enumLists]
  | m + 1, [] => by simp [enumLists]
  | m + 1, x :: u => by
    simp only [enumLists, List.mem_flatMap, List.mem_map, List.cons.injEq, List.length_cons,
      Nat.add_right_cancel_iff, List.mem_cons, forall_eq_or_imp]
    constructor
    · rintro ⟨y, hy, v, hv, rfl, rfl⟩
      exact ⟨((mem_enumLists l m v).mp hv).1, hy, ((mem_enumLists l m v).mp hv).2⟩
    · rintro ⟨hlen, hx, hu⟩
      exact ⟨x, hx, u, (mem_enumLists l m u).mpr ⟨hlen, hu⟩, rfl, rfl⟩

/-- A member of `enumLists l m` has length `m` (spec T9). -/
theorem length_of_mem_enumLists {α : Type} {l : List α} {m : Nat} {u : List α}
    (h : u ∈ enumLists l m) : u.length = m :=
  ((mem_enumLists l m u).mp h).1

/-- A sum over the lists of length `m + 1`: first entry, then the rest (spec T9). -/
theorem lsum_enumLists_succ {α : Type} (l : List α) (m : Nat) (f : List α → Rat) :
    lsum (enumLists l (m + 1)) f = lsum l (fun x => lsum (enumLists l m) (fun u => f (x :: u))) := by
  rw [enumLists, lsum_flatMap]
  simp only [lsum_map]

/-- A sum over the lists of length `a + b`: the first `a` entries, then the other `b`
(spec T9). -/
theorem lsum_enumLists_add {α : Type} (l : List α) (a b : Nat) (f : List α → Rat) :
    lsum (enumLists l (a + b)) f
      = lsum (enumLists l a) (fun u => lsum (enumLists l b) (fun v => f (u ++ v))) := by
  induction a generalizing f with
  | zero => simp only [Nat.zero_add, enumLists, lsum_cons, lsum_nil, List.nil_append,
      Rat.add_zero]
  | succ a ih =>
    rw [Nat.add_right_comm a 1 b, lsum_enumLists_succ, lsum_enumLists_succ]
    simp only [ih, List.cons_append]

end Hopfield

end

end
