module

public import Hopfield.Literal
public import Hopfield.Convergence
public import Hopfield.DenseSpec
public import Hopfield.Boltzmann.Literal
public import Hopfield.Thm.Capacity
public import Hopfield.Thm.Margin
public import Hopfield.Spec.Dobrushin

/-!
# Checkers for the frozen test-vector corpus (spec T7)

The differential test vectors (`pyref/data/vectors/v2/corpus.json.gz`, spec T7) are stated in
`HopfieldTest/Vectors/*.lean` as literal lists of case records. A record holds a case's
inputs and pyref's outputs as natural-number literals (integer lists as base-`2^20` digits
offset by `2^19`, one number per weight row; states as bit masks; rationals as numerator and
denominator digits), which the elaborator reads cheaply (integer literals are what costs) and
the kernel decodes with its accelerated `Nat` division.

For each kind of record, `Holds` is the conjunction of the facts about the specification
definitions of `Hopfield` (`field`, `energy`, `asyncStep`, `trajectory`, `boltzmannWeightsExact`,
`systematicScanKernel`, ...) applied to the decoded inputs, with the decoded outputs on the right; `check`
is its Bool decision, and `holds_of_all` turns a kernel-checked `l.all check = true` into the
facts for every record of `l`. So every vector is a statement about the spec definitions.

## Main definitions

* `HopfieldTest.ints`, `HopfieldTest.spins`, `HopfieldTest.rats`, `HopfieldTest.rows`,
  `HopfieldTest.finList`: the decoders
* `HopfieldTest.ClassicalCase`, `HopfieldTest.HebbianCase`, `HopfieldTest.DenseCase`,
  `HopfieldTest.BoltzmannCase`, `HopfieldTest.UpdateCase`, `HopfieldTest.TailCase`,
  `HopfieldTest.DobrushinCase`:
  the case records, each with `Holds` and `check`

## Main results

* `HopfieldTest.ClassicalCase.holds_of_all` and its analogues for the other records:
  a kernel-checked `l.all check = true` gives `Holds` for every record of `l`
-/

@[expose] public section

noncomputable section

namespace HopfieldTest

open Hopfield

/-! ### Decoders -/

/-- The `k` integers whose base-`2^20` digits (least significant first) are those of `x`,
each offset by `2^19` (spec T7 corpus encoding). -/
def ints : Nat → Nat → List Int
  | 0, _ => []
  | k + 1, x => (Int.ofNat (x % 1048576) - 524288) :: ints k (x / 1048576)

/-- The integer with base-`2^20` digit `x`, offset by `2^19` (spec T7 corpus encoding). -/
def int1 (x : Nat) : Int := Int.ofNat x - 524288

/-- The `k` spins of the bit mask `x`: bit `i` set is `+1`, clear is `-1` (spec T7). -/
def spins : Nat → Nat → List Int
  | 0, _ => []
  | k + 1, x => (if x % 2 = 1 then 1 else -1) :: spins k (x / 2)

/-- The `k` base-`16` digits of `x`, least significant first (spec T7 corpus encoding). -/
def digits : Nat → Nat → List Nat
  | 0, _ => []
  | k + 1, x => x % 16 :: digits k (x / 16)

/-- The entries of `l` below `n` as neuron indices (spec T7). -/
def finList (n : Nat) (l : List Nat) : List (Fin n) :=
  l.filterMap (fun d => if h : d < n then some ⟨d, h⟩ else none)

/-- The `k` rationals with numerators the base-`2^b` digits of `a` and denominators those
of `d` (spec T7 corpus encoding). -/
def rats (b : Nat) : Nat → Nat → Nat → List Rat
  | 0, _, _ => []
  | k + 1, a, d =>
    ((Int.ofNat (a % 2 ^ b) : Rat) / (Int.ofNat (d % 2 ^ b) : Rat)) ::
      rats b k (a / 2 ^ b) (d / 2 ^ b)

/-- `l` cut into `r` rows of length `n` (spec T7). -/
def rows {α : Type} (n : Nat) : Nat → List α → List (List α)
  | 0, _ => []
  | r + 1, l => l.take n :: rows n r (l.drop n)

/-- `n` states given as bit masks (spec T7). -/
def states (n : Nat) (l : List Nat) : List (State n) := l.map (fun x => State.ofList (spins n x))

/-- Decidability of the fixed-point property, through `isFixedPoint_iff` (spec T2, T7). -/
instance instDecidableIsFixedPoint {n : Nat} (rule : TieRule) (W : Weights n)
    (θ : Thresholds n) (s : State n) : Decidable (IsFixedPoint rule W θ s) :=
  decidable_of_iff _ (isFixedPoint_iff rule W θ s).symm

/-! ### Classical networks -/

/-- A classical case: a network `(W, θ)` of `n ≤ 12` neurons (any integer weights), a state,
a tie rule, a step index and a non-empty schedule, with pyref's outputs (spec T7). -/
structure ClassicalCase where
  /-- neurons -/
  n : Nat
  /-- `true`: `+1` on ties, `false`: keep -/
  plus : Bool
  /-- the weights, one row of `n` integers per entry -/
  w : List Nat
  /-- the thresholds, `n` integers -/
  th : Nat
  /-- the start state (bit mask) -/
  s : Nat
  /-- the neuron of the single asynchronous step -/
  i : Nat
  /-- the schedule length -/
  len : Nat
  /-- the schedule, base-16 digits -/
  sched : Nat
  /-- the fields at `s`, `n` integers -/
  field : Nat
  /-- the energy of `s` -/
  energy : Nat
  /-- the state after the step at `i` -/
  async : Nat
  /-- the synchronous step of `s` -/
  sync : Nat
  /-- one cyclic sweep from `s` -/
  sweep : Nat
  /-- the states of the trajectory along the schedule -/
  traj : List Nat
  /-- the energies of those states, `len + 1` integers -/
  energies : Nat
  /-- whether the last state of the trajectory (that of `runSchedule`) is a fixed point -/
  fixed : Bool
  /-- the margins at `s`, `n` integers -/
  margin : Nat
  /-- the Hamming distance from `s` to its synchronous step -/
  hamming : Nat

namespace ClassicalCase

/-- The tie rule of the case (spec T7). -/
def rule (c : ClassicalCase) : TieRule := if c.plus then .plus else .keep

/-- The weights of the case (spec T7). -/
def W (c : ClassicalCase) : Weights c.n := Weights.ofLists (c.w.map (ints c.n))

/-- The thresholds of the case (spec T7). -/
def Θ (c : ClassicalCase) : Thresholds c.n := Thresholds.ofList (ints c.n c.th)

/-- The start state of the case (spec T7). -/
def S (c : ClassicalCase) : State c.n := State.ofList (spins c.n c.s)

/-- The schedule of the case (spec T7). -/
def sch (c : ClassicalCase) : List (Fin c.n) := finList c.n (digits c.len c.sched)

/-- What pyref computed, as facts about the spec definitions (spec T7). -/
abbrev Holds (c : ClassicalCase) : Prop :=
  (List.finRange c.n).map (Hopfield.field c.W c.S) = ints c.n c.field ∧
  Hopfield.energy c.W c.Θ c.S = int1 c.energy ∧
  (∀ h : c.i < c.n, (asyncStep c.rule c.W c.Θ c.S ⟨c.i, h⟩).toList = spins c.n c.async) ∧
  (syncStep c.rule c.W c.Θ c.S).toList = spins c.n c.sync ∧
  (Hopfield.sweep c.rule c.W c.Θ c.S).toList = spins c.n c.sweep ∧
  (trajectory c.rule c.W c.Θ c.S c.sch).map State.toList = c.traj.map (spins c.n) ∧
  (states c.n c.traj).map (Hopfield.energy c.W c.Θ) = ints (c.len + 1) c.energies ∧
  (runSchedule c.rule c.W c.Θ c.S c.sch).toList = spins c.n (c.traj.getLastD 0) ∧
  (IsFixedPoint c.rule c.W c.Θ (State.ofList (spins c.n (c.traj.getLastD 0))) ↔
    c.fixed = true) ∧
  (List.finRange c.n).map (Hopfield.margin c.W c.Θ c.S) = ints c.n c.margin ∧
  Hopfield.hamming c.S (syncStep c.rule c.W c.Θ c.S) = c.hamming ∧
  stateIndex c.S = c.s

/-- The Bool check of a case (spec T7). -/
def check (c : ClassicalCase) : Bool := decide c.Holds

/-- Soundness of the check (spec T7). -/
theorem holds_of_check (c : ClassicalCase) (h : c.check = true) : c.Holds :=
  of_decide_eq_true h

/-- A checked list: every case holds (spec T7). -/
theorem holds_of_all (l : List ClassicalCase) (h : l.all check = true) : ∀ c ∈ l, c.Holds :=
  fun c hc => holds_of_check c (List.all_eq_true.mp h c hc)

end ClassicalCase

/-! ### Hebbian weights, crosstalk, overlaps -/

/-- A Hebbian case: `m` patterns of `n` neurons, a probe, with pyref's outputs (spec T7). -/
structure HebbianCase where
  /-- neurons -/
  n : Nat
  /-- the patterns (bit masks) -/
  ps : List Nat
  /-- the probe (bit mask) -/
  probe : Nat
  /-- the Hebbian weights, one row of `n` integers per entry -/
  w : List Nat
  /-- the fields of the probe, `n` integers -/
  field : Nat
  /-- the synchronous step of the probe (keep ties, zero thresholds) -/
  sync : Nat
  /-- the crosstalk at `(k, i)`, one row of `n` integers per pattern `k` -/
  cross : List Nat
  /-- the Hamming distances from the patterns to the probe -/
  hamming : List Nat
  /-- the overlaps of the patterns with the probe, `m` integers -/
  overlap : Nat

namespace HebbianCase

/-- The patterns of the case (spec T7). -/
def P (c : HebbianCase) : List (State c.n) := states c.n c.ps

/-- The probe of the case (spec T7). -/
def X (c : HebbianCase) : State c.n := State.ofList (spins c.n c.probe)

/-- What pyref computed, as facts about the spec definitions (spec T7). -/
abbrev Holds (c : HebbianCase) : Prop :=
  (List.finRange c.n).map (fun i => (List.finRange c.n).map (hebbian c.P i)) =
    c.w.map (ints c.n) ∧
  (List.finRange c.n).map (Hopfield.field (hebbian c.P) c.X) = ints c.n c.field ∧
  (syncStep .keep (hebbian c.P) (fun _ => 0) c.X).toList = spins c.n c.sync ∧
  (List.range c.ps.length).map (fun k => (List.finRange c.n).map (crosstalk c.P k)) =
    c.cross.map (ints c.n) ∧
  c.P.map (fun p => Hopfield.hamming p c.X) = c.hamming ∧
  c.P.map (fun p => Hopfield.overlap p c.X) = ints c.ps.length c.overlap

/-- The Bool check of a case (spec T7). -/
def check (c : HebbianCase) : Bool := decide c.Holds

/-- Soundness of the check (spec T7). -/
theorem holds_of_check (c : HebbianCase) (h : c.check = true) : c.Holds :=
  of_decide_eq_true h

/-- A checked list: every case holds (spec T7). -/
theorem holds_of_all (l : List HebbianCase) (h : l.all check = true) : ∀ c ∈ l, c.Holds :=
  fun c hc => holds_of_check c (List.all_eq_true.mp h c hc)

end HebbianCase

/-! ### Dense associative memory -/

/-- A dense case: exponent `a`, patterns, a state, a step index, a sweep count `k ≥ 1`,
with pyref's outputs (spec T7). -/
structure DenseCase where
  /-- neurons -/
  n : Nat
  /-- the exponent of `F(x) = x ^ a` -/
  a : Nat
  /-- the patterns (bit masks) -/
  ps : List Nat
  /-- the state (bit mask) -/
  s : Nat
  /-- the neuron of the single step -/
  i : Nat
  /-- the number of sweeps -/
  k : Nat
  /-- the overlaps of the patterns with `s`, `m` integers -/
  overlap : Nat
  /-- the dense energy of `s` -/
  energy : Nat
  /-- the state after the step at `i` -/
  step : Nat
  /-- the state after one sweep -/
  sweep : Nat
  /-- the state after `k` sweeps -/
  sweeps : Nat

namespace DenseCase

/-- The patterns of the case (spec T7). -/
def P (c : DenseCase) : List (State c.n) := states c.n c.ps

/-- The state of the case (spec T7). -/
def S (c : DenseCase) : State c.n := State.ofList (spins c.n c.s)

/-- What pyref computed, as facts about the spec definitions (spec T7). -/
abbrev Holds (c : DenseCase) : Prop :=
  c.P.map (fun p => Hopfield.overlap p c.S) = ints c.ps.length c.overlap ∧
  denseEnergy c.a c.P c.S = int1 c.energy ∧
  (∀ h : c.i < c.n, (denseStep c.a c.P c.S ⟨c.i, h⟩).toList = spins c.n c.step) ∧
  (denseSweep c.a c.P c.S).toList = spins c.n c.sweep ∧
  (denseSweeps c.a c.P c.k c.S).toList = spins c.n c.sweeps

/-- The Bool check of a case (spec T7). -/
def check (c : DenseCase) : Bool := decide c.Holds

/-- Soundness of the check (spec T7). -/
theorem holds_of_check (c : DenseCase) (h : c.check = true) : c.Holds :=
  of_decide_eq_true h

/-- A checked list: every case holds (spec T7). -/
theorem holds_of_all (l : List DenseCase) (h : l.all check = true) : ∀ c ∈ l, c.Holds :=
  fun c hc => holds_of_check c (List.all_eq_true.mp h c hc)

end DenseCase

/-! ### Boltzmann machines: exact weights, distributions and Gibbs kernels -/

/-- A Boltzmann case: a machine of `n ≤ 5` neurons at rational `q = qn / qd`, a site, a
start distribution `μ`, with pyref's exact outputs; rationals are digits base `2 ^ b`; the
kernel tables (`4^n` entries) are checked for `n ≤ 2`: their cost in the kernel grows
fast (spec T7, B1-B5). -/
structure BoltzmannCase where
  /-- neurons -/
  n : Nat
  /-- the weights, one row of `n` integers per entry -/
  w : List Nat
  /-- the thresholds, `n` integers -/
  th : Nat
  /-- numerator of `q` -/
  qn : Nat
  /-- denominator of `q` -/
  qd : Nat
  /-- the digit width of the rationals -/
  b : Nat
  /-- the site of the Gibbs probabilities -/
  i : Nat
  /-- numerators and denominators of the weights `q^(E - E_min)` (`2^n` entries) -/
  wn : Nat
  /-- denominators of the weights -/
  wd : Nat
  /-- the Boltzmann distribution -/
  pn : Nat
  /-- denominators of the distribution -/
  pd : Nat
  /-- the site kernels `K_0, …, K_{n-1}` (`n 4^n` entries, row major) -/
  kn : Nat
  /-- denominators of the site kernels -/
  kd : Nat
  /-- the random-scan kernel -/
  rn : Nat
  /-- denominators of the random-scan kernel -/
  rd : Nat
  /-- the systematic-scan kernel -/
  yn : Nat
  /-- denominators of the systematic-scan kernel -/
  yd : Nat
  /-- a start distribution `μ` -/
  mn : Nat
  /-- denominators of `μ` -/
  md : Nat
  /-- `TV(μ, π)`, numerator -/
  tvn : Nat
  /-- `TV(μ, π)`, denominator -/
  tvd : Nat
  /-- the Gibbs probabilities of `+1` at site `i` from every state -/
  gn : Nat
  /-- denominators of the Gibbs probabilities -/
  gd : Nat
  /-- the states of the enumeration, as bit masks -/
  st : List Nat

namespace BoltzmannCase

/-- The number of states `2 ^ n` (spec T7). -/
def N (c : BoltzmannCase) : Nat := 2 ^ c.n

/-- The weights of the case (spec T7). -/
def W (c : BoltzmannCase) : Weights c.n := Weights.ofLists (c.w.map (ints c.n))

/-- The thresholds of the case (spec T7). -/
def Θ (c : BoltzmannCase) : Thresholds c.n := Thresholds.ofList (ints c.n c.th)

/-- `q` (spec T7). -/
def q (c : BoltzmannCase) : Rat := (c.qn : Rat) / (c.qd : Rat)

/-- The weights `q^(E - E_min)` as pyref computed them, as a weight function (spec T7). -/
def bq (c : BoltzmannCase) : State c.n → Rat := weightsOfList (rats c.b c.N c.wn c.wd)

/-- The start distribution `μ` (spec T7). -/
def mu (c : BoltzmannCase) : State c.n → Rat := weightsOfList (rats c.b c.N c.mn c.md)

/-- A kernel as its table of rows over `allStates` (spec T7). -/
def table {n : Nat} (K : State n → State n → Rat) : List (List Rat) :=
  (allStates n).map (fun s => (allStates n).map (K s))

/-- What pyref computed, as facts about the spec definitions (spec T7, B1-B5). -/
abbrev Holds (c : BoltzmannCase) : Prop :=
  (allStates c.n).map State.toList = c.st.map (spins c.n) ∧
  (allStates c.n).map stateIndex = List.range c.N ∧
  (allStates c.n).map (boltzmannWeightsExact c.q c.W c.Θ) = rats c.b c.N c.wn c.wd ∧
  (allStates c.n).map (boltzmannExact c.q c.W c.Θ) = rats c.b c.N c.pn c.pd ∧
  (c.n ≤ 2 → (List.finRange c.n).map (fun i => table (siteKernel c.bq i)) =
    (rows (c.N * c.N) c.n (rats c.b (c.n * (c.N * c.N)) c.kn c.kd)).map (rows c.N c.N)) ∧
  (c.n ≤ 2 → table (randomScanKernel c.bq) = rows c.N c.N (rats c.b (c.N * c.N) c.rn c.rd)) ∧
  (c.n ≤ 2 → table (systematicScanKernel c.bq) = rows c.N c.N (rats c.b (c.N * c.N) c.yn c.yd)) ∧
  [tvDistance c.mu (normalize c.bq)] = rats c.b 1 c.tvn c.tvd ∧
  (∀ h : c.i < c.n,
    (allStates c.n).map (gibbsPlusProbability (boltzmannWeightsExact c.q c.W c.Θ) ⟨c.i, h⟩) = rats c.b c.N c.gn c.gd)

/-- The Bool check of a case (spec T7). -/
def check (c : BoltzmannCase) : Bool := decide c.Holds

/-- Soundness of the check (spec T7). -/
theorem holds_of_check (c : BoltzmannCase) (h : c.check = true) : c.Holds :=
  of_decide_eq_true h

/-- A checked list: every case holds (spec T7). -/
theorem holds_of_all (l : List BoltzmannCase) (h : l.all check = true) : ∀ c ∈ l, c.Holds :=
  fun c hc => holds_of_check c (List.all_eq_true.mp h c hc)

end BoltzmannCase

/-! ### Single updates and sign-sum tails -/

/-- An update case: `updateValue` of a field `h`, threshold `t` and old bit (spec T7). -/
structure UpdateCase where
  /-- `true`: `+1` on ties -/
  plus : Bool
  /-- the field -/
  h : Nat
  /-- the threshold -/
  t : Nat
  /-- the old bit -/
  old : Bool
  /-- pyref's new bit -/
  new : Bool

namespace UpdateCase

/-- What pyref computed, as a fact about `updateValue` (spec T7). -/
abbrev Holds (c : UpdateCase) : Prop :=
  updateValue (if c.plus then .plus else .keep) (int1 c.h) (int1 c.t) c.old = c.new

/-- The Bool check of a case (spec T7). -/
def check (c : UpdateCase) : Bool := decide c.Holds

/-- A checked list: every case holds (spec T7). -/
theorem holds_of_all (l : List UpdateCase) (h : l.all check = true) : ∀ c ∈ l, c.Holds :=
  fun c hc => of_decide_eq_true (List.all_eq_true.mp h c hc)

end UpdateCase

/-- A sign-sum tail case: `signSumTail N t` (spec T7, T9). -/
structure TailCase where
  /-- the number of signs -/
  N : Nat
  /-- the threshold -/
  t : Nat
  /-- pyref's count -/
  count : Nat

namespace TailCase

/-- What pyref computed, as a fact about `signSumTail` (spec T7, T9). -/
abbrev Holds (c : TailCase) : Prop := signSumTail c.N (int1 c.t) = (c.count : Rat)

/-- The Bool check of a case (spec T7). -/
def check (c : TailCase) : Bool := decide c.Holds

/-- A checked list: every case holds (spec T7). -/
theorem holds_of_all (l : List TailCase) (h : l.all check = true) : ∀ c ∈ l, c.Holds :=
  fun c hc => of_decide_eq_true (List.all_eq_true.mp h c hc)

end TailCase

/-! ### Dobrushin influence bounds -/

/-- A Dobrushin case (spec B6): weights and `q`, with pyref's influence bounds
`C_ij = (1 - q^(2|W_ij|)) / (1 + q^(2|W_ij|))` and `α = max_i ∑_j C_ij`. -/
structure DobrushinCase where
  /-- neurons -/
  n : Nat
  /-- the weights, one row of `n` integers per entry -/
  w : List Nat
  /-- numerator of `q` -/
  qn : Nat
  /-- denominator of `q` -/
  qd : Nat
  /-- the digit width of the rationals -/
  b : Nat
  /-- numerators of `C` (`n²` entries, row major) -/
  cn : Nat
  /-- denominators of `C` -/
  cd : Nat
  /-- numerator of `α` -/
  an : Nat
  /-- denominator of `α` -/
  ad : Nat

namespace DobrushinCase

/-- The weights of the case (spec T7, B6). -/
def W (c : DobrushinCase) : Weights c.n := Weights.ofLists (c.w.map (ints c.n))

/-- `q` (spec T7, B6). -/
def q (c : DobrushinCase) : Rat := (c.qn : Rat) / (c.qd : Rat)

/-- What pyref computed, as facts about `influenceBound` and `dobrushinCoefficient`
(spec T7, B6). -/
abbrev Holds (c : DobrushinCase) : Prop :=
  (List.finRange c.n).map (fun i => (List.finRange c.n).map (influenceBound c.q c.W i)) =
    rows c.n c.n (rats c.b (c.n * c.n) c.cn c.cd) ∧
  [dobrushinCoefficient c.q c.W] = rats c.b 1 c.an c.ad

/-- The Bool check of a case (spec T7). -/
def check (c : DobrushinCase) : Bool := decide c.Holds

/-- A checked list: every case holds (spec T7). -/
theorem holds_of_all (l : List DobrushinCase) (h : l.all check = true) : ∀ c ∈ l, c.Holds :=
  fun c hc => of_decide_eq_true (List.all_eq_true.mp h c hc)

end DobrushinCase

end HopfieldTest

end

end
