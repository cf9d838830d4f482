module

public import Hopfield.Basic
public import Hopfield.Spec.Boltzmann

/-!
# Enumeration of all `2^n` states

The finite state space `{-1,+1}^n` of the Boltzmann machine (spec "Stochastic theorems"),
enumerated explicitly so that sums over states are kernel-evaluable.

Enumeration order (shared with `pyref`): state index `k ∈ [0, 2^n)` has neuron `i = +1`
iff bit `i` of `k` is `1` (neuron `0` is the least significant bit).

## Main definitions

The definitions pyref mirrors are in `Hopfield.Spec.Boltzmann`.

## Main results

* `Hopfield.mem_enumStates`: the enumeration is complete.
* `Hopfield.nodup_enumStates`: the enumeration is duplicate-free.
* `Hopfield.length_enumStates`: it has `2^n` entries.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- A state is `cons` of its neuron `0` and its tail (spec B1-B5 finite layer). -/
theorem State.cons_tail {n : Nat} (s : State (n + 1)) : State.cons (s 0) s.tail = s := by
  funext i
  by_cases h : i.val = 0
  · have : i = 0 := Fin.ext h
    subst this
    simp [State.cons]
  · simp only [State.cons, h, dite_false, State.tail]
    congr 1
    apply Fin.ext
    simp only [Fin.val_succ]
    omega

/-- Neuron `0` of `cons b r` is `b` (spec B1-B5 finite layer). -/
theorem State.cons_zero {n : Nat} (b : Bool) (r : State n) : State.cons b r 0 = b := by
  simp [State.cons]

/-- The tail of `cons b r` is `r` (spec B1-B5 finite layer). -/
theorem State.tail_cons {n : Nat} (b : Bool) (r : State n) : (State.cons b r).tail = r := by
  funext i
  simp [State.cons, State.tail]

/-- `cons` is injective (spec B1-B5 finite layer). -/
theorem State.cons_inj {n : Nat} {b b' : Bool} {r r' : State n}
    (h : State.cons b r = State.cons b' r') : b = b' ∧ r = r' := by
  refine ⟨?_, ?_⟩
  · have := congrArg (fun s => s 0) h
    simpa [State.cons_zero] using this
  · have := congrArg State.tail h
    simpa [State.tail_cons] using this

/-- The enumeration is complete: every state occurs (spec B1-B5 finite layer). -/
theorem mem_enumStates : ∀ {n : Nat} (s : State n), s ∈ allStates n
  | 0, s => by
    have : s = fun i => i.elim0 := funext (fun i => i.elim0)
    simp [allStates, this]
  | n + 1, s => by
    simp only [allStates, List.mem_flatMap]
    refine ⟨s.tail, mem_enumStates _, ?_⟩
    rw [← State.cons_tail s]
    cases s 0 <;> simp [State.tail_cons]

/-- The enumeration is duplicate-free (spec B1-B5 finite layer). -/
theorem nodup_enumStates : ∀ {n : Nat}, (allStates n).Nodup
  | 0 => by simp [allStates]
  | n + 1 => by
    simp only [allStates, List.Nodup, List.pairwise_flatMap]
    refine ⟨?_, ?_⟩
    · intro r _
      refine List.Pairwise.cons ?_ (List.Pairwise.cons (by simp) List.Pairwise.nil)
      intro a ha h
      simp only [List.mem_cons, List.not_mem_nil, or_false] at ha
      subst ha
      exact Bool.noConfusion (State.cons_inj h).1
    · have h := (@nodup_enumStates n)
      refine List.Pairwise.imp ?_ h
      intro r r' hne x hx y hy heq
      simp only [List.mem_cons, List.not_mem_nil, or_false] at hx hy
      rcases hx with rfl | rfl <;> rcases hy with rfl | rfl <;>
        exact hne (State.cons_inj heq).2

/-- There are `2^n` states (spec B1-B5 finite layer). -/
theorem length_enumStates : ∀ {n : Nat}, (allStates n).length = 2 ^ n
  | 0 => rfl
  | n + 1 => by
    simp only [allStates, List.length_flatMap, List.length_cons, List.length_nil]
    rw [List.map_const', List.sum_replicate_nat, length_enumStates]
    simp [Nat.pow_succ, Nat.mul_comm]

example : (allStates 2).map State.toList = [[-1, -1], [1, -1], [-1, 1], [1, 1]] := by
  decide +kernel

example : (allStates 3).length = 8 := by decide +kernel

end Hopfield

end

end
