//! Broken profiles fail at the right line; an edited copy loads by path.

use super::{invalid, line_of, period, text};
use dutydesk::Error;
use dutydesk::profile::{Profile, Span};

#[test]
fn an_unknown_key_is_an_error_at_its_line() {
    let base = text("xinzhou");
    let edited = base.replacen("[people]\n", "[people]\ncolour = \"red\"\n", 1);
    let (location, message) = invalid(Profile::parse(&edited, "edited/xinzhou.toml"));
    assert_eq!(
        location,
        format!("edited/xinzhou.toml:{}", line_of(&edited, "colour"))
    );
    assert!(message.contains("colour"), "{message}");

    let edited = base.replacen(
        "article = \"二十八\", note",
        "article = \"二十八\", colour = 1, note",
        1,
    );
    let (location, message) = invalid(Profile::parse(&edited, "x.toml"));
    assert_eq!(location, format!("x.toml:{}", line_of(&edited, "colour")));
    assert!(message.contains("colour"), "{message}");

    let edited = base.replacen(
        "[meetings.study]",
        "[meetings.banquet]\narticle = \"一\"\n\n[meetings.study]",
        1,
    );
    let (location, message) = invalid(Profile::parse(&edited, "x.toml"));
    assert_eq!(
        location,
        format!("x.toml:{}", line_of(&edited, "[meetings.banquet]"))
    );
    assert!(message.contains("banquet"), "{message}");
}

#[test]
fn a_bad_value_is_an_error_at_its_line() {
    let base = text("dongchang");
    let edited = base.replacen(
        "countersign_reply = { workdays = 7",
        "countersign_reply = { workdays = \"seven\"",
        1,
    );
    let (location, message) = invalid(Profile::parse(&edited, "d.toml"));
    assert_eq!(
        location,
        format!("d.toml:{}", line_of(&edited, "\"seven\""))
    );
    assert!(
        message.contains("seven") || message.contains("string"),
        "{message}"
    );

    let edited = base.replacen(
        "[\"区长\"], delegate = [\"常务副区长\"], article = \"二十\"",
        "[\"镇长\"], article = \"二十\"",
        1,
    );
    let (location, message) = invalid(Profile::parse(&edited, "d.toml"));
    assert_eq!(location, format!("d.toml:{}", line_of(&edited, "镇长")));
    assert!(message.contains("镇长"), "{message}");
}

#[test]
fn post_parse_problems_name_the_line() {
    let base = text("dongchang");
    let cases = [
        (
            "countersign_reply = { workdays = 7,",
            "countersign_reply = { workdays = 7, days = 3,",
            "countersign_reply",
            "exactly one",
        ),
        (
            "critical_leader_sign = { workdays = 1,",
            "critical_leader_sign = {",
            "critical_leader_sign",
            "exactly one",
        ),
        (
            "major_to_mayor = { value = true, article = \"二十八\" }",
            "major_to_mayor = { value = true, article = \" \" }",
            "major_to_mayor",
            "article",
        ),
        (
            "times = 1, times_max = 2,",
            "times = 2, times_max = 1,",
            "times_max = 1",
            "times_max",
        ),
        (
            "cadence = { times = 1, every = 6,",
            "cadence = { as_needed = true, times = 1, every = 6,",
            "as_needed",
            "as_needed",
        ),
    ];
    for (from, to, needle, words) in cases {
        let edited = base.replacen(from, to, 1);
        assert_ne!(edited, base, "{from}");
        let (location, message) = invalid(Profile::parse(&edited, "d.toml"));
        assert_eq!(
            location,
            format!("d.toml:{}", line_of(&edited, needle)),
            "{message}"
        );
        assert!(message.contains(words), "{message}");
    }
}

#[test]
fn investment_tiers_out_of_order_are_rejected() {
    let base = text("xinzhou");
    let edited = base.replacen(
        "min_wan = 2000\nmax_wan = 5000",
        "min_wan = 1500\nmax_wan = 5000",
        1,
    );
    let (location, message) = invalid(Profile::parse(&edited, "x.toml"));
    let tier_line = line_of(&edited, "min_wan = 1500") - 1;
    assert_eq!(location, format!("x.toml:{tier_line}"), "{message}");
    assert!(message.contains("out of order"), "{message}");

    let edited = base.replacen("min_wan = 5000\nmin_inclusive = true", "min_wan = 5000", 1);
    let (_, message) = invalid(Profile::parse(&edited, "x.toml"));
    assert!(message.contains("neither tier includes"), "{message}");
}

#[test]
fn a_copied_and_edited_profile_loads_by_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("my-district.toml");
    let edited = text("huarong")
        .replacen("id = \"huarong\"", "id = \"my_district\"", 1)
        .replacen(
            "countersign_reply = { workdays = 7",
            "countersign_reply = { workdays = 6",
            1,
        );
    std::fs::write(&path, edited).expect("write");
    let arg = path.to_string_lossy().to_string();
    let p = Profile::resolve(&arg).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.district.id, "my_district");
    assert_eq!(p.loaded_from, arg);
    period(
        p.documents.countersign_reply.as_ref(),
        Span::Workdays(6),
        "五十四",
    );
    assert_eq!(Profile::from_path(&path).ok(), Some(p));

    let missing = dir.path().join("missing.toml");
    assert!(matches!(
        Profile::resolve(&missing.to_string_lossy()),
        Err(Error::Io { .. })
    ));
}
