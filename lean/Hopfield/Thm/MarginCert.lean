module

public import Hopfield.Thm.Margin
public import Hopfield.Literal

/-!
# Margin certificates for literal networks (spec T8)

A network written as integer lists (`Hopfield.Weights.ofLists`, `Hopfield.Thresholds.ofList`,
`Hopfield.State.ofList`) is checked by one computable Bool function, `Hopfield.marginCertOk`,
which the kernel evaluates by `decide +kernel`. It walks the rows once: for row `r_i`,
threshold `θ_i`, spin `p_i` and cut `t_i` it computes the dot product `h_i = r_i · p` and the
excess `∑_j max(|W_ij| - t_i, 0)` and checks `0 ≤ t_i` and
`2 (d t_i + ∑_j max(|W_ij| - t_i, 0)) < p_i (h_i - θ_i)`; so the kernel's work is `O(n²)`
integer operations per pattern, with no indexed lookups. The soundness theorem
`Hopfield.recallsWithin_of_marginCertOk` turns a `true` answer into T8's conclusion
(`Hopfield.recall_of_cut`) for the literal network. With `t_i` the `d`-th largest `|W_ij|`
the check is exactly T8's radius condition with the top-`d` sums.

`proofs_ci certify` writes the compact form: each weight row, the thresholds, each pattern and
each list of cuts is ONE numeral (base-`B` digits with an offset, or bits for spins), decoded
by `Hopfield.decodeRow` and `Hopfield.decodeSpins`; so a certificate's statement is about
`Weights.ofLists (rows.map (decodeRow B off n))`. Its check is split in two `Nat`-only walks
over the numerals: `Hopfield.factsOk` confirms each row's digit sum and its excess over the
cut (`Hopfield.digSum`, `Hopfield.excN`; once per list of cuts, so shared by the patterns
certified at one radius), and `Hopfield.dotCertOk` checks each pattern's margins from the
digit sum over its `+1` positions (`Hopfield.posSum`). `Hopfield.marginCertOk_of_dotCertOk`
shows that the two imply `marginCertOk` for the decoded lists. The walks are written with
`Nat.rec` and the `Nat` functions themselves (`Nat.add`, not `+`): the kernel evaluates them on
literals directly, without unfolding the operator classes or a structural-recursion encoding.

## Main definitions

* `Hopfield.dotL`, `Hopfield.excessL`: dot product and excess of integer lists
* `Hopfield.marginRowsOk`, `Hopfield.marginCertOk`: the checker on integer lists
* `Hopfield.decodeRow`, `Hopfield.decodeSpins`: lists written as one numeral
* `Hopfield.digSum`, `Hopfield.posSum`, `Hopfield.offPop`, `Hopfield.excN`: walks over numerals
* `Hopfield.rowFactsOk`, `Hopfield.factsOk`, `Hopfield.dotRowsOk`, `Hopfield.dotCertOk`: the
  checker on numerals

## Main results

* `Hopfield.sumFin_getD_mul`, `Hopfield.sumFin_excess_getD`: the list forms are the sums.
* `Hopfield.recallsWithin_of_marginCertOk`: soundness of the checker.
* `Hopfield.dotL_decodeRow_eq_posSum`, `Hopfield.excessL_decodeRow`: the numeral walks are the
  list forms.
* `Hopfield.marginCertOk_of_dotCertOk`, `Hopfield.recallsWithin_of_dotCertOk`: soundness of the
  checker on numerals.
-/

@[expose] public section

noncomputable section

namespace Hopfield

/-- Dot product `∑_j x_j y_j` of two integer lists (to the shorter length) (spec T8). -/
def dotL : List Int → List Int → Int
  | x :: xs, y :: ys => x * y + dotL xs ys
  | _, _ => 0

/-- The excess `∑_j max(|x_j| - t, 0)` of an integer list over the cut `t` (spec T8). -/
def excessL (t : Int) : List Int → Int
  | [] => 0
  | x :: xs => max ((x.natAbs : Int) - t) 0 + excessL t xs

/-- The row checks of a margin certificate for the pattern `p` and radius `d`: for each row
`r`, threshold `θ_i`, spin `p_i` and cut `t`, `0 ≤ t` and
`2 (d t + excessL t r) < p_i (r · p - θ_i)`; the four lists must have equal lengths
(spec T8). -/
def marginRowsOk (p : List Int) (d : Int) :
    List (List Int) → List Int → List Int → List Int → Bool
  | r :: rs, θi :: θs, pi :: ps, t :: ts =>
    (decide (0 ≤ t) && decide (2 * (d * t + excessL t r) < pi * (dotL r p - θi))) &&
      marginRowsOk p d rs θs ps ts
  | [], [], [], [] => true
  | _, _, _, _ => false

/-- The margin certificate checker: the weight rows `rows` form an `n × n` matrix, `θ`, the
`±1` pattern `p` and the cuts `ts` have length `n`, and every row check of `marginRowsOk`
holds for the radius `d` (spec T8). -/
def marginCertOk (n : Nat) (rows : List (List Int)) (θ p : List Int) (d : Nat)
    (ts : List Int) : Bool :=
  rows.length == n && rows.all (fun r => r.length == n) && p.length == n &&
    p.all (fun x => x == 1 || x == -1) && marginRowsOk p d rows θ p ts

/-- The sum of products of two lists of length `n` read by `getD` is their dot product
(spec T8). -/
theorem sumFin_getD_mul : ∀ (n : Nat) (r q : List Int), r.length = n → q.length = n →
    sumFin n (fun j => r.getD j.val 0 * q.getD j.val 0) = dotL r q
  | 0, [], [], _, _ => rfl
  | n + 1, x :: xs, y :: ys, hr, hq => by
    rw [sumFin_succ]
    have := sumFin_getD_mul n xs ys (by simpa using hr) (by simpa using hq)
    simp only [Fin.val_zero, List.getD_cons_zero, Fin.val_succ, List.getD_cons_succ]
    rw [this]
    rfl

/-- The sum of `max(|r_j| - t, 0)` over a list of length `n` read by `getD` is its excess
(spec T8). -/
theorem sumFin_excess_getD (t : Int) : ∀ (n : Nat) (r : List Int), r.length = n →
    sumFin n (fun j => max (((r.getD j.val 0).natAbs : Int) - t) 0) = excessL t r
  | 0, [], _ => rfl
  | n + 1, x :: xs, hr => by
    rw [sumFin_succ]
    have := sumFin_excess_getD t n xs (by simpa using hr)
    simp only [Fin.val_zero, List.getD_cons_zero, Fin.val_succ, List.getD_cons_succ]
    rw [this]
    rfl

/-- A passing row walk gives the row check at every index below the number of rows
(spec T8). -/
theorem marginRowsOk_getD (p : List Int) (d : Int) : ∀ (rs : List (List Int))
    (θs ps ts : List Int), marginRowsOk p d rs θs ps ts = true → ∀ k, k < rs.length →
      0 ≤ ts.getD k 0 ∧ 2 * (d * ts.getD k 0 + excessL (ts.getD k 0) (rs.getD k []))
        < ps.getD k 0 * (dotL (rs.getD k []) p - θs.getD k 0)
  | [], _, _, _, _, k, hk => absurd hk (Nat.not_lt_zero k)
  | r :: rs, θi :: θs, pi :: ps, t :: ts, h, k, hk => by
    simp only [marginRowsOk, Bool.and_eq_true, decide_eq_true_eq] at h
    cases k with
    | zero => simpa using h.1
    | succ k =>
      simp only [List.getD_cons_succ]
      exact marginRowsOk_getD p d rs θs ps ts h.2 k (by simpa using hk)
  | _ :: _, [], _, _, h, _, _ => by simp [marginRowsOk] at h
  | _ :: _, _ :: _, [], _, h, _, _ => by simp [marginRowsOk] at h
  | _ :: _, _ :: _, _ :: _, [], h, _, _ => by simp [marginRowsOk] at h

/-- The spin of `State.ofList p` at `j` is entry `j` of a `±1` list `p` of length `n`
(spec T8). -/
theorem val_ofList {n : Nat} {p : List Int} (hp : p.length = n)
    (hpm : ∀ x ∈ p, x = 1 ∨ x = -1) (j : Fin n) :
    (State.ofList p : State n).val j = p.getD j.val 0 := by
  have hj : j.val < p.length := by omega
  have hget : p.getD j.val 0 = p[j.val] := by simp [List.getD_eq_getElem?_getD, hj]
  have hx : p.getD j.val 0 = 1 ∨ p.getD j.val 0 = -1 := by
    rw [hget]; exact hpm _ (List.getElem_mem hj)
  simp only [State.val, State.ofList, spin]
  rcases hx with hx | hx <;> simp only [hx] <;> decide

/-- Soundness of the margin certificate checker: if `marginCertOk n rows θ p d ts` evaluates
to `true`, then for the literal network `p` is a fixed point and every state within distance
`d` of `p` goes to `p` in one synchronous step and under every asynchronous schedule covering
its disagreement set, under either tie rule (T8, `Hopfield.recall_of_cut`) (spec T8). -/
theorem recallsWithin_of_marginCertOk (rule : TieRule) {n : Nat} {rows : List (List Int)}
    {θ p : List Int} {d : Nat} {ts : List Int} (h : marginCertOk n rows θ p d ts = true) :
    RecallsWithin rule (Weights.ofLists rows : Weights n) (Thresholds.ofList θ)
      (State.ofList p) d := by
  simp only [marginCertOk, Bool.and_eq_true, beq_iff_eq, List.all_eq_true] at h
  obtain ⟨⟨⟨⟨hn, hrows⟩, hpl⟩, hpm⟩, hok⟩ := h
  have hpm' : ∀ x ∈ p, x = 1 ∨ x = -1 := fun x hx => by
    have := hpm x hx
    simpa [Bool.or_eq_true, beq_iff_eq] using this
  have hrow : ∀ i : Fin n, (rows.getD i.val []).length = n := fun i => by
    have hi : i.val < rows.length := by omega
    have : rows.getD i.val [] = rows[i.val] := by simp [List.getD_eq_getElem?_getD, hi]
    rw [this]
    exact hrows _ (List.getElem_mem hi)
  refine recall_of_cut rule (fun i => ts.getD i.val 0) (fun i => ?_) (fun i => ?_)
  · exact (marginRowsOk_getD p d rows θ p ts hok i.val (by omega)).1
  · have hk := (marginRowsOk_getD p d rows θ p ts hok i.val (by omega)).2
    have hfield : field (Weights.ofLists rows : Weights n) (State.ofList p) i
        = dotL (rows.getD i.val []) p := by
      unfold field
      rw [← sumFin_getD_mul n _ p (hrow i) hpl]
      apply sumFin_congr
      intro j
      rw [val_ofList hpl hpm' j]
      rfl
    have hex : sumFin n (fun j => max ((((Weights.ofLists rows : Weights n) i j).natAbs : Int)
        - ts.getD i.val 0) 0) = excessL (ts.getD i.val 0) (rows.getD i.val []) :=
      sumFin_excess_getD _ n _ (hrow i)
    unfold margin
    rw [hfield, hex, val_ofList hpl hpm' i]
    exact hk

/-! ### Numerals: rows, spins, cuts and thresholds -/

/-- Decode `len` integers from the base-`B` digits of `x`, least significant first, the digit
`c` standing for `c - off`: the compact form in which certificates write a weight row, the
thresholds and the cuts (one numeral per list instead of one literal per entry) (spec T8). -/
def decodeRow (B off : Nat) : Nat → Nat → List Int
  | 0, _ => []
  | len + 1, x => (((x % B : Nat) : Int) - off) :: decodeRow B off len (x / B)

/-- Decode `len` spins from the bits of `x`, least significant first: bit `1` is `+1`, bit `0`
is `-1` (the compact form of a pattern) (spec T8). -/
def decodeSpins : Nat → Nat → List Int
  | 0, _ => []
  | len + 1, x => (((2 * (x % 2) : Nat) : Int) - 1) :: decodeSpins len (x / 2)

/-- The excess `∑_j max(|c_j - off| - t, 0)` of an encoded row over the cut `t`, in `Nat`
arithmetic with `Nat.rec` (spec T8). -/
def excN (B off t : Nat) (len : Nat) : Nat → Nat :=
  Nat.rec (motive := fun _ => Nat → Nat) (fun _ => 0)
    (fun _ ih R => Nat.add (Nat.sub (Nat.add (Nat.sub (Nat.mod R B) off)
      (Nat.sub off (Nat.mod R B))) t) (ih (Nat.div R B))) len

/-- `excN` on no digits is `0` (spec T8). -/
theorem excN_zero (B off t R : Nat) : excN B off t 0 R = 0 :=
  rfl

/-- `excN` on `len + 1` digits: the first digit's term plus the rest (spec T8). -/
theorem excN_succ (B off t len R : Nat) : excN B off t (len + 1) R =
    (R % B - off + (off - R % B) - t) + excN B off t len (R / B) :=
  rfl

/-- A decoded row has `len` entries (spec T8). -/
theorem length_decodeRow (B off : Nat) : ∀ len x : Nat, (decodeRow B off len x).length = len
  | 0, _ => rfl
  | len + 1, x => by simp [decodeRow, length_decodeRow B off len (x / B)]

/-- A decoded pattern has `len` entries (spec T8). -/
theorem length_decodeSpins : ∀ len x : Nat, (decodeSpins len x).length = len
  | 0, _ => rfl
  | len + 1, x => by simp [decodeSpins, length_decodeSpins len (x / 2)]

/-- Every entry of a decoded pattern is `1` or `-1` (spec T8). -/
theorem mem_decodeSpins : ∀ (len x : Nat), ∀ y ∈ decodeSpins len x, y = 1 ∨ y = -1
  | 0, _, y, hy => by simp [decodeSpins] at hy
  | len + 1, x, y, hy => by
    simp only [decodeSpins, List.mem_cons] at hy
    rcases hy with rfl | hy
    · have : x % 2 < 2 := Nat.mod_lt _ (by decide)
      omega
    · exact mem_decodeSpins len (x / 2) y hy

/-- The excess of a decoded row over a cut `t` is `excN` (spec T8). -/
theorem excessL_decodeRow (B off t : Nat) : ∀ len R : Nat,
    excessL (t : Int) (decodeRow B off len R) = ((excN B off t len R : Nat) : Int)
  | 0, _ => by simp [decodeRow, excessL, excN_zero]
  | len + 1, R => by
    rw [decodeRow, excessL, excessL_decodeRow B off t len (R / B), excN_succ]
    generalize R % B = c
    generalize excN B off t len (R / B) = e
    rcases Int.natAbs_eq ((c : Int) - off) with h | h <;> omega

/-! ### Row facts shared by the patterns: the check split in two -/

/-- The digit sum `∑_j c_j` of an encoded row (spec T8). -/
def digSum (B : Nat) (len : Nat) : Nat → Nat :=
  Nat.rec (motive := fun _ => Nat → Nat) (fun _ => 0)
    (fun _ ih R => Nat.add (Nat.mod R B) (ih (Nat.div R B))) len

/-- The sum `∑_j b_j c_j` of the digits of `R` where bit `j` of `P` is `1` (spec T8). -/
def posSum (B : Nat) (len : Nat) : Nat → Nat → Nat :=
  Nat.rec (motive := fun _ => Nat → Nat → Nat) (fun _ _ => 0)
    (fun _ ih R P => Nat.add (Nat.mul (Nat.mod P 2) (Nat.mod R B)) (ih (Nat.div R B) (Nat.div P 2)))
    len

/-- `off` times the number of one bits among the first `len` bits of `P` (spec T8). -/
def offPop (off : Nat) (len : Nat) : Nat → Nat :=
  Nat.rec (motive := fun _ => Nat → Nat) (fun _ => 0)
    (fun _ ih P => Nat.add (Nat.mul (Nat.mod P 2) off) (ih (Nat.div P 2))) len

/-- `digSum` on `len + 1` digits (spec T8). -/
theorem digSum_succ (B len R : Nat) : digSum B (len + 1) R = R % B + digSum B len (R / B) :=
  rfl

/-- `posSum` on `len + 1` digits (spec T8). -/
theorem posSum_succ (B len R P : Nat) :
    posSum B (len + 1) R P = P % 2 * (R % B) + posSum B len (R / B) (P / 2) :=
  rfl

/-- `offPop` on `len + 1` bits (spec T8). -/
theorem offPop_succ (off len P : Nat) :
    offPop off (len + 1) P = P % 2 * off + offPop off len (P / 2) :=
  rfl

/-- The dot product of a decoded row with a decoded pattern from the digit sums:
`r · p = 2 ∑_j b_j c_j - ∑_j c_j - 2 off ∑_j b_j + len · off` (spec T8). -/
theorem dotL_decodeRow_eq_posSum (B off : Nat) : ∀ len R P : Nat,
    dotL (decodeRow B off len R) (decodeSpins len P) =
      2 * ((posSum B len R P : Nat) : Int) - ((digSum B len R : Nat) : Int)
        - 2 * ((offPop off len P : Nat) : Int) + ((len * off : Nat) : Int)
  | 0, _, _ => by simp [decodeRow, decodeSpins, dotL]; rfl
  | len + 1, R, P => by
    rw [decodeRow, decodeSpins, dotL, dotL_decodeRow_eq_posSum B off len (R / B) (P / 2),
      posSum_succ, digSum_succ, offPop_succ, Nat.add_mul, Nat.one_mul]
    have hp : P % 2 < 2 := Nat.mod_lt _ (by decide)
    generalize R % B = c
    generalize P % 2 = b at *
    generalize posSum B len (R / B) (P / 2) = a
    generalize digSum B len (R / B) = s
    generalize offPop off len (P / 2) = q
    generalize len * off = l
    rcases (by omega : b = 0 ∨ b = 1) with rfl | rfl
    · simp only [Nat.mul_zero, Nat.zero_mul, Nat.zero_add]
      omega
    · simp only [Nat.mul_one, Nat.one_mul]
      omega

/-- The row facts for one list of cuts: for each encoded row `R_i`, its digit sum is digit `i`
of `S` (base `Bs`) and its excess over the cut `t_i` (digit `i` of `T`, base `Bt`) is digit
`i` of `E` (base `Be`). They do not depend on the pattern, so one kernel check serves every
pattern certified with these cuts (spec T8). -/
def rowFactsOk (B off n Bt Bs Be : Nat) : Nat → Nat → Nat → List Nat → Bool
  | T, S, E, R :: Rs =>
    Nat.beq (digSum B n R) (Nat.mod S Bs) &&
      Nat.beq (excN B off (Nat.mod T Bt) n R) (Nat.mod E Be) &&
      rowFactsOk B off n Bt Bs Be (Nat.div T Bt) (Nat.div S Bs) (Nat.div E Be) Rs
  | _, _, _, [] => true

/-- The pattern's row checks given the row facts: with `A_i = posSum`, the margin inequality
`2 (d t_i + e_i) < p_i ((2 A_i - s_i - 2 off ∑_j b_j + n off) - θ_i)` for each row, where
`t_i, s_i, e_i` are the digits of `T, S, E` (spec T8). -/
def dotRowsOk (B off n P0 d Bt Bh offh Bs Be : Nat) :
    Nat → Nat → Nat → Nat → Nat → List Nat → Bool
  | P, H, T, S, E, R :: Rs =>
    decide ((2 : Int) * ((d : Int) * ((T % Bt : Nat) : Int) + ((E % Be : Nat) : Int)) <
      (((2 * (P % 2) : Nat) : Int) - 1) *
        ((2 * ((posSum B n R P0 : Nat) : Int) - ((S % Bs : Nat) : Int)
          - 2 * ((offPop off n P0 : Nat) : Int) + ((n * off : Nat) : Int))
          - (((H % Bh : Nat) : Int) - (offh : Int)))) &&
      dotRowsOk B off n P0 d Bt Bh offh Bs Be (P / 2) (H / Bh) (T / Bt) (S / Bs) (E / Be) Rs
  | _, _, _, _, _, [] => true

/-- Passing row facts and pattern row checks give a passing `marginRowsOk` walk on the
decoded lists (spec T8). -/
theorem marginRowsOk_of_dotRowsOk (B off n P0 d Bt Bh offh Bs Be : Nat) :
    ∀ (Rs : List Nat) (P H T S E : Nat), rowFactsOk B off n Bt Bs Be T S E Rs = true →
      dotRowsOk B off n P0 d Bt Bh offh Bs Be P H T S E Rs = true →
      marginRowsOk (decodeSpins n P0) d (Rs.map (decodeRow B off n))
        (decodeRow Bh offh Rs.length H) (decodeSpins Rs.length P)
        (decodeRow Bt 0 Rs.length T) = true
  | [], _, _, _, _, _, _, _ => rfl
  | R :: Rs, P, H, T, S, E, hf, h => by
    simp only [rowFactsOk, Bool.and_eq_true] at hf
    simp only [dotRowsOk, Bool.and_eq_true, decide_eq_true_eq] at h
    have hs : digSum B n R = S % Bs := Nat.eq_of_beq_eq_true hf.1.1
    have he : excN B off (T % Bt) n R = E % Be := Nat.eq_of_beq_eq_true hf.1.2
    have ht : ((T % Bt : Nat) : Int) - ((0 : Nat) : Int) = ((T % Bt : Nat) : Int) := by omega
    simp only [List.map_cons, List.length_cons, decodeRow, decodeSpins, marginRowsOk,
      Bool.and_eq_true, decide_eq_true_eq, ht, excessL_decodeRow, dotL_decodeRow_eq_posSum]
    refine ⟨⟨by omega, ?_⟩, marginRowsOk_of_dotRowsOk B off n P0 d Bt Bh offh Bs Be Rs
      (P / 2) (H / Bh) (T / Bt) (S / Bs) (E / Be) hf.2 h.2⟩
    have h1 := h.1
    rw [← hs, ← he] at h1
    exact h1

/-- The row facts of a certificate: `n` encoded rows in a base `B > 0` and their facts
(`rowFactsOk`) for the cuts `T` (spec T8). -/
def factsOk (B off n : Nat) (Rs : List Nat) (Bt T Bs S Be E : Nat) : Bool :=
  decide (0 < B) && Rs.length == n && rowFactsOk B off n Bt Bs Be T S E Rs

/-- The pattern check of a certificate, given its row facts: `P` passes every row check of
`dotRowsOk` at radius `d` (spec T8). -/
def dotCertOk (B off n : Nat) (Rs : List Nat) (Bh offh H P d Bt T Bs S Be E : Nat) : Bool :=
  dotRowsOk B off n P d Bt Bh offh Bs Be P H T S E Rs

/-- Soundness of the split check: row facts and a pattern check give `marginCertOk` for the
decoded rows, thresholds, pattern and cuts (spec T8). -/
theorem marginCertOk_of_dotCertOk {B off n : Nat} {Rs : List Nat}
    {Bh offh H P d Bt T Bs S Be E : Nat} (hf : factsOk B off n Rs Bt T Bs S Be E = true)
    (h : dotCertOk B off n Rs Bh offh H P d Bt T Bs S Be E = true) :
    marginCertOk n (Rs.map (decodeRow B off n)) (decodeRow Bh offh n H) (decodeSpins n P) d
      (decodeRow Bt 0 n T) = true := by
  simp only [factsOk, Bool.and_eq_true, decide_eq_true_eq, beq_iff_eq] at hf
  obtain ⟨⟨_, hn⟩, hrows⟩ := hf
  have hw := marginRowsOk_of_dotRowsOk B off n P d Bt Bh offh Bs Be Rs P H T S E hrows h
  rw [hn] at hw
  have h1 : ((Rs.map (decodeRow B off n)).length == n) = true := by simp [hn]
  have h2 : (Rs.map (decodeRow B off n)).all (fun r => r.length == n) = true := by
    simp [List.all_eq_true, length_decodeRow]
  have h3 : ((decodeSpins n P).length == n) = true := by simp [length_decodeSpins]
  have h4 : (decodeSpins n P).all (fun x => x == 1 || x == -1) = true := by
    rw [List.all_eq_true]
    intro x hx
    rcases mem_decodeSpins n P x hx with rfl | rfl <;> decide
  simp only [marginCertOk, h1, h2, h3, h4, hw, Bool.and_self]

/-- Soundness of the split check, T8's conclusion: if the row facts and the pattern check
evaluate to `true`, the decoded pattern is a fixed point of the decoded network and every
state within distance `d` of it goes to it in one synchronous step and under every
asynchronous schedule covering its disagreement set, under either tie rule (spec T8). -/
theorem recallsWithin_of_dotCertOk (rule : TieRule) {B off n : Nat} {Rs : List Nat}
    {Bh offh H P d Bt T Bs S Be E : Nat} (hf : factsOk B off n Rs Bt T Bs S Be E = true)
    (h : dotCertOk B off n Rs Bh offh H P d Bt T Bs S Be E = true) :
    RecallsWithin rule (Weights.ofLists (Rs.map (decodeRow B off n)) : Weights n)
      (Thresholds.ofList (decodeRow Bh offh n H)) (State.ofList (decodeSpins n P)) d :=
  recallsWithin_of_marginCertOk rule (marginCertOk_of_dotCertOk hf h)

end Hopfield

end

end
