//! The role matrix's own consistency.

use super::*;

#[test]
fn every_act_has_exactly_one_row() {
    for r in MATRIX {
        assert_eq!(
            MATRIX.iter().filter(|x| x.act == r.act).count(),
            1,
            "{:?}",
            r.act
        );
        assert_eq!(row(r.act).act, r.act);
    }
}

#[test]
fn nobody_off_the_staff_list_is_granted_anything() {
    for r in MATRIX {
        assert_eq!(grant(None, r.act), Grant::No);
    }
}
