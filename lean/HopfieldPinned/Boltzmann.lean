module

public import Hopfield.Boltzmann.DetailedBalance
public import Hopfield.Boltzmann.Ergodic
public import Hopfield.Boltzmann.Positivity
public import Hopfield.Boltzmann.SiteBound
public import Hopfield.Boltzmann.ZeroTemp
public import Hopfield.Boltzmann.ZeroTempRate

/-!
# Pinned statements: the Boltzmann-machine theorems (B1-B5)

Each theorem here restates, in plain Lean, one headline theorem of the README's theorem
table, and is proved by nothing but the library theorem it names, applied to its arguments
(an `exact`). The file holds only theorem statements and these one-line proofs, so what is
printed here is what is proved. If a library theorem is weakened, renamed, re-ordered or removed, this file
stops building and `python3 -m proofs_ci verify` fails; the README table and verify's table
are generated from these statements and `proofs_ci/mirror.toml`.

Hand-maintained: change a statement here only together with the theorem it pins, and say so
in the change.

## Main definitions

None: the definitions are those of `Hopfield` (see `Hopfield.Basic`).

## Main results

* `HopfieldPinned.B1.siteK_detailedBalance` pins `Hopfield.siteK_detailedBalance`
* `HopfieldPinned.B1.randK_detailedBalance` pins `Hopfield.randK_detailedBalance`
* `HopfieldPinned.B1.isMarkov_siteK` pins `Hopfield.isMarkov_siteK`
* `HopfieldPinned.B1.isMarkov_randK` pins `Hopfield.isMarkov_randK`
* `HopfieldPinned.B2.isStationary_siteK` pins `Hopfield.isStationary_siteK`
* `HopfieldPinned.B2.isStationary_randK` pins `Hopfield.isStationary_randK`
* `HopfieldPinned.B2.isStationary_sysK` pins `Hopfield.isStationary_sysK`
* `HopfieldPinned.B2.isMarkov_sysK` pins `Hopfield.isMarkov_sysK`
* `HopfieldPinned.B3.sysK_lower` pins `Hopfield.sysK_lower`
* `HopfieldPinned.B3.sysK_pos` pins `Hopfield.sysK_pos`
* `HopfieldPinned.B3.kpow_randK_lower` pins `Hopfield.kpow_randK_lower`
* `HopfieldPinned.B3.kpow_randK_pos` pins `Hopfield.kpow_randK_pos`
* `HopfieldPinned.B3.sysK_lower_of` pins `Hopfield.sysK_lower_of`
* `HopfieldPinned.B3.kpow_randK_lower_of` pins `Hopfield.kpow_randK_lower_of`
* `HopfieldPinned.B4.sysK_tv_le` pins `Hopfield.sysK_tv_le`
* `HopfieldPinned.B4.randK_tv_le` pins `Hopfield.randK_tv_le`
* `HopfieldPinned.B4.sysK_stationary_unique` pins `Hopfield.sysK_stationary_unique`
* `HopfieldPinned.B4.randK_stationary_unique` pins `Hopfield.randK_stationary_unique`
* `HopfieldPinned.B4.sysK_tv_le_of` pins `Hopfield.sysK_tv_le_of`
* `HopfieldPinned.B4.randK_tv_le_of` pins `Hopfield.randK_tv_le_of`
* `HopfieldPinned.B4.sysK_tv_le_siteMin` pins `Hopfield.sysK_tv_le_siteMin`
* `HopfieldPinned.B5.gibbsPlus_boltzmann_sub_le` pins `Hopfield.gibbsPlus_boltzmann_sub_le`
* `HopfieldPinned.B5.gibbsPlus_boltzmann_sub_le_pow` pins `Hopfield.gibbsPlus_boltzmann_sub_le_pow`
* `HopfieldPinned.B5.gibbsPlus_boltzmann_tie` pins `Hopfield.gibbsPlus_boltzmann_tie`
* `HopfieldPinned.B5.energy_set_false_sub_set_true` pins `Hopfield.energy_set_false_sub_set_true`
-/

@[expose] public section

namespace HopfieldPinned

open Hopfield

/-- B1, pins `Hopfield.siteK_detailedBalance`: **B1** detailed balance of each Gibbs site kernel: `w s K_i(s,t) = w t K_i(t,s)` (any weights `w`) (spec B1, B2). -/
theorem B1.siteK_detailedBalance {n : Nat} (w : State n → Rat) (i : Fin n) (s t : State n) :
    w s * siteKernel w i s t = w t * siteKernel w i t s :=
  Hopfield.siteK_detailedBalance w i s t

/-- B1, pins `Hopfield.randK_detailedBalance`: **B1** detailed balance of the random-scan kernel: `w s K(s,t) = w t K(t,s)` (spec B1, B2). -/
theorem B1.randK_detailedBalance {n : Nat} (w : State n → Rat) (s t : State n) :
    w s * randomScanKernel w s t = w t * randomScanKernel w t s :=
  Hopfield.randK_detailedBalance w s t

/-- B1, pins `Hopfield.isMarkov_siteK`: The Gibbs site kernel is a Markov kernel (spec B1). -/
theorem B1.isMarkov_siteK {n : Nat} {w : State n → Rat} (hw : Positive w) (i : Fin n) :
    IsMarkov (siteKernel w i) :=
  Hopfield.isMarkov_siteK hw i

/-- B1, pins `Hopfield.isMarkov_randK`: The random-scan kernel is a Markov kernel, `n > 0` (spec B1). -/
theorem B1.isMarkov_randK {n : Nat} {w : State n → Rat} (hw : Positive w) (hn : 0 < n) :
    IsMarkov (randomScanKernel w) :=
  Hopfield.isMarkov_randK hw hn

/-- B2, pins `Hopfield.isStationary_siteK`: **B2** the target `w / ∑ w` is stationary for each site kernel (spec B1, B2). -/
theorem B2.isStationary_siteK {n : Nat} {w : State n → Rat} (hw : Positive w) (i : Fin n) :
    IsStationary (normalize w) (siteKernel w i) :=
  Hopfield.isStationary_siteK hw i

/-- B2, pins `Hopfield.isStationary_randK`: **B2** the target `w / ∑ w` is stationary for the random scan (`n > 0`) (spec B1, B2). -/
theorem B2.isStationary_randK {n : Nat} {w : State n → Rat} (hw : Positive w) (hn : 0 < n) :
    IsStationary (normalize w) (randomScanKernel w) :=
  Hopfield.isStationary_randK hw hn

/-- B2, pins `Hopfield.isStationary_sysK`: **B2** the target `w / ∑ w` is stationary for the systematic scan `K_0 ⋯ K_{n-1}` (spec B1, B2). -/
theorem B2.isStationary_sysK {n : Nat} {w : State n → Rat} (hw : Positive w) :
    IsStationary (normalize w) (systematicScanKernel w) :=
  Hopfield.isStationary_sysK hw

/-- B2, pins `Hopfield.isMarkov_sysK`: The systematic scan is a Markov kernel (spec B2). -/
theorem B2.isMarkov_sysK {n : Nat} {w : State n → Rat} (hw : Positive w) : IsMarkov (systematicScanKernel w) :=
  Hopfield.isMarkov_sysK hw

/-- B3, pins `Hopfield.sysK_lower`: **B3** one systematic sweep reaches every state: `δ^n ≤ (K_0 ⋯ K_{n-1})(s,t)`, `δ = min w / ∑ w` (spec B3). -/
theorem B3.sysK_lower {n : Nat} {w : State n → Rat} (hw : Positive w) (s t : State n) :
    gibbsBound w ^ n ≤ systematicScanKernel w s t :=
  Hopfield.sysK_lower hw s t

/-- B3, pins `Hopfield.sysK_pos`: **B3** the systematic scan has all entries positive (spec B3). -/
theorem B3.sysK_pos {n : Nat} {w : State n → Rat} (hw : Positive w) (s t : State n) : 0 < systematicScanKernel w s t :=
  Hopfield.sysK_pos hw s t

/-- B3, pins `Hopfield.kpow_randK_lower`: **B3** the random scan reaches every state in `n` steps: `(δ/n)^n ≤ K^n(s,t)` (spec B3). -/
theorem B3.kpow_randK_lower {w : State n → Rat} (hw : Positive w) (hn : 0 < n)
    (s t : State n) : ((1 / (n : Rat)) * gibbsBound w) ^ n ≤ kpow (randomScanKernel w) n s t :=
  Hopfield.kpow_randK_lower hw hn s t

/-- B3, pins `Hopfield.kpow_randK_pos`: **B3** the `n`-step random-scan kernel has all entries positive (`n > 0`) (spec B3). -/
theorem B3.kpow_randK_pos {n : Nat} {w : State n → Rat} (hw : Positive w) (hn : 0 < n) (s t : State n) :
    0 < kpow (randomScanKernel w) n s t :=
  Hopfield.kpow_randK_pos hw hn s t

/-- B3, pins `Hopfield.sysK_lower_of`: **B3** with any site bound `δ`: `δ^n ≤ (K_0 ⋯ K_{n-1})(s,t)`. -/
theorem B3.sysK_lower_of {n : Nat} {w : State n → Rat} (hw : Positive w) {δ : Rat} (hδ0 : 0 ≤ δ)
    (hδ : ∀ i s t, AgreeOff i s t → δ ≤ siteKernel w i s t) (s t : State n) :
    δ ^ n ≤ systematicScanKernel w s t :=
  Hopfield.sysK_lower_of hw hδ0 hδ s t

/-- B3, pins `Hopfield.kpow_randK_lower_of`: **B3** with any site bound `δ`: `(δ/n)^n ≤ K^n(s,t)` for the random scan, `n > 0`. -/
theorem B3.kpow_randK_lower_of {w : State n → Rat} (hw : Positive w) (hn : 0 < n) {δ : Rat}
    (hδ0 : 0 ≤ δ) (hδ : ∀ i s t, AgreeOff i s t → δ ≤ siteKernel w i s t) (s t : State n) :
    ((1 / (n : Rat)) * δ) ^ n ≤ kpow (randomScanKernel w) n s t :=
  Hopfield.kpow_randK_lower_of hw hn hδ0 hδ s t

/-- B4, pins `Hopfield.sysK_tv_le`: **B4** systematic scan: `TV(μ S^t, π) ≤ (1 - 2^n δ^n)^t` for every start distribution `μ`, `π = w / ∑ w`, `δ = min w / ∑ w` (spec B4). -/
theorem B4.sysK_tv_le {w : State n → Rat} (hw : Positive w) {μ : Dist n} (hμ : IsDist μ)
    (t : Nat) :
    tvDistance (act μ (kpow (systematicScanKernel w) t)) (normalize w) ≤
      (1 - ((2 ^ n : Nat) : Rat) * gibbsBound w ^ n) ^ t :=
  Hopfield.sysK_tv_le hw hμ t

/-- B4, pins `Hopfield.randK_tv_le`: **B4** random scan: `TV(μ K^(n t), π) ≤ (1 - 2^n (δ/n)^n)^t` for every start distribution `μ`, `π = w / ∑ w`, `δ = min w / ∑ w`, `n > 0` (spec B4). -/
theorem B4.randK_tv_le {w : State n → Rat} (hw : Positive w) (hn : 0 < n) {μ : Dist n}
    (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (randomScanKernel w) (n * t))) (normalize w) ≤
      (1 - ((2 ^ n : Nat) : Rat) * ((1 / (n : Rat)) * gibbsBound w) ^ n) ^ t :=
  Hopfield.randK_tv_le hw hn hμ t

/-- B4, pins `Hopfield.sysK_stationary_unique`: **B4** `π = w / ∑ w` is the unique stationary distribution of the systematic scan. -/
theorem B4.sysK_stationary_unique {n : Nat} {w : State n → Rat} (hw : Positive w) {ν : Dist n}
    (hν : IsDist ν) (hνs : IsStationary ν (systematicScanKernel w)) : ν = normalize w :=
  Hopfield.sysK_stationary_unique hw hν hνs

/-- B4, pins `Hopfield.randK_stationary_unique`: **B4** `π = w / ∑ w` is the unique stationary distribution of the random scan (spec B4). -/
theorem B4.randK_stationary_unique {n : Nat} {w : State n → Rat} (hw : Positive w) (hn : 0 < n)
    {ν : Dist n} (hν : IsDist ν) (hνs : IsStationary ν (randomScanKernel w)) : ν = normalize w :=
  Hopfield.randK_stationary_unique hw hn hν hνs

/-- B4, pins `Hopfield.sysK_tv_le_of`: **B4** with any site bound `δ`: `TV(μ S^t, π) ≤ (1 - 2^n δ^n)^t` (e.g. `δ = siteMin w`). -/
theorem B4.sysK_tv_le_of {w : State n → Rat} (hw : Positive w) {δ : Rat} (hδ0 : 0 ≤ δ)
    (hδ : ∀ i s t, AgreeOff i s t → δ ≤ siteKernel w i s t) {μ : Dist n} (hμ : IsDist μ)
    (t : Nat) :
    tvDistance (act μ (kpow (systematicScanKernel w) t)) (normalize w) ≤ (1 - ((2 ^ n : Nat) : Rat) * δ ^ n) ^ t :=
  Hopfield.sysK_tv_le_of hw hδ0 hδ hμ t

/-- B4, pins `Hopfield.randK_tv_le_of`: **B4** with any site bound `δ`: `TV(μ K^(n t), π) ≤ (1 - 2^n (δ/n)^n)^t`, `n > 0`. -/
theorem B4.randK_tv_le_of {w : State n → Rat} (hw : Positive w) (hn : 0 < n) {δ : Rat}
    (hδ0 : 0 ≤ δ) (hδ : ∀ i s t, AgreeOff i s t → δ ≤ siteKernel w i s t) {μ : Dist n}
    (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (randomScanKernel w) (n * t))) (normalize w) ≤
      (1 - ((2 ^ n : Nat) : Rat) * ((1 / (n : Rat)) * δ) ^ n) ^ t :=
  Hopfield.randK_tv_le_of hw hn hδ0 hδ hμ t

/-- B4, pins `Hopfield.sysK_tv_le_siteMin`: **B4** systematic scan with `c = siteMin w`: `TV(μ S^t, π) ≤ (1 - 2^n c^n)^t`. -/
theorem B4.sysK_tv_le_siteMin {w : State n → Rat} (hw : Positive w) {μ : Dist n}
    (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (systematicScanKernel w) t)) (normalize w) ≤
      (1 - ((2 ^ n : Nat) : Rat) * siteMin w ^ n) ^ t :=
  Hopfield.sysK_tv_le_siteMin hw hμ t

/-- B5, pins `Hopfield.gibbsPlus_boltzmann_sub_le`: **B5** zero-temperature limit away from ties: for symmetric zero-diagonal `W`, `0 < q ≤ 1` and `h_i ≠ θ_i`, the Gibbs probability of `+1` at neuron `i` differs from the deterministic update (`1` if it gives `+1`, else `0`; either tie rule) by at most `q` (spec B5). -/
theorem B5.gibbsPlus_boltzmann_sub_le {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) {q : Rat} (hq0 : 0 < q) (hq1 : q ≤ 1)
    (rule : TieRule) (s : State n) (i : Fin n) (hne : field W s i ≠ θ i) :
    qabs (gibbsPlusProbability (boltzmannWeightsExact q W θ) i s -
      bitQ (updateValue rule (field W s i) (θ i) (s i))) ≤ q :=
  Hopfield.gibbsPlus_boltzmann_sub_le hW hd θ hq0 hq1 rule s i hne

/-- B5, pins `Hopfield.gibbsPlus_boltzmann_sub_le_pow`: **B5** with the exponential rate: for symmetric zero-diagonal `W`, `q > 0` and `h_i ≠ θ_i`, the Gibbs probability of `+1` differs from the deterministic update (either tie rule) by at most `q^(2 |h_i - θ_i|)`. -/
theorem B5.gibbsPlus_boltzmann_sub_le_pow {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) {q : Rat} (hq0 : 0 < q)
    (rule : TieRule) (s : State n) (i : Fin n) (hne : field W s i ≠ θ i) :
    qabs (gibbsPlusProbability (boltzmannWeightsExact q W θ) i s -
      bitQ (updateValue rule (field W s i) (θ i) (s i))) ≤
      q ^ (2 * (field W s i - θ i).natAbs) :=
  Hopfield.gibbsPlus_boltzmann_sub_le_pow hW hd θ hq0 rule s i hne

/-- B5, pins `Hopfield.gibbsPlus_boltzmann_tie`: **B5** on a tie `h_i = θ_i` the Gibbs probability of `+1` is exactly `1/2` (symmetric zero-diagonal `W`, `q > 0`) (spec B5). -/
theorem B5.gibbsPlus_boltzmann_tie {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) {q : Rat} (hq0 : 0 < q) (s : State n)
    (i : Fin n) (h : field W s i = θ i) : gibbsPlusProbability (boltzmannWeightsExact q W θ) i s = 1 / 2 :=
  Hopfield.gibbsPlus_boltzmann_tie hW hd θ hq0 s i h

/-- B5, pins `Hopfield.energy_set_false_sub_set_true`: `E(s^{i-}) - E(s^{i+}) = 2 (h_i(s) - θ_i)` for symmetric zero-diagonal `W` (spec B5). -/
theorem B5.energy_set_false_sub_set_true {n : Nat} {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) (s : State n) (i : Fin n) :
    energy W θ (s.set i false) - energy W θ (s.set i true) = 2 * (field W s i - θ i) :=
  Hopfield.energy_set_false_sub_set_true hW hd θ s i

end HopfieldPinned

end
