module

public import HopfieldPinned.Classical
public import HopfieldPinned.Boltzmann
public import HopfieldPinned.Margin
public import HopfieldPinned.Capacity
public import HopfieldPinned.Mixing

/-!
# HopfieldPinned: what is proved, stated in plain Lean

The pinned statements of every headline theorem of the README's theorem table, one file per
family (`HopfieldPinned.Classical`: spec conventions and T1-T7; `HopfieldPinned.Boltzmann`:
B1-B5; `HopfieldPinned.Margin`: T8; `HopfieldPinned.Capacity`: T9; `HopfieldPinned.Mixing`:
B6, B7). Each is proved by the library theorem it names; this is the file a reader opens to
know exactly what is proved.

## Main definitions

None.

## Main results

* `HopfieldPinned.*`: one theorem per headline theorem, named `<spec id>.<library name>`
-/
