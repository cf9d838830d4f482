module

public import Hopfield.Thm.Dobrushin
public import Hopfield.Thm.DobrushinRandom
public import Hopfield.Thm.DobrushinBoltzmann
public import Hopfield.Thm.RbmGibbs

/-!
# Pinned statements: Dobrushin mixing (B6) and the RBM block Gibbs sampler (B7)

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

* `HopfieldPinned.B6.sysK_tv_le_dobrushin` pins `Hopfield.sysK_tv_le_dobrushin`
* `HopfieldPinned.B6.randK_tv_le_dobrushin` pins `Hopfield.randK_tv_le_dobrushin`
* `HopfieldPinned.B6.influenceLe_boltzmannW` pins `Hopfield.influenceLe_boltzmannW`
* `HopfieldPinned.B6.sysK_boltzmannW_tv_le_dobrushin` pins `Hopfield.sysK_boltzmannW_tv_le_dobrushin`
* `HopfieldPinned.B6.randK_boltzmannW_tv_le_dobrushin` pins `Hopfield.randK_boltzmannW_tv_le_dobrushin`
* `HopfieldPinned.B6.oscLe_kapp_siteK` pins `Hopfield.oscLe_kapp_siteK`
* `HopfieldPinned.B6.oscLe_kapp_kpow_sysK` pins `Hopfield.oscLe_kapp_kpow_sysK`
* `HopfieldPinned.B6.tv_act_le_of_osc` pins `Hopfield.tv_act_le_of_osc`
* `HopfieldPinned.B7.rbmHidK_detailedBalance` pins `Hopfield.rbmHidK_detailedBalance`
* `HopfieldPinned.B7.rbmVisK_detailedBalance` pins `Hopfield.rbmVisK_detailedBalance`
* `HopfieldPinned.B7.isStationary_rbmK` pins `Hopfield.isStationary_rbmK`
* `HopfieldPinned.B7.rbmK_pos` pins `Hopfield.rbmK_pos`
* `HopfieldPinned.B7.rbmK_tv_le_blockMin` pins `Hopfield.rbmK_tv_le_blockMin`
* `HopfieldPinned.B7.rbmK_stationary_unique` pins `Hopfield.rbmK_stationary_unique`
* `HopfieldPinned.B7.blockGibbsK_tv_le_blockMin` pins `Hopfield.blockGibbsK_tv_le_blockMin`
-/

@[expose] public section

namespace HopfieldPinned

open Hopfield

/-- B6, pins `Hopfield.sysK_tv_le_dobrushin`: **B6** Dobrushin for the systematic scan: if `c` bounds the influences of positive weights `w` (`Hopfield.InfluenceLe`, `c ≥ 0`) and every row sum `∑_j c i j` is at most `α ∈ [0, 1]`, then `TV(μ S^t, π) ≤ n α^t` for every start distribution `μ`, `S = K_0 ⋯ K_{n-1}`, `π = w / ∑ w` (spec B6). -/
theorem B6.sysK_tv_le_dobrushin {w : State n → Rat} (hw : Positive w)
    {c : Fin n → Fin n → Rat} (hc : InfluenceLe w c) (hc0 : ∀ i j, 0 ≤ c i j) {α : Rat}
    (hα0 : 0 ≤ α) (hα1 : α ≤ 1) (hrow : ∀ i, lsum (List.finRange n) (fun j => c i j) ≤ α)
    {μ : Dist n} (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (systematicScanKernel w) t)) (normalize w) ≤ (n : Rat) * α ^ t :=
  Hopfield.sysK_tv_le_dobrushin hw hc hc0 hα0 hα1 hrow hμ t

/-- B6, pins `Hopfield.randK_tv_le_dobrushin`: **B6** Dobrushin for the random scan: with influence bounds `c ≥ 0` of positive weights `w`, row sums `∑_j c i j ≤ α` with `α ≥ 0` and `n > 0`, `TV(μ K^t, π) ≤ n (1 - (1 - α)/n)^t` for every start distribution `μ`, `K = (1/n) ∑_i K_i`, `π = w / ∑ w` (spec B6). -/
theorem B6.randK_tv_le_dobrushin {w : State n → Rat} (hw : Positive w) (hn : 0 < n)
    {c : Fin n → Fin n → Rat} (hc : InfluenceLe w c) (hc0 : ∀ i j, 0 ≤ c i j) {α : Rat}
    (hα0 : 0 ≤ α) (hrow : ∀ i, lsum (List.finRange n) (fun j => c i j) ≤ α)
    {μ : Dist n} (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (randomScanKernel w) t)) (normalize w) ≤
      (n : Rat) * (1 - (1 - α) / (n : Rat)) ^ t :=
  Hopfield.randK_tv_le_dobrushin hw hn hc hc0 hα0 hrow hμ t

/-- B6, pins `Hopfield.influenceLe_boltzmannW`: **B6** the influence bound of Boltzmann machines: for symmetric zero-diagonal integer `W`, any `θ` and `0 < q ≤ 1`, every influence of the Boltzmann weights `q^(E - E_min)` is at most `C_ij = (1 - q^(2|W_ij|)) / (1 + q^(2|W_ij|))` (spec B6). -/
theorem B6.influenceLe_boltzmannW {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) {q : Rat} (hq0 : 0 < q) (hq1 : q ≤ 1) :
    InfluenceLe (boltzmannWeightsExact q W θ) (influenceBound q W) :=
  Hopfield.influenceLe_boltzmannW hW hd θ hq0 hq1

/-- B6, pins `Hopfield.sysK_boltzmannW_tv_le_dobrushin`: **B6** Dobrushin for the systematic scan of a Boltzmann machine: for symmetric zero-diagonal integer `W`, any `θ`, `0 < q ≤ 1` and `α = max_i ∑_j C_ij ≤ 1`, `TV(μ S^t, π) ≤ n α^t` for every start distribution `μ`, `S = K_0 ⋯ K_{n-1}`, `π ∝ q^(E - E_min)` (spec B6). -/
theorem B6.sysK_boltzmannW_tv_le_dobrushin {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) {q : Rat} (hq0 : 0 < q) (hq1 : q ≤ 1)
    (hα : dobrushinCoefficient q W ≤ 1) {μ : Dist n} (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (systematicScanKernel (boltzmannWeightsExact q W θ)) t)) (normalize (boltzmannWeightsExact q W θ)) ≤
      (n : Rat) * dobrushinCoefficient q W ^ t :=
  Hopfield.sysK_boltzmannW_tv_le_dobrushin hW hd θ hq0 hq1 hα hμ t

/-- B6, pins `Hopfield.randK_boltzmannW_tv_le_dobrushin`: **B6** Dobrushin for the random scan of a Boltzmann machine: for symmetric zero-diagonal integer `W`, any `θ`, `0 < q ≤ 1`, `n > 0` and `α = max_i ∑_j C_ij`, `TV(μ K^t, π) ≤ n (1 - (1 - α)/n)^t` for every start distribution `μ`, `K = (1/n) ∑_i K_i`, `π ∝ q^(E - E_min)` (spec B6). -/
theorem B6.randK_boltzmannW_tv_le_dobrushin {W : Weights n} (hW : ∀ i j, W i j = W j i)
    (hd : ∀ i, W i i = 0) (θ : Thresholds n) {q : Rat} (hq0 : 0 < q) (hq1 : q ≤ 1)
    (hn : 0 < n) {μ : Dist n} (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (randomScanKernel (boltzmannWeightsExact q W θ)) t)) (normalize (boltzmannWeightsExact q W θ)) ≤
      (n : Rat) * (1 - (1 - dobrushinCoefficient q W) / (n : Rat)) ^ t :=
  Hopfield.randK_boltzmannW_tv_le_dobrushin hW hd θ hq0 hq1 hn hμ t

/-- B6, pins `Hopfield.oscLe_kapp_siteK`: One site update: if `d` bounds the oscillations of `f`, then `K_i f` has oscillation `0` at `i` and at most `d j + c i j d i` at `j ≠ i` (spec B6). -/
theorem B6.oscLe_kapp_siteK {n : Nat} {w : State n → Rat} (hw : Positive w) {c : Fin n → Fin n → Rat}
    (hc : InfluenceLe w c) {f : State n → Rat} {d : Fin n → Rat} (hf : OscLe f d)
    (i : Fin n) :
    OscLe (kapp (siteKernel w i) f) (fun j => if j = i then 0 else d j + c i j * d i) :=
  Hopfield.oscLe_kapp_siteK hw hc hf i

/-- B6, pins `Hopfield.oscLe_kapp_kpow_sysK`: `t` systematic sweeps multiply `∑_j d j` by `α^t` (spec B6). -/
theorem B6.oscLe_kapp_kpow_sysK {n : Nat} {w : State n → Rat} (hw : Positive w)
    {c : Fin n → Fin n → Rat} (hc : InfluenceLe w c) (hc0 : ∀ i j, 0 ≤ c i j) {α : Rat}
    (hα0 : 0 ≤ α) (hα1 : α ≤ 1) (hrow : ∀ i, lsum (List.finRange n) (fun j => c i j) ≤ α)
    {f : State n → Rat} {d : Fin n → Rat} (hf : OscLe f d) (hd : ∀ j, 0 ≤ d j) :
    ∀ t : Nat, ∃ d' : Fin n → Rat, OscLe (kapp (kpow (systematicScanKernel w) t) f) d' ∧ (∀ j, 0 ≤ d' j) ∧
      lsum (List.finRange n) d' ≤ α ^ t * lsum (List.finRange n) d :=
  Hopfield.oscLe_kapp_kpow_sysK hw hc hc0 hα0 hα1 hrow hf hd

/-- B6, pins `Hopfield.tv_act_le_of_osc`: Total variation as a test function: `TV(μP, νP) ≤ B` when, for every `f` with oscillations at most `1`, `P f` has oscillation bounds summing to at most `B` (spec B6). -/
theorem B6.tv_act_le_of_osc {n : Nat} {μ ν : Dist n} (hμ : IsDist μ) (hν : IsDist ν) {P : Kernel n}
    (hP : IsMarkov P) {B : Rat}
    (hosc : ∀ f : State n → Rat, OscLe f (fun _ => 1) →
      ∃ d : Fin n → Rat, OscLe (kapp P f) d ∧ lsum (List.finRange n) d ≤ B) :
    tvDistance (act μ P) (act ν P) ≤ B :=
  Hopfield.tv_act_le_of_osc hμ hν hP hosc

/-- B7, pins `Hopfield.rbmHidK_detailedBalance`: **B7** detailed balance of the half-step `h | v`: `w s K_H(s,t) = w t K_H(t,s)` (spec B7). -/
theorem B7.rbmHidK_detailedBalance {nv nh : Nat} (w : State (nv + nh) → Rat) (s t : State (nv + nh)) :
    w s * rbmHidK nv nh w s t = w t * rbmHidK nv nh w t s :=
  Hopfield.rbmHidK_detailedBalance w s t

/-- B7, pins `Hopfield.rbmVisK_detailedBalance`: **B7** detailed balance of the half-step `v | h`: `w s K_V(s,t) = w t K_V(t,s)` (spec B7). -/
theorem B7.rbmVisK_detailedBalance {nv nh : Nat} (w : State (nv + nh) → Rat) (s t : State (nv + nh)) :
    w s * rbmVisK nv nh w s t = w t * rbmVisK nv nh w t s :=
  Hopfield.rbmVisK_detailedBalance w s t

/-- B7, pins `Hopfield.isStationary_rbmK`: **B7** `π = w / ∑ w` is stationary for the RBM block Gibbs kernel (spec B7). -/
theorem B7.isStationary_rbmK {nv nh : Nat} {w : State (nv + nh) → Rat} (hw : Positive w) :
    IsStationary (normalize w) (rbmK nv nh w) :=
  Hopfield.isStationary_rbmK hw

/-- B7, pins `Hopfield.rbmK_pos`: **B7** the RBM kernel has all entries positive (spec B7). -/
theorem B7.rbmK_pos {nv nh : Nat} {w : State (nv + nh) → Rat} (hw : Positive w) (s t : State (nv + nh)) :
    0 < rbmK nv nh w s t :=
  Hopfield.rbmK_pos hw s t

/-- B7, pins `Hopfield.rbmK_tv_le_blockMin`: **B7** Doeblin for the RBM sampler with the exact half-step minima: `TV(μ P^t, π) ≤ (1 - 2^(nv+nh) m_H m_V)^t` (spec B7). -/
theorem B7.rbmK_tv_le_blockMin {nv nh : Nat} {w : State (nv + nh) → Rat} (hw : Positive w)
    {μ : Dist (nv + nh)} (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (rbmK nv nh w) t)) (normalize w) ≤
      (1 - ((2 ^ (nv + nh) : Nat) : Rat) *
        (blockMin w (rbmHidden nv nh) * blockMin w (blockCompl (rbmHidden nv nh)))) ^ t :=
  Hopfield.rbmK_tv_le_blockMin hw hμ t

/-- B7, pins `Hopfield.rbmK_stationary_unique`: **B7** `π = w / ∑ w` is the unique stationary distribution of the RBM sampler (spec B7). -/
theorem B7.rbmK_stationary_unique {nv nh : Nat} {w : State (nv + nh) → Rat} (hw : Positive w)
    {ν : Dist (nv + nh)} (hν : IsDist ν) (hνs : IsStationary ν (rbmK nv nh w)) :
    ν = normalize w :=
  Hopfield.rbmK_stationary_unique hw hν hνs

/-- B7, pins `Hopfield.blockGibbsK_tv_le_blockMin`: **B7** Doeblin with the exact half-step minima: `TV(μ P^t, π) ≤ (1 - 2^n m_B m_{Bᶜ})^t`, `m_B = blockMin w B` (spec B7). -/
theorem B7.blockGibbsK_tv_le_blockMin {w : State n → Rat} (hw : Positive w) (B : Fin n → Bool)
    {μ : Dist n} (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (blockGibbsK w B) t)) (normalize w) ≤
      (1 - ((2 ^ n : Nat) : Rat) * (blockMin w B * blockMin w (blockCompl B))) ^ t :=
  Hopfield.blockGibbsK_tv_le_blockMin hw B hμ t

end HopfieldPinned

end
