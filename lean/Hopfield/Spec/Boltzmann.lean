module

public import Hopfield.Spec.Classical

/-!
# Boltzmann machines on the enumerated state space: definitions (spec B1-B5)

The finite layer that `pyref.boltzmann` mirrors exactly with `fractions.Fraction`: the
`2^n` states in the order of `pyref.boltzmann.all_states`, rational sums, distributions and
kernels, the Gibbs site kernels, the random and systematic scans, and the Boltzmann weights
`q^(E(s) - E_min)`. Theorems in `Hopfield.Finite.*` and `Hopfield.Boltzmann.*`.

## Main definitions

* `Hopfield.State.decEq`
* `Hopfield.State.cons`
* `Hopfield.State.tail`
* `Hopfield.allStates`
* `Hopfield.lsum`
* `Hopfield.sumS`
* `Hopfield.qabs`
* `Hopfield.Dist`
* `Hopfield.Kernel`
* `Hopfield.IsDist`
* `Hopfield.IsMarkov`
* `Hopfield.idK`
* `Hopfield.comp`
* `Hopfield.kprod`
* `Hopfield.kpow`
* `Hopfield.act`
* `Hopfield.IsStationary`
* `Hopfield.tvDistance`
* `Hopfield.AgreeOff`
* `Hopfield.AgreeOff.decidable`
* `Hopfield.siteKernel`
* `Hopfield.randomScanKernel`
* `Hopfield.systematicScanKernel`
* `Hopfield.normalize`
* `Hopfield.Positive`
* `Hopfield.lmin`
* `Hopfield.minS`
* `Hopfield.gibbsBound`
* `Hopfield.minEnergy`
* `Hopfield.boltzmannWeightsExact`
* `Hopfield.boltzmannExact`
* `Hopfield.gibbsPlusProbability`
* `Hopfield.bitQ`
* `Hopfield.stateIndex`
* `Hopfield.weightsOfList`
-/

@[expose] public section

-- The wasm toolchain cannot generate code for definitions that call library functions with
-- auxiliary compiled parts (see README, "Offline toolchain"); the specification is evaluated
-- by the kernel (`decide +kernel`), so all definitions are noncomputable.
noncomputable section

namespace Hopfield

variable {n : Nat}

/-- Decidable equality of states, pointwise (kernel-evaluable; spec B1-B5 finite layer). -/
instance State.decEq {n : Nat} : DecidableEq (State n) := fun s t =>
  decidable_of_iff (∀ i, s i = t i) ⟨funext, fun h _ => h ▸ rfl⟩

/-- `cons b r`: neuron `0` is `b`, neuron `i + 1` is `r i` (spec B1-B5 enumeration). -/
def State.cons {n : Nat} (b : Bool) (r : State n) : State (n + 1) :=
  fun i => if h : i.val = 0 then b else r ⟨i.val - 1, by omega⟩

/-- The neurons `1, …, n` of a state of `n + 1` neurons (spec B1-B5 enumeration). -/
def State.tail {n : Nat} (s : State (n + 1)) : State n := fun i => s i.succ

/-- All `2^n` states; index `k` has neuron `i = +1` iff bit `i` of `k` is set
(spec B1-B5 enumeration, mirrored by `pyref`). -/
def allStates : (n : Nat) → List (State n)
  | 0 => [fun i => i.elim0]
  | n + 1 => (allStates n).flatMap (fun r => [State.cons false r, State.cons true r])

/-- `∑_{x ∈ l} f x` over a list, with rational values (spec B1-B5 finite layer). -/
def lsum {α : Type} : List α → (α → Rat) → Rat
  | [], _ => 0
  | x :: l, f => f x + lsum l f

/-- `∑_s f s` over all `2^n` states (spec B1-B5 finite layer). -/
def sumS (n : Nat) (f : State n → Rat) : Rat := lsum (allStates n) f

/-- The absolute value `|x|` of a rational (spec B4, total variation). -/
def qabs (x : Rat) : Rat := if x < 0 then -x else x

/-- A (signed) measure on the states, as a rational vector (spec B1-B5 finite layer). -/
abbrev Dist (n : Nat) := State n → Rat

/-- A kernel: a rational matrix indexed by states (spec B1-B5 finite layer). -/
abbrev Kernel (n : Nat) := State n → State n → Rat

/-- `μ` is a probability distribution: nonnegative and summing to `1` (spec B1-B5). -/
def IsDist (μ : Dist n) : Prop := (∀ s, 0 ≤ μ s) ∧ sumS n μ = 1

/-- `K` is a Markov kernel: nonnegative entries, every row sums to `1` (spec B1-B5). -/
def IsMarkov (K : Kernel n) : Prop := (∀ s t, 0 ≤ K s t) ∧ ∀ s, sumS n (K s) = 1

/-- The identity kernel (spec B1-B5 finite layer). -/
def idK : Kernel n := fun s t => if t = s then 1 else 0

/-- Composition `(K L)(s,u) = ∑_t K(s,t) L(t,u)`: first `K`, then `L` (spec B2-B4). -/
def comp (K L : Kernel n) : Kernel n := fun s u => sumS n (fun t => K s t * L t u)

/-- The product `K₁ K₂ ⋯ K_m` of a list of kernels, `K₁` applied first (spec B2-B4). -/
def kprod : List (Kernel n) → Kernel n
  | [] => idK
  | K :: Ks => comp K (kprod Ks)

/-- The power `K^k` (spec B3-B4). -/
def kpow (K : Kernel n) (k : Nat) : Kernel n := kprod (List.replicate k K)

/-- A distribution pushed through a kernel: `(μ K)(t) = ∑_s μ(s) K(s,t)` (spec B2, B4). -/
def act (μ : Dist n) (K : Kernel n) : Dist n := fun t => sumS n (fun s => μ s * K s t)

/-- `μ` is stationary for `K`: `μ K = μ` (spec B2). -/
def IsStationary (μ : Dist n) (K : Kernel n) : Prop := act μ K = μ

/-- Total variation distance `TV(μ,ν) = 1/2 ∑_s |μ s - ν s|` (spec B4). -/
def tvDistance (μ ν : Dist n) : Rat := (1 / 2) * sumS n (fun s => qabs (μ s - ν s))

/-- `t` agrees with `s` at every neuron except possibly `i` (spec B1). -/
def AgreeOff (i : Fin n) (s t : State n) : Prop := ∀ j, j ≠ i → t j = s j

/-- Agreement off a site is decidable (kernel-evaluable) (spec B1). -/
instance AgreeOff.decidable (i : Fin n) (s t : State n) : Decidable (AgreeOff i s t) :=
  inferInstanceAs (Decidable (∀ j, j ≠ i → t j = s j))

/-- Gibbs site kernel: `K_i(s,t) = w t / (w s^{i+} + w s^{i-})` if `t` agrees with `s` off
`i`, else `0` (spec B1; pyref mirrors it with `Fraction`). -/
def siteKernel (w : State n → Rat) (i : Fin n) : Kernel n := fun s t =>
  if AgreeOff i s t then w t / (w (s.set i true) + w (s.set i false)) else 0

/-- Random-scan kernel `K = (1/n) ∑_i K_i` (spec B1). -/
def randomScanKernel (w : State n → Rat) : Kernel n := fun s t =>
  (1 / (n : Rat)) * lsum (List.finRange n) (fun i => siteKernel w i s t)

/-- Systematic-scan kernel `K_0 K_1 ⋯ K_{n-1}`, site `0` first (spec B2). -/
def systematicScanKernel (w : State n → Rat) : Kernel n := kprod ((List.finRange n).map (siteKernel w))

/-- The distribution `w / ∑_s w s` of positive weights `w` (spec B2, B4). -/
def normalize (w : State n → Rat) : Dist n := fun s => w s / sumS n w

/-- Positive weights: the target of spec B1-B5 is any positive `π`. -/
def Positive (w : State n → Rat) : Prop := ∀ s, 0 < w s

/-- The minimum of `f` over a list, `d` for the empty list; rational values (`minS`) and
integer ones (`minEnergy`) (spec B1, B3, B5). -/
def lmin {α β : Type} [LE β] [DecidableLE β] (d : β) : List α → (α → β) → β
  | [], _ => d
  | x :: l, f => if f x ≤ lmin d l f then f x else lmin d l f

/-- `min_s w s` over all states (spec B3). -/
def minS (w : State n → Rat) : Rat := lmin (w (fun _ => false)) (allStates n) w

/-- `δ = min_s w s / ∑_s w s`: every nonzero entry of every site kernel is `≥ δ` (spec B3). -/
def gibbsBound (w : State n → Rat) : Rat := minS w / sumS n w

/-- `E_min = min_s E(s)` over all `2^n` states (spec B5). -/
def minEnergy (W : Weights n) (θ : Thresholds n) : Int :=
  lmin (energy W θ (fun _ => false)) (allStates n) (energy W θ)

/-- Boltzmann weights `w s = q^(E(s) - E_min)`, `q = exp(-β)` (spec B5; pyref mirrors it). -/
def boltzmannWeightsExact (q : Rat) (W : Weights n) (θ : Thresholds n) : State n → Rat :=
  fun s => q ^ (energy W θ s - minEnergy W θ).toNat

/-- The Boltzmann distribution `π(s) = q^(E(s) - E_min) / ∑_u q^(E(u) - E_min)`
(spec B1-B5; pyref `boltzmann.boltzmann_exact`). -/
def boltzmannExact (q : Rat) (W : Weights n) (θ : Thresholds n) : Dist n :=
  normalize (boltzmannWeightsExact q W θ)

/-- The probability `K_i(s, s^{i+})` that the Gibbs update of neuron `i` gives `+1`
(spec B5). -/
def gibbsPlusProbability (w : State n → Rat) (i : Fin n) (s : State n) : Rat := siteKernel w i s (s.set i true)

/-- `1` for `true` (`+1`), `0` for `false` (`-1`): a deterministic update as a probability
of `+1` (spec B5). -/
def bitQ (b : Bool) : Rat := if b then 1 else 0

/-- The index `∑_i [s_i = +1] 2^i` of a state (neuron `0` is the least significant bit), its
position in `allStates n` and in `pyref.boltzmann.all_states` (spec T7, B1-B5). -/
def stateIndex : {n : Nat} → State n → Nat
  | 0, _ => 0
  | _ + 1, s => (if s 0 then 1 else 0) + 2 * stateIndex (State.tail s)

/-- The weight function whose value at the state of index `k` is entry `k` of `l` (missing
entries: `0`) (spec T7, B1-B5). -/
def weightsOfList {n : Nat} (l : List Rat) : State n → Rat := fun s => l.getD (stateIndex s) 0

end Hopfield

end

end
