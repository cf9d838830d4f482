module

public import Hopfield.Finite.Sum

/-!
# Distributions, Markov kernels and total variation on the `2^n` states

The finite-probability layer of the Boltzmann-machine theorems (spec B1-B5): distributions
are functions to `Rat`, kernels are rational matrices indexed by states, all kernel-evaluable.

## Main definitions

The definitions pyref mirrors are in `Hopfield.Spec.Boltzmann`.

## Main results

* `Hopfield.act_comp`, `Hopfield.act_kprod_append`, `Hopfield.act_kpow_add`: associativity.
* `Hopfield.isMarkov_comp`, `Hopfield.isMarkov_kprod`, `Hopfield.isMarkov_kpow`,
  `Hopfield.isDist_act`: closure properties.
* `Hopfield.isStationary_kprod`: stationary for each factor implies for the product.
* `Hopfield.tv_nonneg`, `Hopfield.tv_le_one`, `Hopfield.eq_of_tv_eq_zero`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- Pushing through the identity kernel changes nothing (spec B1-B5 finite layer). -/
theorem act_idK (μ : Dist n) : act μ idK = μ := by
  funext t
  unfold act idK
  rw [sumS_congr (g := fun s => if s = t then μ t else 0) (fun s => by
    by_cases h : s = t
    · subst h; simp only [if_true]; grind
    · have h' : ¬ t = s := fun e => h e.symm
      simp only [h, h', if_false]; grind)]
  exact sumS_ite_eq t (μ t)

/-- Associativity: `μ (K L) = (μ K) L` (spec B2-B4). -/
theorem act_comp (μ : Dist n) (K L : Kernel n) : act μ (comp K L) = act (act μ K) L := by
  funext u
  unfold act comp
  have h1 : sumS n (fun s => μ s * sumS n (fun t => K s t * L t u)) =
      sumS n (fun s => sumS n (fun t => μ s * K s t * L t u)) := by
    apply sumS_congr; intro s
    rw [← sumS_mul_left]; apply sumS_congr; intro t; grind
  have h2 : sumS n (fun t => sumS n (fun s => μ s * K s t) * L t u) =
      sumS n (fun t => sumS n (fun s => μ s * K s t * L t u)) := by
    apply sumS_congr; intro t
    rw [← sumS_mul_right]
  rw [h1, h2, sumS_comm]

/-- `μ (K₁ ⋯ K_m L₁ ⋯ L_k) = (μ K₁ ⋯ K_m) L₁ ⋯ L_k` (spec B1-B5 finite layer). -/
theorem act_kprod_append (Ks Ls : List (Kernel n)) (μ : Dist n) :
    act μ (kprod (Ks ++ Ls)) = act (act μ (kprod Ks)) (kprod Ls) := by
  induction Ks generalizing μ with
  | nil => simp only [List.nil_append, kprod, act_idK]
  | cons K Ks ih =>
    simp only [List.cons_append, kprod, act_comp]
    rw [ih]

/-- `μ K^(a+b) = (μ K^a) K^b` (spec B1-B5 finite layer). -/
theorem act_kpow_add (K : Kernel n) (a b : Nat) (μ : Dist n) :
    act μ (kpow K (a + b)) = act (act μ (kpow K a)) (kpow K b) := by
  unfold kpow
  have h : ∀ a : Nat, List.replicate (a + b) K = List.replicate a K ++ List.replicate b K := by
    intro a
    induction a with
    | zero => simp
    | succ a ih => rw [Nat.add_right_comm, List.replicate_succ, ih]; rfl
  rw [h, act_kprod_append]

/-- `μ K^(k+1) = (μ K^k) K` (spec B1-B5 finite layer). -/
theorem act_kpow_succ (K : Kernel n) (k : Nat) (μ : Dist n) :
    act μ (kpow K (k + 1)) = act (act μ (kpow K k)) K := by
  rw [act_kpow_add]
  congr 1
  funext t
  simp only [kpow, List.replicate, kprod]
  rw [show comp K idK = K from ?_]
  funext s u
  unfold comp idK
  rw [sumS_congr (g := fun t => if t = u then K s u else 0) (fun t => by
    by_cases h : t = u
    · subst h; simp only [if_true]; grind
    · have h' : ¬ u = t := fun e => h e.symm
      simp only [h, h', if_false]; grind)]
  exact sumS_ite_eq u (K s u)

/-- `μ K^(a*b) = μ (K^a)^b` (spec B1-B5 finite layer). -/
theorem act_kpow_mul (K : Kernel n) (a b : Nat) (μ : Dist n) :
    act μ (kpow K (a * b)) = act μ (kpow (kpow K a) b) := by
  induction b generalizing μ with
  | zero => simp [kpow, List.replicate]
  | succ b ih =>
    rw [Nat.mul_succ, act_kpow_add, ih, act_kpow_succ]

/-- The identity kernel is Markov (spec B1-B5 finite layer). -/
theorem isMarkov_idK : IsMarkov (idK : Kernel n) := by
  refine ⟨fun s t => ?_, fun s => sumS_ite_eq s 1⟩
  unfold idK; split <;> grind

/-- A Markov kernel pushes a distribution to a distribution (spec B4). -/
theorem isDist_act {μ : Dist n} {K : Kernel n} (hμ : IsDist μ) (hK : IsMarkov K) :
    IsDist (act μ K) := by
  refine ⟨fun t => sumS_nonneg (fun s => Rat.mul_nonneg (hμ.1 s) (hK.1 s t)), ?_⟩
  unfold act
  rw [sumS_comm]
  rw [sumS_congr (g := fun s => μ s) (fun s => by rw [sumS_mul_left, hK.2 s]; grind)]
  exact hμ.2

/-- The composition of Markov kernels is Markov (spec B2-B4). -/
theorem isMarkov_comp {K L : Kernel n} (hK : IsMarkov K) (hL : IsMarkov L) :
    IsMarkov (comp K L) := by
  refine ⟨fun s u => sumS_nonneg (fun t => Rat.mul_nonneg (hK.1 s t) (hL.1 t u)), fun s => ?_⟩
  exact (isDist_act ⟨hK.1 s, hK.2 s⟩ hL).2

/-- A product of Markov kernels is Markov (spec B2-B4). -/
theorem isMarkov_kprod : ∀ {Ks : List (Kernel n)}, (∀ K ∈ Ks, IsMarkov K) →
    IsMarkov (kprod Ks)
  | [], _ => isMarkov_idK
  | K :: Ks, h => isMarkov_comp (h K (by simp)) (isMarkov_kprod (fun L hL => h L (by simp [hL])))

/-- A power of a Markov kernel is Markov (spec B3-B4). -/
theorem isMarkov_kpow {K : Kernel n} (hK : IsMarkov K) (k : Nat) : IsMarkov (kpow K k) :=
  isMarkov_kprod (fun L hL => by rw [(List.mem_replicate.mp hL).2]; exact hK)

/-- Stationary for every factor implies stationary for the product (spec B2). -/
theorem isStationary_kprod {μ : Dist n} :
    ∀ {Ks : List (Kernel n)}, (∀ K ∈ Ks, IsStationary μ K) → IsStationary μ (kprod Ks)
  | [], _ => act_idK μ
  | K :: Ks, h => by
    unfold IsStationary
    simp only [kprod, act_comp]
    rw [h K (by simp)]
    exact isStationary_kprod (fun L hL => h L (by simp [hL]))

/-- Stationary for `K` implies stationary for `K^k` (spec B4). -/
theorem isStationary_kpow {μ : Dist n} {K : Kernel n} (h : IsStationary μ K) (k : Nat) :
    IsStationary μ (kpow K k) :=
  isStationary_kprod (fun L hL => by rw [(List.mem_replicate.mp hL).2]; exact h)

/-- Total variation is nonnegative (spec B4). -/
theorem tv_nonneg (μ ν : Dist n) : 0 ≤ tvDistance μ ν := by
  unfold tvDistance
  have := sumS_nonneg (n := n) (fun s => qabs_nonneg (μ s - ν s))
  grind

/-- Total variation between distributions is at most `1` (spec B4). -/
theorem tv_le_one {μ ν : Dist n} (hμ : IsDist μ) (hν : IsDist ν) : tvDistance μ ν ≤ 1 := by
  unfold tvDistance
  have h : sumS n (fun s => qabs (μ s - ν s)) ≤ sumS n (fun s => μ s + ν s) :=
    sumS_le_sumS (fun s => by
      have := hμ.1 s; have := hν.1 s
      exact qabs_le (by grind) (by grind))
  rw [sumS_add, hμ.2, hν.2] at h
  grind

/-- Total variation zero means equal (spec B4). -/
theorem eq_of_tv_eq_zero {μ ν : Dist n} (h : tvDistance μ ν = 0) : μ = ν := by
  funext s
  unfold tvDistance at h
  have h0 : sumS n (fun s => qabs (μ s - ν s)) = 0 := by grind
  have := qabs_eq_zero (eq_zero_of_sumS_eq_zero (fun s => qabs_nonneg _) h0 s)
  grind

end Hopfield

end

end
