module

public import Hopfield.Boltzmann.Positivity

/-!
# Dobrushin's condition for the systematic scan (spec B6)

For positive weights `w` on the `2^n` states let `p_i(s) = w s^{i+} / (w s^{i+} + w s^{i-})`
be the heat-bath probability of `+1` at site `i`, and let `c i j ≥ 0` bound the influence of
site `j` on site `i`: `|p_i(s^{j+}) - p_i(s^{j-})| ≤ c i j` for `j ≠ i` (`Hopfield.InfluenceLe`).
If every row sum `∑_j c i j` is at most `α ≤ 1`, then for every start distribution `μ`

    TV(μ S^t, π) ≤ n α^t,     S = K_0 K_1 ⋯ K_{n-1},  π = w / ∑ w.

Proof (the oscillation argument): a bound vector `d` of the one-site oscillations of a
function `f` (`Hopfield.OscLe`) becomes, after `K_i`, `d_i ↦ 0` and `d_j ↦ d_j + c i j d_i`;
along a sweep the potential `∑_{j processed} d_j + α ∑_{j not yet} d_j` does not grow, so a
sweep multiplies `∑_j d_j` by `α`. Total variation is `(μ - ν)(P f)` for an indicator `f`
(oscillations `≤ 1`) and `|g u - g v| ≤ ∑_j d_j` along a path that changes one site at a time.

For the Boltzmann weights `q^(E - E_min)` the influence bound
`c i j = (1 - q^(2|W_ij|)) / (1 + q^(2|W_ij|))` is property-tested in pyref
(`pyref.dobrushin.influence_bound`), not proved here; the random-scan analogue is also open.

## Main definitions

* `Hopfield.kapp`: a kernel acting on functions, `(K f)(s) = ∑_t K(s,t) f(t)`.
* `Hopfield.OscLe`: `|f(s^{j+}) - f(s^{j-})| ≤ d j` for all `j, s`.
* `Hopfield.plusProb`, `Hopfield.InfluenceLe`: heat-bath probabilities and influence bounds.

## Main results

* `Hopfield.oscLe_kapp_siteK`: one site update moves the oscillation of site `i` to the others.
* `Hopfield.oscLe_kapp_kpow_sysK`: `t` sweeps multiply `∑_j d_j` by `α^t`.
* `Hopfield.sub_le_of_oscLe`: `g u - g v ≤ ∑_j d_j`.
* `Hopfield.sysK_tv_le_dobrushin` (B6): `TV(μ S^t, π) ≤ n α^t`.
-/

@[expose] public section

noncomputable section

namespace Hopfield

variable {n : Nat}

/-- A kernel acting on functions: `(K f)(s) = ∑_t K(s,t) f(t)` (spec B6). -/
def kapp (K : Kernel n) (f : State n → Rat) : State n → Rat :=
  fun s => sumS n (fun t => K s t * f t)

/-- `d` bounds the one-site oscillations of `f`: `|f(s^{j+}) - f(s^{j-})| ≤ d j` (spec B6). -/
def OscLe (f : State n → Rat) (d : Fin n → Rat) : Prop :=
  ∀ (j : Fin n) (s : State n), qabs (f (s.set j true) - f (s.set j false)) ≤ d j

/-- The heat-bath probability `p_i(s) = w s^{i+} / (w s^{i+} + w s^{i-})` of `+1` at `i`
(spec B6; pyref `boltzmann.gibbs_plus_probability`). -/
def plusProb (w : State n → Rat) (i : Fin n) (s : State n) : Rat :=
  w (s.set i true) / (w (s.set i true) + w (s.set i false))

/-- `c` bounds the influences: `|p_i(s^{j+}) - p_i(s^{j-})| ≤ c i j` for `j ≠ i` (spec B6;
pyref `dobrushin.influence_exact`, `dobrushin.influence_bound`). -/
def InfluenceLe (w : State n → Rat) (c : Fin n → Fin n → Rat) : Prop :=
  ∀ i j, j ≠ i → ∀ s : State n,
    qabs (plusProb w i (s.set j true) - plusProb w i (s.set j false)) ≤ c i j

/-! ### Small facts -/

/-- `List.finRange n` has no duplicates (spec B6). -/
theorem nodup_finRange : ∀ n : Nat, (List.finRange n).Nodup
  | 0 => by simp [List.finRange_zero]
  | n + 1 => by
    rw [List.finRange_succ, List.nodup_cons]
    refine ⟨fun h => ?_, ?_⟩
    · obtain ⟨j, _, hj⟩ := List.mem_map.mp h
      exact Fin.succ_ne_zero j hj
    · unfold List.Nodup
      rw [List.pairwise_map]
      exact (nodup_finRange n).imp (fun h e => h (Fin.succ_inj.mp e))

/-- `∑_j [j = i] c = c` over `Fin n` (spec B6). -/
theorem lsum_finRange_ite (i : Fin n) (c : Rat) :
    lsum (List.finRange n) (fun j => if j = i then c else 0) = c :=
  lsum_ite_eq _ (nodup_finRange n) (List.mem_finRange i) c

/-- Setting a site twice keeps the last value (spec B6). -/
theorem State.set_set_self (s : State n) (i : Fin n) (b c : Bool) :
    (s.set i b).set i c = s.set i c := by
  funext k
  by_cases h : k = i <;> simp [State.set, h]

/-- Settings at different sites commute (spec B6). -/
theorem State.set_comm (s : State n) {i j : Fin n} (h : i ≠ j) (b c : Bool) :
    (s.set j b).set i c = (s.set i c).set j b := by
  funext k
  by_cases hki : k = i
  · have hkj : k ≠ j := fun e => h (hki.symm.trans e)
    subst hki
    simp [State.set, hkj]
  · by_cases hkj : k = j
    · subst hkj
      simp [State.set, hki]
    · simp [State.set, hki, hkj]

/-- `|x y| = |x| |y|` (spec B6). -/
theorem qabs_mul_eq (x y : Rat) : qabs (x * y) = qabs x * qabs y := by
  by_cases hy : 0 ≤ y
  · rw [qabs_mul_nonneg x hy]
    congr 1
    unfold qabs
    split <;> grind
  · have hy' : 0 ≤ -y := by grind
    have e : x * y = (-x) * (-y) := by grind
    rw [e, qabs_mul_nonneg (-x) hy']
    have e1 : qabs (-x) = qabs x := by unfold qabs; split <;> split <;> grind
    have e2 : qabs y = -y := by unfold qabs; split <;> grind
    rw [e1, e2]

/-- `0 ≤ p_i(s)` (spec B6). -/
theorem plusProb_nonneg {w : State n → Rat} (hw : Positive w) (i : Fin n) (s : State n) :
    0 ≤ plusProb w i s := by
  have := hw (s.set i true); have := hw (s.set i false)
  exact div_nonneg_of_pos (Rat.le_of_lt (hw _)) (by grind)

/-- `p_i(s) ≤ 1` (spec B6). -/
theorem plusProb_le_one {w : State n → Rat} (hw : Positive w) (i : Fin n) (s : State n) :
    plusProb w i s ≤ 1 := by
  have h1 := hw (s.set i true); have h2 := hw (s.set i false)
  have hz : 0 < w (s.set i true) + w (s.set i false) := by grind
  have e := Rat.mul_inv_cancel _ (Rat.ne_of_gt hz)
  have h3 := Rat.mul_nonneg (Rat.le_of_lt h2) (Rat.le_of_lt (Rat.inv_pos.mpr hz))
  unfold plusProb
  rw [Rat.div_def]
  grind

/-- A bound vector of oscillations is nonnegative (spec B6). -/
theorem OscLe.nonneg {f : State n → Rat} {d : Fin n → Rat} (h : OscLe f d) (j : Fin n)
    (s : State n) : 0 ≤ d j :=
  Rat.le_trans (qabs_nonneg _) (h j s)

/-! ### Kernels acting on functions -/

/-- The identity kernel acts trivially (spec B6). -/
theorem kapp_idK (f : State n → Rat) : kapp idK f = f := by
  funext s
  unfold kapp idK
  rw [sumS_congr (g := fun t => if t = s then f s else 0) (fun t => by
    by_cases h : t = s
    · subst h; simp only [if_true]; grind
    · simp only [h, if_false]; grind)]
  exact sumS_ite_eq s (f s)

/-- `(K L) f = K (L f)` (spec B6). -/
theorem kapp_comp (K L : Kernel n) (f : State n → Rat) :
    kapp (comp K L) f = kapp K (kapp L f) := by
  funext s
  unfold kapp comp
  have h1 : sumS n (fun u => sumS n (fun t => K s t * L t u) * f u) =
      sumS n (fun u => sumS n (fun t => K s t * L t u * f u)) :=
    sumS_congr (fun u => by rw [← sumS_mul_right])
  have h2 : sumS n (fun t => K s t * sumS n (fun u => L t u * f u)) =
      sumS n (fun t => sumS n (fun u => K s t * L t u * f u)) :=
    sumS_congr (fun t => by rw [← sumS_mul_left]; exact sumS_congr (fun u => by grind))
  rw [h1, h2, sumS_comm]

/-- One site kernel times an observable (spec B6). -/
theorem siteK_mul_eq (w : State n → Rat) (i : Fin n) (s t : State n) (f : State n → Rat) :
    siteKernel w i s t * f t =
      (if t = s.set i true then plusProb w i s * f (s.set i true) else 0) +
      (if t = s.set i false then
        w (s.set i false) / (w (s.set i true) + w (s.set i false)) * f (s.set i false)
      else 0) := by
  rw [siteK_eq]
  by_cases h1 : t = s.set i true
  · have h2 : ¬ t = s.set i false := fun e => State.set_true_ne_false s i (h1 ▸ e)
    rw [if_pos h1, if_neg h2, if_pos h1, if_neg h2, h1]
    unfold plusProb
    grind
  · by_cases h2 : t = s.set i false
    · rw [if_neg h1, if_pos h2, if_neg h1, if_pos h2, h2]
      grind
    · rw [if_neg h1, if_neg h2, if_neg h1, if_neg h2]
      grind

/-- `(K_i f)(s) = p_i(s) f(s^{i+}) + (1 - p_i(s)) f(s^{i-})` (spec B6). -/
theorem kapp_siteK {w : State n → Rat} (hw : Positive w) (i : Fin n) (f : State n → Rat)
    (s : State n) :
    kapp (siteKernel w i) f s =
      plusProb w i s * f (s.set i true) + (1 - plusProb w i s) * f (s.set i false) := by
  unfold kapp
  rw [sumS_congr (fun t => siteK_mul_eq w i s t f), sumS_add, sumS_ite_eq, sumS_ite_eq]
  have h1 := hw (s.set i true); have h2 := hw (s.set i false)
  have hz : w (s.set i true) + w (s.set i false) ≠ 0 := by grind
  have e := Rat.mul_inv_cancel _ hz
  have e2 : (w (s.set i true) + w (s.set i false)) * (w (s.set i true) + w (s.set i false))⁻¹ *
      f (s.set i false) = f (s.set i false) := by rw [e, Rat.one_mul]
  unfold plusProb
  rw [Rat.div_def, Rat.div_def]
  grind

/-- `K_i f` does not depend on site `i` (spec B6). -/
theorem kapp_siteK_set {w : State n → Rat} (hw : Positive w) (i : Fin n)
    (f : State n → Rat) (s : State n) (b : Bool) :
    kapp (siteKernel w i) f (s.set i b) = kapp (siteKernel w i) f s := by
  rw [kapp_siteK hw, kapp_siteK hw]
  unfold plusProb
  rw [State.set_set_self, State.set_set_self]

/-! ### One site update -/

/-- The arithmetic core of one site update (spec B6). -/
theorem osc_combine {p1 p0 a1 a0 b1 b0 dj di c : Rat} (hp0 : 0 ≤ p1) (hp1 : p1 ≤ 1)
    (ha : qabs (a1 - a0) ≤ dj) (hb : qabs (b1 - b0) ≤ dj) (hab : qabs (a0 - b0) ≤ di)
    (hc : qabs (p1 - p0) ≤ c) :
    qabs (p1 * a1 + (1 - p1) * b1 - (p0 * a0 + (1 - p0) * b0)) ≤ dj + c * di := by
  have e : p1 * a1 + (1 - p1) * b1 - (p0 * a0 + (1 - p0) * b0) =
      p1 * (a1 - a0) + (1 - p1) * (b1 - b0) + (p1 - p0) * (a0 - b0) := by grind
  rw [e]
  have t1 := qabs_add_le (p1 * (a1 - a0) + (1 - p1) * (b1 - b0)) ((p1 - p0) * (a0 - b0))
  have t2 := qabs_add_le (p1 * (a1 - a0)) ((1 - p1) * (b1 - b0))
  have hq : 0 ≤ 1 - p1 := by grind
  have u1 : qabs (p1 * (a1 - a0)) ≤ p1 * dj := by
    have := Rat.mul_le_mul_of_nonneg_left ha hp0
    rw [Rat.mul_comm, qabs_mul_nonneg _ hp0]
    grind
  have u2 : qabs ((1 - p1) * (b1 - b0)) ≤ (1 - p1) * dj := by
    have := Rat.mul_le_mul_of_nonneg_left hb hq
    rw [Rat.mul_comm, qabs_mul_nonneg _ hq]
    grind
  have u3 : qabs ((p1 - p0) * (a0 - b0)) ≤ c * di := by
    rw [qabs_mul_eq]
    exact mul_le_mul_of_le hc hab (qabs_nonneg _) (qabs_nonneg _)
  grind

/-- One site update: if `d` bounds the oscillations of `f`, then `K_i f` has oscillation
`0` at `i` and at most `d j + c i j d i` at `j ≠ i` (spec B6). -/
theorem oscLe_kapp_siteK {w : State n → Rat} (hw : Positive w) {c : Fin n → Fin n → Rat}
    (hc : InfluenceLe w c) {f : State n → Rat} {d : Fin n → Rat} (hf : OscLe f d)
    (i : Fin n) :
    OscLe (kapp (siteKernel w i) f) (fun j => if j = i then 0 else d j + c i j * d i) := by
  intro j s
  show qabs (kapp (siteKernel w i) f (s.set j true) - kapp (siteKernel w i) f (s.set j false)) ≤
    (if j = i then 0 else d j + c i j * d i)
  by_cases hji : j = i
  · subst hji
    rw [kapp_siteK_set hw, kapp_siteK_set hw, if_pos rfl]
    have e : kapp (siteKernel w j) f s - kapp (siteKernel w j) f s = 0 := by grind
    rw [e]
    unfold qabs
    split <;> grind
  · rw [if_neg hji, kapp_siteK hw, kapp_siteK hw]
    have hij : i ≠ j := fun e => hji e.symm
    have ha := hf j (s.set i true)
    rw [← State.set_comm s hij true true, ← State.set_comm s hij false true] at ha
    have hb := hf j (s.set i false)
    rw [← State.set_comm s hij true false, ← State.set_comm s hij false false] at hb
    exact osc_combine (plusProb_nonneg hw i _) (plusProb_le_one hw i _) ha hb
      (hf i (s.set j false)) (hc i j hji s)

/-! ### A sweep -/

/-- The potential `∑_{j ∈ l} d j + α ∑_{j ∉ l} d j` of the sweep argument (spec B6). -/
def sweepPot (l : List (Fin n)) (α : Rat) (d : Fin n → Rat) : Rat :=
  lsum (List.finRange n) (fun j => if j ∈ l then d j else α * d j)

/-- One more site in the sweep does not raise the potential (spec B6). -/
theorem sweepPot_step {c : Fin n → Fin n → Rat} (hc0 : ∀ i j, 0 ≤ c i j) {α : Rat}
    (hα1 : α ≤ 1) (hrow : ∀ i, lsum (List.finRange n) (fun j => c i j) ≤ α)
    {l : List (Fin n)} {i : Fin n} (hi : i ∉ l) {d : Fin n → Rat} (hd : ∀ j, 0 ≤ d j) :
    sweepPot (i :: l) α (fun j => if j = i then 0 else d j + c i j * d i) ≤ sweepPot l α d := by
  unfold sweepPot
  have hpt : ∀ j ∈ List.finRange n,
      (if j ∈ i :: l then (if j = i then 0 else d j + c i j * d i)
        else α * (if j = i then 0 else d j + c i j * d i)) ≤
      ((if j ∈ l then d j else α * d j) + c i j * d i) - (if j = i then α * d i else 0) := by
    intro j _
    have hcd := Rat.mul_nonneg (hc0 i j) (hd i)
    by_cases hj : j = i
    · subst hj
      simp [hi] <;> grind
    · have h1 : 0 ≤ (1 - α) * (c i j * d i) := Rat.mul_nonneg (by grind) hcd
      by_cases hl : j ∈ l
      · simp [hj, hl] <;> grind
      · simp [hj, hl] <;> grind
  have hs := lsum_le_lsum _ hpt
  rw [lsum_sub, lsum_add, lsum_finRange_ite, lsum_mul_right] at hs
  have h2 : lsum (List.finRange n) (c i) * d i ≤ α * d i :=
    Rat.mul_le_mul_of_nonneg_right (hrow i) (hd i)
  grind

/-- A partial sweep over the distinct sites `l` (applied last to first) keeps the potential
below `α ∑_j d j` (spec B6). -/
theorem oscLe_kapp_kprod {w : State n → Rat} (hw : Positive w) {c : Fin n → Fin n → Rat}
    (hc : InfluenceLe w c) (hc0 : ∀ i j, 0 ≤ c i j) {α : Rat} (hα1 : α ≤ 1)
    (hrow : ∀ i, lsum (List.finRange n) (fun j => c i j) ≤ α) :
    ∀ (l : List (Fin n)), l.Nodup → ∀ {f : State n → Rat} {d : Fin n → Rat}, OscLe f d →
      (∀ j, 0 ≤ d j) → ∃ d' : Fin n → Rat, OscLe (kapp (kprod (l.map (siteKernel w))) f) d' ∧
        (∀ j, 0 ≤ d' j) ∧ sweepPot l α d' ≤ α * lsum (List.finRange n) d
  | [], _, f, d, hf, hd => by
    refine ⟨d, ?_, hd, ?_⟩
    · simp only [List.map_nil, kprod]
      rw [kapp_idK]
      exact hf
    · unfold sweepPot
      rw [← lsum_mul_left]
      refine lsum_le_lsum _ (fun j _ => ?_)
      have hj : ¬ j ∈ ([] : List (Fin n)) := fun h => nomatch h
      rw [if_neg hj]
      exact Rat.le_refl
  | i :: l, hl, f, d, hf, hd => by
    obtain ⟨d', h1, h2, h3⟩ :=
      oscLe_kapp_kprod hw hc hc0 hα1 hrow l (List.nodup_cons.mp hl).2 hf hd
    refine ⟨fun j => if j = i then 0 else d' j + c i j * d' i, ?_, ?_, ?_⟩
    · show OscLe (kapp (comp (siteKernel w i) (kprod (l.map (siteKernel w)))) f) _
      rw [kapp_comp]
      exact oscLe_kapp_siteK hw hc h1 i
    · intro j
      show 0 ≤ (if j = i then 0 else d' j + c i j * d' i)
      have := Rat.mul_nonneg (hc0 i j) (h2 i)
      have := h2 j
      split <;> grind
    · exact Rat.le_trans (sweepPot_step hc0 hα1 hrow (List.nodup_cons.mp hl).1 h2) h3

/-- One systematic sweep multiplies `∑_j d j` by `α` (spec B6). -/
theorem oscLe_kapp_sysK {w : State n → Rat} (hw : Positive w) {c : Fin n → Fin n → Rat}
    (hc : InfluenceLe w c) (hc0 : ∀ i j, 0 ≤ c i j) {α : Rat} (hα1 : α ≤ 1)
    (hrow : ∀ i, lsum (List.finRange n) (fun j => c i j) ≤ α) {f : State n → Rat}
    {d : Fin n → Rat} (hf : OscLe f d) (hd : ∀ j, 0 ≤ d j) :
    ∃ d' : Fin n → Rat, OscLe (kapp (systematicScanKernel w) f) d' ∧ (∀ j, 0 ≤ d' j) ∧
      lsum (List.finRange n) d' ≤ α * lsum (List.finRange n) d := by
  obtain ⟨d', h1, h2, h3⟩ :=
    oscLe_kapp_kprod hw hc hc0 hα1 hrow (List.finRange n) (nodup_finRange n) hf hd
  refine ⟨d', h1, h2, ?_⟩
  unfold sweepPot at h3
  rw [lsum_congr _ (g := d') (fun j hj => by simp [hj])] at h3
  exact h3

/-- `t` systematic sweeps multiply `∑_j d j` by `α^t` (spec B6). -/
theorem oscLe_kapp_kpow_sysK {w : State n → Rat} (hw : Positive w)
    {c : Fin n → Fin n → Rat} (hc : InfluenceLe w c) (hc0 : ∀ i j, 0 ≤ c i j) {α : Rat}
    (hα0 : 0 ≤ α) (hα1 : α ≤ 1) (hrow : ∀ i, lsum (List.finRange n) (fun j => c i j) ≤ α)
    {f : State n → Rat} {d : Fin n → Rat} (hf : OscLe f d) (hd : ∀ j, 0 ≤ d j) :
    ∀ t : Nat, ∃ d' : Fin n → Rat, OscLe (kapp (kpow (systematicScanKernel w) t) f) d' ∧ (∀ j, 0 ≤ d' j) ∧
      lsum (List.finRange n) d' ≤ α ^ t * lsum (List.finRange n) d
  | 0 => by
    refine ⟨d, ?_, hd, ?_⟩
    · simp only [kpow, List.replicate, kprod]
      rw [kapp_idK]
      exact hf
    · rw [Rat.pow_zero, Rat.one_mul]
      exact Rat.le_refl
  | t + 1 => by
    obtain ⟨d', h1, h2, h3⟩ := oscLe_kapp_kpow_sysK hw hc hc0 hα0 hα1 hrow hf hd t
    obtain ⟨d'', g1, g2, g3⟩ := oscLe_kapp_sysK hw hc hc0 hα1 hrow h1 h2
    refine ⟨d'', ?_, g2, ?_⟩
    · show OscLe (kapp (comp (systematicScanKernel w) (kpow (systematicScanKernel w) t)) f) d''
      rw [kapp_comp]
      exact g1
    · have := Rat.mul_le_mul_of_nonneg_left h3 hα0
      rw [Rat.pow_succ]
      grind

/-! ### From oscillations to total variation -/

/-- The state that agrees with `v` below `k` and with `u` from `k` on (spec B6). -/
def hybrid (k : Nat) (u v : State n) : State n := fun j => if j.val < k then v j else u j

/-- The hybrid at `k + 1` changes site `k` of the hybrid at `k` to `v k` (spec B6). -/
theorem hybrid_succ (u v : State n) {k : Nat} (hk : k < n) :
    hybrid (k + 1) u v = (hybrid k u v).set ⟨k, hk⟩ (v ⟨k, hk⟩) := by
  funext j
  by_cases h : j = ⟨k, hk⟩
  · subst h
    simp [hybrid, State.set]
  · have h' : j.val ≠ k := fun e => h (Fin.ext e)
    by_cases h2 : j.val < k
    · have h3 : j.val < k + 1 := by omega
      simp [hybrid, State.set, h, h2, h3]
    · have h3 : ¬ j.val < k + 1 := by omega
      simp [hybrid, State.set, h, h2, h3]

/-- Changing one site moves `g` by at most its oscillation bound (spec B6). -/
theorem sub_le_of_oscLe_set {g : State n → Rat} {d : Fin n → Rat} (hg : OscLe g d)
    (x : State n) (j : Fin n) (a b : Bool) : g (x.set j a) - g (x.set j b) ≤ d j := by
  have h := hg j x
  have h0 := OscLe.nonneg hg j x
  have := le_qabs (g (x.set j true) - g (x.set j false))
  have := neg_le_qabs (g (x.set j true) - g (x.set j false))
  cases a <;> cases b <;> grind

/-- Along the hybrids: `g u - g (hybrid k u v) ≤ ∑_{j < k} d j` (spec B6). -/
theorem sub_hybrid_le {g : State n → Rat} {d : Fin n → Rat} (hg : OscLe g d)
    (u v : State n) : ∀ k, k ≤ n →
      g u - g (hybrid k u v) ≤ lsum (List.finRange n) (fun j => if j.val < k then d j else 0)
  | 0, _ => by
    have e : hybrid 0 u v = u := funext (fun j => by simp [hybrid])
    rw [e, lsum_eq_zero _ (fun j _ => by simp)]
    grind
  | k + 1, hk => by
    have hk' : k < n := by omega
    have ih := sub_hybrid_le hg u v k (by omega)
    have hx : hybrid k u v ⟨k, hk'⟩ = u ⟨k, hk'⟩ := by simp [hybrid]
    have step := sub_le_of_oscLe_set hg (hybrid k u v) ⟨k, hk'⟩ (u ⟨k, hk'⟩) (v ⟨k, hk'⟩)
    rw [← hx, State.set_self_eq] at step
    have e2 : lsum (List.finRange n) (fun j => if j.val < k + 1 then d j else 0) =
        lsum (List.finRange n) (fun j => if j.val < k then d j else 0) + d ⟨k, hk'⟩ := by
      rw [← lsum_finRange_ite ⟨k, hk'⟩ (d ⟨k, hk'⟩), ← lsum_add]
      apply lsum_congr
      intro j _
      by_cases h : j = ⟨k, hk'⟩
      · subst h
        simp <;> grind
      · have h' : j.val ≠ k := fun e => h (Fin.ext e)
        by_cases h2 : j.val < k
        · have h3 : j.val < k + 1 := by omega
          simp [h, h2, h3] <;> grind
        · have h3 : ¬ j.val < k + 1 := by omega
          simp [h, h2, h3] <;> grind
    rw [hybrid_succ u v hk', e2]
    grind

/-- `g u - g v ≤ ∑_j d j` when `d` bounds the oscillations of `g` (spec B6). -/
theorem sub_le_of_oscLe {g : State n → Rat} {d : Fin n → Rat} (hg : OscLe g d)
    (u v : State n) : g u - g v ≤ lsum (List.finRange n) d := by
  have h := sub_hybrid_le hg u v n (Nat.le_refl n)
  have e : hybrid n u v = v := funext (fun j => by simp [hybrid, j.isLt])
  rw [e, lsum_congr _ (g := d) (fun j _ => by simp [j.isLt])] at h
  exact h

/-- `∑_s (μ P)(s) f(s) = ∑_u μ(u) (P f)(u)` (spec B6). -/
theorem sumS_act_mul (μ : Dist n) (P : Kernel n) (f : State n → Rat) :
    sumS n (fun s => act μ P s * f s) = sumS n (fun u => μ u * kapp P f u) := by
  unfold act kapp
  have h1 : sumS n (fun s => sumS n (fun u => μ u * P u s) * f s) =
      sumS n (fun s => sumS n (fun u => μ u * P u s * f s)) :=
    sumS_congr (fun s => by rw [← sumS_mul_right])
  have h2 : sumS n (fun u => μ u * sumS n (fun s => P u s * f s)) =
      sumS n (fun u => sumS n (fun s => μ u * P u s * f s)) :=
    sumS_congr (fun u => by rw [← sumS_mul_left]; exact sumS_congr (fun s => by grind))
  rw [h1, h2, sumS_comm]

/-- `∑_u μ(u) g(u) - ∑_v ν(v) g(v) ≤ D` when `g u - g v ≤ D` for all `u, v` (spec B6). -/
theorem pair_sub_le {μ ν : Dist n} (hμ : IsDist μ) (hν : IsDist ν) {g : State n → Rat}
    {D : Rat} (hg : ∀ u v, g u - g v ≤ D) :
    sumS n (fun u => μ u * g u) - sumS n (fun v => ν v * g v) ≤ D := by
  have h1 : sumS n (fun u => μ u * g u) =
      sumS n (fun u => sumS n (fun v => μ u * ν v * g u)) := by
    apply sumS_congr; intro u
    rw [sumS_congr (g := fun v => ν v * (μ u * g u)) (fun v => by grind), sumS_mul_right,
      hν.2]
    grind
  have h2 : sumS n (fun v => ν v * g v) =
      sumS n (fun u => sumS n (fun v => μ u * ν v * g v)) := by
    rw [sumS_comm]
    apply sumS_congr; intro v
    rw [sumS_congr (g := fun u => μ u * (ν v * g v)) (fun u => by grind), sumS_mul_right,
      hμ.2]
    grind
  have h3 : sumS n (fun u => sumS n (fun v => μ u * ν v * (g u - g v))) ≤
      sumS n (fun u => sumS n (fun v => μ u * ν v * D)) :=
    sumS_le_sumS (fun u => sumS_le_sumS (fun v =>
      Rat.mul_le_mul_of_nonneg_left (hg u v) (Rat.mul_nonneg (hμ.1 u) (hν.1 v))))
  have h4 : sumS n (fun u => sumS n (fun v => μ u * ν v * D)) = D := by
    rw [sumS_congr (g := fun u => μ u * D) (fun u => by
      rw [sumS_congr (g := fun v => ν v * (μ u * D)) (fun v => by grind), sumS_mul_right,
        hν.2]
      grind)]
    rw [sumS_mul_right, hμ.2]
    grind
  have h5 : sumS n (fun u => sumS n (fun v => μ u * ν v * (g u - g v))) =
      sumS n (fun u => sumS n (fun v => μ u * ν v * g u)) -
        sumS n (fun u => sumS n (fun v => μ u * ν v * g v)) := by
    rw [← sumS_sub]
    apply sumS_congr; intro u
    rw [← sumS_sub]
    exact sumS_congr (fun v => by grind)
  grind

/-- Total variation as a test function: `TV(μP, νP) ≤ B` when, for every `f` with
oscillations at most `1`, `P f` has oscillation bounds summing to at most `B` (spec B6). -/
theorem tv_act_le_of_osc {μ ν : Dist n} (hμ : IsDist μ) (hν : IsDist ν) {P : Kernel n}
    (hP : IsMarkov P) {B : Rat}
    (hosc : ∀ f : State n → Rat, OscLe f (fun _ => 1) →
      ∃ d : Fin n → Rat, OscLe (kapp P f) d ∧ lsum (List.finRange n) d ≤ B) :
    tvDistance (act μ P) (act ν P) ≤ B := by
  have ha := isDist_act hμ hP
  have hb := isDist_act hν hP
  let f : State n → Rat := fun s => if 0 < act μ P s - act ν P s then 1 else 0
  have hf : OscLe f (fun _ => 1) := by
    intro j s
    show qabs (f (s.set j true) - f (s.set j false)) ≤ 1
    unfold f qabs
    split <;> split <;> split <;> grind
  obtain ⟨d, hd, hB⟩ := hosc f hf
  have hpt : ∀ s, qabs (act μ P s - act ν P s) =
      2 * ((act μ P s - act ν P s) * f s) - (act μ P s - act ν P s) := by
    intro s
    unfold f qabs
    split <;> split <;> grind
  have hxf : sumS n (fun s => (act μ P s - act ν P s) * f s) =
      sumS n (fun s => act μ P s * f s) - sumS n (fun s => act ν P s * f s) := by
    rw [← sumS_sub]
    exact sumS_congr (fun s => by grind)
  have hx0 : sumS n (fun s => act μ P s - act ν P s) = 0 := by
    rw [sumS_sub, ha.2, hb.2]
    grind
  have hsum : sumS n (fun s => qabs (act μ P s - act ν P s)) =
      2 * (sumS n (fun s => act μ P s * f s) - sumS n (fun s => act ν P s * f s)) := by
    rw [sumS_congr hpt, sumS_sub, sumS_mul_left, hx0, hxf]
    grind
  rw [sumS_act_mul, sumS_act_mul] at hsum
  have hpair := pair_sub_le hμ hν (sub_le_of_oscLe hd)
  unfold tvDistance
  rw [hsum]
  grind

/-- **B6** Dobrushin for the systematic scan: if `c` bounds the influences of positive
weights `w` (`Hopfield.InfluenceLe`, `c ≥ 0`) and every row sum `∑_j c i j` is at most
`α ∈ [0, 1]`, then `TV(μ S^t, π) ≤ n α^t` for every start distribution `μ`,
`S = K_0 ⋯ K_{n-1}`, `π = w / ∑ w` (spec B6). -/
theorem sysK_tv_le_dobrushin {w : State n → Rat} (hw : Positive w)
    {c : Fin n → Fin n → Rat} (hc : InfluenceLe w c) (hc0 : ∀ i j, 0 ≤ c i j) {α : Rat}
    (hα0 : 0 ≤ α) (hα1 : α ≤ 1) (hrow : ∀ i, lsum (List.finRange n) (fun j => c i j) ≤ α)
    {μ : Dist n} (hμ : IsDist μ) (t : Nat) :
    tvDistance (act μ (kpow (systematicScanKernel w) t)) (normalize w) ≤ (n : Rat) * α ^ t := by
  have hπ := isDist_normalize hw
  have hs : act (normalize w) (kpow (systematicScanKernel w) t) = normalize w :=
    isStationary_kpow (isStationary_sysK hw) t
  rw [← hs]
  refine tv_act_le_of_osc hμ hπ (isMarkov_kpow (isMarkov_sysK hw) t) (fun f hf => ?_)
  obtain ⟨d, h1, _, h3⟩ :=
    oscLe_kapp_kpow_sysK hw hc hc0 hα0 hα1 hrow hf (fun _ => by decide) t
  refine ⟨d, h1, ?_⟩
  rw [lsum_const, List.length_finRange, Rat.mul_one] at h3
  grind

end Hopfield

end

end
