module

public import Hopfield.Thm.Margin

/-!
# Hebbian storage with crosstalk (spec T8, corollary)

For patterns `p_1, …, p_m` stored by the Hebbian rule (zero thresholds) whose pairwise
overlaps are bounded, `|p_k · p_l| ≤ c` for distinct list positions `k ≠ l`, the margins of
every stored pattern satisfy `μ_i ≥ n - m - (m - 1) c`, and every Hebbian weight satisfies
`|W_ij| ≤ m`. With T8 this gives a basin radius for non-orthogonal patterns: if
`2 m d < n - m - (m - 1) c`, every `s` with `d(s, p_k) ≤ d` goes to `p_k` in one synchronous
step and under every schedule covering the disagreement set. For `c = 0` the hypothesis is T4's
`m (2d + 1) < n`.

## Main definitions

* `Hopfield.CrosstalkLe`: the pairwise overlaps are at most `c` in absolute value

## Main results

* `Hopfield.margin_hebbian_ge`: `n - m - (m - 1) c ≤ μ_i` at a stored pattern.
* `Hopfield.natAbs_hebbian_le`, `Hopfield.flipCost_hebbian_le`: `|W_ij| ≤ m`, so
  `∑_{j ∈ D} |W_ij| ≤ m d(s, p)`.
* `Hopfield.recall_hebbian_of_crosstalk`: the basin radius for non-orthogonal patterns.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- The patterns `ps` have crosstalk at most `c`: `|p · q| ≤ c` for any two of them at
distinct positions of the list (spec T8). -/
def CrosstalkLe {n : Nat} (ps : List (State n)) (c : Nat) : Prop :=
  ps.Pairwise (fun p q => (overlap p q).natAbs ≤ c)

/-- Over patterns of crosstalk at most `c`, if every term `F q` with `|p · q| ≤ c` is at least
`-B`, the sum is at least `F p - (m - 1) B` (spec T8). -/
theorem list_sum_map_crosstalk_ge {n : Nat} {ps : List (State n)} {c : Nat}
    (hps : CrosstalkLe ps c) {p : State n} (hp : p ∈ ps) (F : State n → Int) (B : Int)
    (hF : ∀ q, (overlap p q).natAbs ≤ c → -B ≤ F q) :
    F p - ((ps.length : Int) - 1) * B ≤ (ps.map F).sum := by
  induction ps with
  | nil => simp at hp
  | cons a l ih =>
    unfold CrosstalkLe at hps
    rw [List.pairwise_cons] at hps
    simp only [List.map_cons, List.sum_cons, List.length_cons]
    rcases List.mem_cons.mp hp with rfl | hl
    · have := list_sum_map_ge l F B (fun q hq => hF q (hps.1 q hq))
      grind
    · have h1 := hF a (by rw [overlap_comm]; exact hps.1 p hl)
      have h2 := ih hps.2 hl
      grind

/-- Hebbian margins with crosstalk: at a stored pattern `p` of patterns with crosstalk at most
`c`, `μ_i ≥ n - m - (m - 1) c` (zero thresholds) (spec T8). -/
theorem margin_hebbian_ge {n : Nat} {ps : List (State n)} {c : Nat} (hps : CrosstalkLe ps c)
    {p : State n} (hp : p ∈ ps) (i : Fin n) :
    (n : Int) - ps.length - ((ps.length : Int) - 1) * c
      ≤ margin (hebbian ps) (fun _ => 0) p i := by
  unfold margin
  rw [Int.sub_zero, field_hebbian, Int.mul_sub, Int.mul_comm (p.val i), list_sum_map_mul]
  have hsum := list_sum_map_crosstalk_ge hps hp (fun q => q.val i * overlap q p * p.val i)
    (c : Int) (fun q hq => by
      rw [overlap_comm] at hq
      simp only [State.val, spin]
      cases q i <;> cases p i <;> simp <;> omega)
  have hpp : p.val i * overlap p p * p.val i = n := by
    rw [overlap_self]; simp only [State.val, spin]; cases p i <;> simp
  have hs : p.val i * (ps.length * p.val i) = ps.length := by
    simp only [State.val, spin]; cases p i <;> simp
  simp only [] at hsum
  rw [hpp] at hsum
  rw [hs]
  omega

/-- A list sum of terms `±1`-bounded is at most the length in absolute value (spec T8). -/
theorem natAbs_list_sum_le {α : Type} (l : List α) (f : α → Int)
    (h : ∀ q ∈ l, (f q).natAbs ≤ 1) : ((l.map f).sum).natAbs ≤ l.length := by
  induction l with
  | nil => simp
  | cons a l ih =>
    have h1 := h a (List.mem_cons_self ..)
    have h2 := ih (fun q hq => h q (List.mem_cons_of_mem _ hq))
    simp only [List.map_cons, List.sum_cons, List.length_cons]
    omega

/-- Every Hebbian weight is at most `m` in absolute value (spec T8). -/
theorem natAbs_hebbian_le {n : Nat} (ps : List (State n)) (i j : Fin n) :
    (hebbian ps i j).natAbs ≤ ps.length := by
  by_cases hij : i = j
  · subst hij; rw [hebbian_diag]; simp
  · unfold hebbian
    simp only [hij, if_false, Int.sub_zero]
    exact natAbs_list_sum_le ps _ (fun q _ => by
      simp only [State.val, spin]; cases q i <;> cases q j <;> decide)

/-- For Hebbian weights `∑_{j ∈ D} |W_ij| ≤ m d(s, p)` (spec T8). -/
theorem flipCost_hebbian_le {n : Nat} (ps : List (State n)) (p s : State n) (i : Fin n) :
    flipCost (hebbian ps) p s i ≤ ps.length * hamming s p := by
  rw [hamming_eq_sumFin, ← sumFin_mul_left]
  apply sumFin_le_sumFin
  intro j
  have := natAbs_hebbian_le ps i j
  split <;> omega

/-- T8, Hebbian corollary: for patterns with crosstalk at most `c` and a stored pattern `p`,
if `2 m d < n - m - (m - 1) c` then `p` is a fixed point and every `s` with `d(s, p) ≤ d` goes
to `p` in one synchronous step and under every schedule covering the disagreement set, under
either tie rule (zero thresholds); `c = 0` gives T4's condition `m (2d + 1) < n` (spec T8). -/
theorem recall_hebbian_of_crosstalk (rule : TieRule) {n : Nat} {ps : List (State n)} {c : Nat}
    (hps : CrosstalkLe ps c) {p : State n} (hp : p ∈ ps) {d : Nat}
    (hd : 2 * (ps.length : Int) * d < (n : Int) - ps.length - ((ps.length : Int) - 1) * c) :
    RecallsWithin rule (hebbian ps) (fun _ => 0) p d := by
  refine recallsWithin_of_bound rule (fun _ => (ps.length : Int) * d) (fun s hs i => ?_)
    (fun i => ?_)
  · dsimp only
    have h1 := flipCost_hebbian_le ps p s i
    have h2 : (ps.length : Int) * hamming s p ≤ ps.length * d :=
      Int.mul_le_mul_of_nonneg_left (by exact_mod_cast hs) (by omega)
    omega
  · dsimp only
    have := margin_hebbian_ge hps hp i
    rw [← Int.mul_assoc]
    omega

end Hopfield

end

end
