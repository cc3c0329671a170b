use super::*;
use crate::domain::compliance::ItemRef;

fn f(sev: Severity, entity: &str, id: i64, day: u32, rule: &str) -> Finding {
    Finding {
        severity: sev,
        rule: rule.into(),
        article: None,
        item: ItemRef::new(entity, id, format!("X{id}"), "标题"),
        since: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
        message_zh: format!("说明{id}"),
        message_en: format!("what {id}"),
    }
}

fn sorted(mut v: Vec<Finding>) -> Vec<Finding> {
    rules::sort(&mut v);
    v
}

#[test]
fn rows_merge_district_and_items_in_the_full_order() {
    use Severity::*;
    let district = vec![
        f(Warning, "meeting_kind", 0, 3, "cadence"),
        f(Violation, "people", 0, 9, "away"),
    ];
    let items = vec![
        f(Violation, "document", 5, 9, "due"),
        f(Violation, "document", 5, 9, "another"),
        f(Warning, "supervision", 2, 1, "feedback"),
        f(Notice, "meeting", 7, 1, "materials"),
        f(Violation, "meeting", 7, 2, "quorum"),
    ];
    let mut ix = Index::new(None);
    ix.set_district(district.clone());
    ix.replace([], items.clone());
    let want = sorted(district.iter().chain(&items).cloned().collect());
    let got: Vec<Finding> = ix.rows().collect();
    assert_eq!(got, want);
    assert_eq!(ix.all(), want);
    // Replacing one item's findings moves only them.
    ix.replace(
        [(Kind::Document, 5)],
        vec![f(Notice, "document", 5, 20, "due")],
    );
    let want = sorted(
        district
            .iter()
            .chain(&items[2..])
            .cloned()
            .chain([f(Notice, "document", 5, 20, "due")])
            .collect(),
    );
    assert_eq!(ix.rows().collect::<Vec<_>>(), want);
    let v = ix.view(3);
    assert_eq!(v.rows().count(), 3);
    assert_eq!(v.len(), want.len());
    assert_eq!(v.total_counts(), [2, 2, 2]);
}

#[test]
fn the_filter_follows_replaced_items() {
    use Severity::*;
    let mut ix = Index::new(Some(Lang::Zh));
    ix.replace(
        [],
        vec![
            f(Violation, "document", 1, 9, "due"),
            f(Warning, "supervision", 2, 1, "feedback"),
        ],
    );
    ix.set_filter(Some("说明2"));
    assert_eq!(ix.len(), 1);
    ix.replace(
        [(Kind::Document, 1)],
        vec![f(Violation, "document", 1, 9, "due")],
    );
    assert_eq!(ix.len(), 1);
    ix.replace([(Kind::Supervision, 2)], vec![]);
    assert_eq!(ix.len(), 0);
    assert_eq!(ix.view(10).counts(), [0, 0, 0]);
    assert_eq!(ix.view(10).total_counts(), [1, 0, 0]);
    ix.set_filter(None);
    assert_eq!(ix.len(), 1);
    // Only the board's language is kept.
    assert!(ix.all()[0].message_en.is_empty());
}

#[test]
fn an_items_findings_in_two_parts_are_kept_as_in_one() {
    use Severity::*;
    let a = f(Violation, "document", 5, 9, "due");
    let b = f(Warning, "document", 5, 3, "print");
    let mut one = Index::new(None);
    one.add(vec![a.clone(), b.clone()]);
    let mut two = Index::new(None);
    two.add(vec![b.clone()]);
    two.add(vec![a.clone()]);
    assert_eq!(one.all(), two.all());
    assert_eq!(two.about("document", 5), sorted(vec![a, b]));
    assert!(two.about("document", 6).is_empty());
}

#[test]
fn equal_texts_are_kept_once() {
    let mut t = super::kept::Texts::default();
    let a = t.place("应于 2026-11-03 前批办");
    assert_eq!(t.place("应于 2026-11-03 前批办"), a);
    let b = t.place("other");
    assert_ne!(b, a);
    assert_eq!(t.get(a), "应于 2026-11-03 前批办");
    assert_eq!(t.get(b), "other");
}
