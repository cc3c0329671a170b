//! "My actions today": the acting person's entries in the audit log for the board's day,
//! newest first, in the interface language, shown as a scrollable list.

use super::super::app::{App, Mode};
use crate::store::Store;
use crate::store::queries::Bi;

/// Opens the list (or says there is nothing).
pub(super) fn open(app: &mut App, store: &mut Store) {
    let day = app.env.today().to_string();
    let actor = app.env.actor.clone();
    let rows = store.read(|tx| crate::store::audit_mine::mine(tx, &actor, &day));
    match rows {
        Ok(rows) if rows.is_empty() => app.say(
            app.lang
                .pick("今天还没有本人的操作记录", "no actions of yours today"),
            false,
        ),
        Ok(rows) => {
            app.mode = Mode::Lines {
                title: Bi::new(
                    format!("本人今日操作（{day}）"),
                    format!("My actions today ({day})"),
                ),
                lines: rows,
                scroll: 0,
            }
        }
        Err(e) => app.say(e.localized(app.lang), true),
    }
}

/// History search: documents and supervision items in every state whose title, id or
/// department matches `text`, newest first, at most 200 of each.
pub(super) fn history(app: &mut App, store: &mut Store, text: &str) {
    use crate::domain::{DocState, SupState};
    use crate::i18n::Named;
    use crate::store::queries::history::{Of, Search, Sort, search};
    let lang = app.lang;
    let s = Search {
        text: Some(text.to_string()),
        sort: Sort::Received,
        limit: Some(200),
        ..Search::default()
    };
    let found = store.read(|tx| {
        Ok((
            search(tx, Of::Documents, &s)?,
            search(tx, Of::Supervision, &s)?,
        ))
    });
    match found {
        Ok((docs, sups)) => {
            let mut lines = Vec::new();
            for r in &docs {
                let st = DocState::parse(&r.state);
                lines.push(Bi::new(
                    format!(
                        "{} 公文 {} 《{}》 {} 收 {}",
                        r.since,
                        r.ext_id,
                        r.title,
                        st.map_or("", |s| s.zh()),
                        r.who.clone().unwrap_or_default()
                    ),
                    format!(
                        "{} document {} “{}” {} {}",
                        r.since,
                        r.ext_id,
                        r.title,
                        st.map_or("", |s| s.en()),
                        r.who.clone().unwrap_or_default()
                    ),
                ));
            }
            for r in &sups {
                let st = SupState::parse(&r.state);
                lines.push(Bi::new(
                    format!(
                        "{} 督办 {} 《{}》 {} {}",
                        r.since,
                        r.ext_id,
                        r.title,
                        st.map_or("", |s| s.zh()),
                        r.dept.clone().unwrap_or_default()
                    ),
                    format!(
                        "{} supervision {} “{}” {} {}",
                        r.since,
                        r.ext_id,
                        r.title,
                        st.map_or("", |s| s.en()),
                        r.dept.clone().unwrap_or_default()
                    ),
                ));
            }
            if lines.is_empty() {
                app.say(
                    lang.pick("历史中没有匹配项", "nothing in the history matches"),
                    false,
                );
                return;
            }
            app.mode = Mode::Lines {
                title: Bi::new(
                    format!(
                        "历史检索“{text}”：公文 {} 件，督办 {} 件（含全部状态；:sign 编号 等可直接操作）",
                        docs.len(),
                        sups.len()
                    ),
                    format!(
                        "History '{text}': {} documents, {} supervision items (every state; act with :sign ID etc.)",
                        docs.len(),
                        sups.len()
                    ),
                ),
                lines,
                scroll: 0,
            };
        }
        Err(e) => app.say(e.localized(lang), true),
    }
}

/// Signed documents owing 印制 or 公开: where the district's rules ask for them, with the
/// rule and article; acted on with `:printed ID` / `:published ID`.
pub(super) fn to_print(app: &mut App, store: &mut Store) {
    let lang = app.lang;
    let profile = app.env.profile.clone();
    let d = &profile.documents;
    if d.print_after_sign.is_none() && d.publish_after_print.is_none() {
        app.say(
            lang.pick(
                "本区规则没有公文印制、公开时限",
                "this district's rules set no printing or publishing limit",
            ),
            false,
        );
        return;
    }
    match store.read(|tx| crate::store::queries::to_print::owing(tx, &profile)) {
        Ok(rows) if rows.is_empty() => app.say(
            lang.pick(
                "没有待印制、待公开的公文",
                "no document owes printing or publishing",
            ),
            false,
        ),
        Ok(rows) => {
            let rule = |name: &str| {
                crate::tui::panes::help::rule_text(name, &profile, lang).unwrap_or_default()
            };
            let lines = rows
                .iter()
                .map(|r| {
                    let signed = r.signed_on.clone().unwrap_or_default();
                    match &r.printed_on {
                        None => Bi::new(
                            format!(
                                "{signed} 签发  待印制  {} 《{}》  → :printed {}",
                                r.ext_id, r.title, r.ext_id
                            ),
                            format!(
                                "signed {signed}  to print  {} “{}”  → :printed {}",
                                r.ext_id, r.title, r.ext_id
                            ),
                        ),
                        Some(p) => Bi::new(
                            format!(
                                "{p} 印制  待公开  {} 《{}》  → :published {}",
                                r.ext_id, r.title, r.ext_id
                            ),
                            format!(
                                "printed {p}  to publish  {} “{}”  → :published {}",
                                r.ext_id, r.title, r.ext_id
                            ),
                        ),
                    }
                })
                .collect();
            app.mode = Mode::Lines {
                title: Bi::new(
                    format!(
                        "待印制、待公开（{}；{}）",
                        rule("printed"),
                        rule("published")
                    ),
                    format!(
                        "Owing printing or publishing ({}; {})",
                        rule("printed"),
                        rule("published")
                    ),
                ),
                lines,
                scroll: 0,
            };
        }
        Err(e) => app.say(e.localized(lang), true),
    }
}
