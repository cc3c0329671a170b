//! The rules table and the `rules` command.

use super::load;
use dutydesk::i18n::Lang;
use dutydesk::profile::table::rows;

#[test]
fn the_rules_table_reads_in_both_languages() {
    let p = load("dongchang");
    let find = |lang| {
        rows(&p, lang)
            .into_iter()
            .find(|r| r.key == "documents.countersign_reply")
            .expect("countersign row")
    };
    let zh = find(Lang::Zh);
    assert!(zh.value.starts_with("7 个工作日"), "{}", zh.value);
    assert_eq!(zh.article, "二十七");
    assert_eq!(zh.section, "公文处理");
    assert!(find(Lang::En).value.starts_with("7 working days"));

    let exec = |lang| {
        rows(&p, lang)
            .into_iter()
            .find(|r| r.key == "meetings.executive.cadence")
            .map(|r| r.value)
            .unwrap_or_default()
    };
    assert!(
        exec(Lang::Zh).starts_with("每月 1–2 次"),
        "{}",
        exec(Lang::Zh)
    );
    assert!(
        exec(Lang::En).starts_with("1–2 a month"),
        "{}",
        exec(Lang::En)
    );

    let huancui = rows(&load("huancui"), Lang::Zh);
    let standin = huancui
        .iter()
        .find(|r| r.key == "people.mayor_standin")
        .expect("standin");
    assert!(standin.value.starts_with("第一副区长"), "{}", standin.value);
}

#[test]
fn the_rules_command_aligns_columns_by_cells() {
    let p = load("huancui");
    let mut out = Vec::new();
    dutydesk::cli::rules::run(&p, Lang::Zh, &mut out).expect("run");
    let out = String::from_utf8(out).expect("utf8");
    assert!(out.contains("威海市环翠区"));
    assert!(out.contains("威环政发〔2022〕4号"));
    assert!(out.contains("builtin:huancui"));
    // Every value starts at the cell where the header's "内容" starts; continuation
    // lines of a wrapped value start there too; no line is wider than 100 cells.
    let header = out
        .lines()
        .find(|l| l.trim_start().starts_with("规则"))
        .expect("header");
    let column = dutydesk::text::width(&header[..header.find("内容").expect("value head")]);
    let mut checked = 0;
    for line in out.lines().filter(|l| l.starts_with("  ")) {
        assert!(dutydesk::text::width(line) <= 100, "{line}");
        let (before, after) = split_at_cell(line, column);
        assert!(
            before.ends_with("  ") && !after.starts_with(' '),
            "misaligned: {line}"
        );
        checked += 1;
    }
    assert!(checked > 30, "{out}");
}

/// Splits `line` at terminal cell `cells`.
fn split_at_cell(line: &str, cells: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in line.char_indices() {
        if used >= cells {
            return line.split_at(i);
        }
        used += dutydesk::text::width(c.encode_utf8(&mut [0; 4]));
    }
    (line, "")
}
